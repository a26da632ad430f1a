import Foundation
import Testing

/// folio on text built to drive a terminal, run in a pseudo-terminal: every byte it writes must be
/// its own ncurses drawing, never a sequence from an article (issue 6). The generator and the
/// checker are Python scripts in the project, so they can also be run by hand on any corpus.
@Suite(.serialized, .enabled(if: HostileScripts.isAvailable, "/usr/bin/python3 is not installed"))
struct HostileTerminalOutputTests {

    /// The repository root, from this file's path (Tests/EndToEndTests/<this file>).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let generator = repository.appending(path: "Scripts/generate-hostile-corpus.py").path
    static let checker = repository.appending(path: "Tests/Hostile/check_terminal_output.py").path

    @Test func hostileCorpusDrawsNothingButFolio() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let scratch = FileManager.default.temporaryDirectory.appending(path: "folio-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { Self.remove(scratch) }
        let corpus = scratch.appending(path: "corpus").path

        let generated = run([Self.generator, corpus, "--seed", "6", "--small"], in: scratch)
        try #require(generated.status == 0, "the generator failed (\(generated.status)):\n\(generated.output)")

        let checked = run([Self.checker, folio.path, corpus], in: scratch)
        #expect(checked.status == 0, "folio's terminal output was not clean:\n\(generated.output)\n\(checked.output)")
        #expect(checked.output.contains("verdict: clean"), "\(checked.output)")
    }

    @Test(arguments: ["seeds", "bbc-fulltext"])
    func realCorpusDrawsNothingButFolio(name: String) throws {
        let corpus = Self.repository.deletingLastPathComponent().appending(path: "shared/corpus/\(name)")
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            print("skipped: \(corpus.path) is not present")
            return
        }
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let scratch = FileManager.default.temporaryDirectory.appending(path: "folio-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { Self.remove(scratch) }

        // "time" is in every seed article and in many BBC ones, so the script opens real hits.
        let checked = run([Self.checker, folio.path, corpus.path, "--query", "time"], in: scratch)
        #expect(checked.status == 0, "folio's terminal output on \(name) was not clean:\n\(checked.output)")
    }

    /// Runs a Python script (posix_spawn + waitpid: see TmuxSession.spawn) and returns its status and output.
    private func run(_ arguments: [String], in scratch: URL) -> (status: Int32, output: String) {
        let output = scratch.appending(path: "output-\(UUID().uuidString).txt").path
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        // The reader's index snapshots of these corpora go to a throwaway cache.
        environment["XDG_CACHE_HOME"] = FileManager.default.temporaryDirectory.appending(path: "folio-hostile-cache").path
        let status = TmuxSession.spawn(
            HostileScripts.python, arguments,
            environment: environment, output: output)
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }

    /// Removes a scratch folder, first making the corpus' deliberately unreadable parts removable.
    private static func remove(_ folder: URL) {
        chmod(folder.appending(path: "corpus/special/locked-folder").path, 0o700)
        try? FileManager.default.removeItem(at: folder)
    }
}

/// The interpreter the hostile-corpus scripts run under.
enum HostileScripts {
    static let python = "/usr/bin/python3"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: python) }
}
