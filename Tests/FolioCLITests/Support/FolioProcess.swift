import Foundation

/// Runs the built `folio` binary as a subprocess and collects what it printed.
enum FolioProcess {
    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutLines: [String] {
            stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stdout.hasSuffix("\n") ? 1 : 0).map(
                String.init)
        }
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    enum Failure: Error, CustomStringConvertible {
        case binaryNotFound([String])
        var description: String {
            switch self {
            case .binaryNotFound(let looked): "no folio binary found; looked in: \(looked.joined(separator: ", "))"
            }
        }
    }

    /// The `folio` executable built with the tests: next to the test bundle (whatever the scratch
    /// path), else under the package's own `.build*` folders (the newest), or `FOLIO_BINARY`.
    static let binary: Result<URL, Failure> = {
        let manager = FileManager.default
        func executable(_ url: URL) -> URL? {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                manager.isExecutableFile(atPath: url.path)
            else { return nil }
            return url
        }
        if let override = ProcessInfo.processInfo.environment["FOLIO_BINARY"],
            let url = executable(URL(fileURLWithPath: override))
        {
            return .success(url)
        }
        // The products folder of this build: the test bundle's folder (or its parent, for a bundle directory).
        var folders = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        if let executableURL = Bundle.main.executableURL { folders.append(executableURL.deletingLastPathComponent()) }
        folders += folders.map { $0.deletingLastPathComponent() }
        for folder in folders {
            if let found = executable(folder.appendingPathComponent("folio")) { return .success(found) }
        }
        // Fallback: any `.build*/debug/folio` of this package, newest first.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let scratch = ((try? manager.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix(".build") }
        let candidates = scratch.flatMap { name -> [URL] in
            let folder = root.appendingPathComponent(name)
            let platforms = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            return [folder.appendingPathComponent("debug/folio")]
                + platforms.map { folder.appendingPathComponent("\($0)/debug/folio") }
        }.compactMap(executable)
        let newest = candidates.max { a, b in
            let dateA = (try? manager.attributesOfItem(atPath: a.path)[.modificationDate] as? Date) ?? .distantPast
            let dateB = (try? manager.attributesOfItem(atPath: b.path)[.modificationDate] as? Date) ?? .distantPast
            return dateA < dateB
        }
        if let newest { return .success(newest) }
        return .failure(.binaryNotFound(folders.map(\.path) + [root.path + "/.build*"]))
    }()

    /// One cache folder for the whole test run, under the temporary directory. Swift Testing has
    /// no hook at the end of a run, so each run removes the folders of earlier runs whose process
    /// is gone instead.
    static let testCache: String = {
        let manager = FileManager.default
        let parent = manager.temporaryDirectory
        let prefix = "folio-cli-tests-cache-"
        for name in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? manager.removeItem(at: parent.appending(path: name))
        }
        return parent.appending(path: prefix + "\(getpid())").path
    }()

    /// Runs folio with `arguments`; stdin is an empty pipe (not a terminal, at end of file), stdout
    /// and stderr are pipes.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = try binary.get()
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        // Index snapshots of the tests' throwaway corpora go to a throwaway cache, not the user's.
        variables["XDG_CACHE_HOME"] = testCache
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        if let directory { process.currentDirectoryURL = directory }
        let input = Pipe()
        let out = Pipe()
        let err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting: a full pipe would block the child forever.
        let group = DispatchGroup()
        let errorData = DataBox()
        group.enter()
        DispatchQueue.global().async {
            errorData.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.data, as: UTF8.self))
    }
}

/// Hands the stderr bytes from the reading thread back to the caller (written once, read after wait).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
