import Foundation

/// A helper process started with `posix_spawn` (stdin on /dev/null, stdout and stderr into a file)
/// and reaped with `waitpid`. Not `Foundation.Process` with pipes, which hangs here when a child
/// keeps a descriptor open (Documentation/architecture.md §14).
struct ChildProcess {
    let pid: pid_t
    let outputPath: String

    /// Starts `path` with `arguments` and this process's environment.
    init(_ path: String, _ arguments: [String], outputPath: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard code == 0 else { throw ChildProcessError.spawnFailed(path, String(cString: strerror(code))) }
        self.pid = pid
        self.outputPath = outputPath
    }

    /// Waits for the process to end; returns its exit status (128 + signal when killed) and output.
    func wait() -> (status: Int32, output: String) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (exitStatus, output)
    }

    /// The `FolioStateStress` tool of this build: next to the test runner, or in a parent folder.
    static var stressTool: String? {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appending(path: "FolioStateStress").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The absolute path of a program on `PATH`.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

enum ChildProcessError: Error, CustomStringConvertible {
    case spawnFailed(String, String)

    var description: String {
        switch self {
        case .spawnFailed(let path, let reason): "cannot start \(path): \(reason)"
        }
    }
}
