import Foundation
import Testing

@testable import FolioCore

/// What the command line reads and prints when the corpus or the cache is hostile: links out of the
/// corpus are skipped and counted, kernel file systems are refused at once, and text from a snapshot
/// is cleaned before it is printed however the snapshot got there.
@Suite struct CorpusSafetyCLITests {
    /// folio under `timeout`, so that a walk that never ends fails the test instead of hanging it.
    private func folio(within seconds: Int, _ arguments: [String], environment: [String: String] = [:]) throws
        -> FolioProcess.Output
    {
        let binary = try FolioProcess.binary.get()
        let timeout = try #require(
            ["/usr/bin/timeout", "/bin/timeout"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: timeout)
        process.arguments = ["--signal=KILL", "\(seconds)", binary.path] + arguments
        var variables = ProcessInfo.processInfo.environment
        variables["XDG_CACHE_HOME"] = FolioProcess.testCache
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let out = Pipe()
        let err = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = ErrorBytes()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return FolioProcess.Output(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors.data, as: UTF8.self))
    }

    private final class ErrorBytes: @unchecked Sendable { var data = Data() }

    @Test(arguments: ["/proc", "/proc/self/root", "/sys", "/dev"])
    func aKernelFileSystemIsNotACorpus(path: String) throws {
        let output = try folio(within: 60, ["list", path, "--follow-links"])
        #expect(output.status == 2, "folio list \(path) exited \(output.status) (137: killed after 60 s)")
        #expect(
            output.stderrLines == [
                "folio: no articles in \(path): 1 file(s) skipped (1 in /proc, /sys or /dev (kernel file system))"
            ])
    }

    @Test func linksOutOfTheCorpusAreSkippedCountedAndFollowedOnlyWhenAsked() throws {
        let corpus = try Scratch()
        let outside = try Scratch()
        try corpus.write("inside.txt", "Inside\n\nText.")
        try corpus.link("secret.txt", to: try outside.write("secret.txt", "Secret\n\nOutside text."))
        try corpus.link("everything", to: "/")
        let listed = try folio(within: 60, ["list", corpus.path, "--format", "tsv"])
        #expect(listed.stdoutLines.map { $0.split(separator: "\t").first.map(String.init) } == ["inside.txt"])
        let stats = try folio(within: 60, ["stats", corpus.path])
        #expect(
            stats.stdoutLines.contains {
                $0.contains("link out of the corpus folder (--follow-links)") && $0.contains(" 2  (e.g. everything, secret.txt)")
            },
            "\(stats.stdout)")
        // Asked for: the file outside is read (the link to / is not: this corpus has no other link).
        try FileManager.default.removeItem(atPath: corpus.path + "/everything")
        let followed = try folio(within: 60, ["list", corpus.path, "--format", "tsv", "--follow-links"])
        #expect(
            Set(followed.stdoutLines.map { $0.split(separator: "\t").first.map(String.init) }) == ["inside.txt", "secret.txt"])
        // Never in restricted mode, by flag or by variable (the reader lists when not on a terminal).
        for (arguments, environment) in [
            (["--restricted", "--follow-links", corpus.path], [:]),
            (["--follow-links", corpus.path], ["FOLIO_RESTRICTED": "1"])
        ] {
            let restricted = try folio(within: 60, arguments + ["--no-cache"], environment: environment)
            #expect(restricted.status == 0, "\(restricted.stderr)")
            #expect(restricted.stdout.contains("inside.txt") && !restricted.stdout.contains("secret.txt"), "\(arguments)")
        }
    }

    /// A one-article corpus and a cache folder holding its snapshot, written by `folio stats`.
    private func corpusWithSnapshot() throws -> (corpus: Scratch, cache: Scratch, snapshot: String) {
        let corpus = try Scratch()
        let cache = try Scratch()
        try corpus.write("a.txt", "Harbour\n\nBoats went out.")
        let stats = try folio(within: 60, ["stats", corpus.path], environment: ["XDG_CACHE_HOME": cache.path])
        #expect(stats.stdout.contains("saved to"))
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: cache.path + "/folio").first { $0.hasSuffix(".snapshot") })
        return (corpus, cache, cache.path + "/folio/" + file)
    }

    @Test func aFIFOAtTheSnapshotPathDoesNotStopStats() throws {
        let (corpus, cache, path) = try corpusWithSnapshot()
        let environment = ["XDG_CACHE_HOME": cache.path]
        #expect(unlink(path) == 0 && mkfifo(path, 0o600) == 0)
        let stats = try folio(within: 60, ["stats", corpus.path], environment: environment)
        #expect(stats.status == 0, "folio stats exited \(stats.status) (137: killed after 60 s)")
        #expect(
            stats.stdout.contains("rebuilt (snapshot not trusted: \(path) is not a regular file) and saved to \(path)"),
            "\(stats.stdout)")
    }

    /// A snapshot that passes every check (here: this user's own, in this user's folder) but holds
    /// text no loader would have kept: every command prints it cleaned.
    @Test func whatASnapshotHoldsIsCleanedBeforeItIsPrinted() throws {
        let (corpus, cache, path) = try corpusWithSnapshot()
        let environment = ["XDG_CACHE_HOME": cache.path]
        let fingerprint = try SnapshotReader.read(path: path, fingerprint: nil).get().fingerprint
        var report = LoadReport()
        report.skip("skipped\u{1B}]0;pwned\u{07}.txt", .binary)
        let escape = "\u{1B}]0;pwned\u{07}"
        let hostile = EmbeddedEngine(
            articles: [
                Article(
                    id: "planted\(escape).txt", title: "\(escape)Harbour \u{9B}2J", source: "\u{1B}[31msource\u{202E}",
                    author: "\u{1B}[1mauthor", url: "https://example.org/\u{07}",
                    body: "Harbour \(escape)boats\u{1B}[2J \u{9D}0;x\u{07} out.")
            ],
            report: report)
        try SnapshotWriter.write(hostile, index: hostile.index, fingerprint: fingerprint, to: path)
        #expect(try folio(within: 60, ["stats", corpus.path], environment: environment).stdout.contains("loaded from"))

        for arguments in [
            ["list", corpus.path], ["list", corpus.path, "--format", "tsv"], ["list", corpus.path, "--format", "json"],
            ["search", "harbour", corpus.path], ["search", "harbour", corpus.path, "--format", "tsv"],
            ["search", "harbour", corpus.path, "--format", "json"], ["show", "planted\(escape).txt", corpus.path],
            ["show", "planted", corpus.path], ["stats", corpus.path]
        ] {
            let output = try folio(within: 60, arguments, environment: environment)
            #expect((0...2).contains(output.status), "\(arguments): \(output.stderr)")
            for (name, text) in [("stdout", output.stdout), ("stderr", output.stderr)] {
                let forbidden = text.unicodeScalars.filter {
                    ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}"
                }
                #expect(forbidden.isEmpty, "\(arguments) printed \(forbidden.map { String($0.value, radix: 16) }) on \(name)")
            }
            #expect(!output.stdout.contains("pwned") && !output.stderr.contains("pwned"), "\(arguments): \(output.stdout)")
        }
    }
}

/// A throwaway folder for one test, removed with everything in it (links are removed, never followed).
private final class Scratch {
    let path = FileManager.default.temporaryDirectory.appending(path: "folio-cli-safety-\(UUID().uuidString)").path

    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: destination)
    }
}
