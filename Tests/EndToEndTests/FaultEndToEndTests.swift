import Foundation
import Testing

/// Faults through a real terminal (issue: robust under faults): signals restore the terminal and
/// keep the marks, Ctrl-Z and fg redraw, a storm of resizes leaves a correct screen.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct FaultEndToEndTests {
    /// Starts folio with its own state file in a fresh tmux session; returns both.
    func start(width: Int = 100, height: Int = 30, arguments: String = "") throws -> (TmuxSession, String, URL) {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let state = ThrowawayState.path()
        let tmux = try TmuxSession(width: width, height: height)
        try tmux.runInShell("\(folio.path) --state \(state) \(arguments)")
        try tmux.waitFor("the reader") { $0.contains("1/5") }
        return (tmux, state, folio)
    }

    /// Processes whose command line has `argument` (from /proc; pkill would match its own shell).
    static func processes(withArgument argument: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else {
                return nil
            }
            let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return words.contains(argument) && (words.first?.hasSuffix("/folio") ?? false) ? pid : nil
        }
    }

    @Test(arguments: ["TERM", "HUP", "INT"])
    func aSignalRestoresTheTerminalAndKeepsTheMarks(signal: String) throws {
        let (tmux, state, folio) = try start()
        defer { ThrowawayState.remove(state) }
        try tmux.press("m")  // marks the first article read
        try tmux.waitFor("the mark") { $0.contains("marked read") }
        let pids = Self.processes(withArgument: state)
        try #require(!pids.isEmpty, "folio is not running")
        let number: Int32 = ["TERM": SIGTERM, "HUP": SIGHUP, "INT": SIGINT][signal]!
        for pid in pids { kill(pid, number) }
        try tmux.waitFor("the shell again") { $0.contains("$ \(folio.path)") }
        try tmux.type("stty -a | grep -o ' echo ' ; echo STATUS=$?\n")
        try tmux.waitFor("a sane terminal (echo back on)") { $0.contains(" echo ") && $0.contains("STATUS=0") }
        let listing = String(
            decoding: TmuxSession.capture { output in
                TmuxSession.spawn(
                    folio.path, ["list", "--state", state, "--format", "tsv", "--unread"],
                    environment: ProcessInfo.processInfo.environment, output: output)
            }, as: UTF8.self)
        #expect(listing.split(separator: "\n").count == 4, "the mark made before SIG\(signal) was lost:\n\(listing)")
    }

    @Test func ctrlZAndFgRedraw() throws {
        let (tmux, state, _) = try start()
        defer { ThrowawayState.remove(state) }
        try tmux.press("j")
        try tmux.waitFor("the second row") { $0.contains("2/5") }
        try tmux.press("C-z")
        try tmux.waitFor("the job stopped") { $0.contains("Stopped") }
        try tmux.type("fg\n")
        try tmux.waitFor("the reader redrawn") { $0.contains("2/5") && $0.contains("/ search") && !$0.contains("Stopped") }
        try tmux.press("q")
    }

    @Test func aResizeStormLeavesACorrectScreen() throws {
        let (tmux, state, _) = try start()
        defer { ThrowawayState.remove(state) }
        var random = SystemRandomNumberGenerator()
        var sizes = [(1, 1), (2, 1), (1, 2)]
        for _ in 0..<997 { sizes.append((Int.random(in: 1...200, using: &random), Int.random(in: 1...60, using: &random))) }
        // One tmux command line per batch keeps a thousand resizes to a few seconds.
        for batch in stride(from: 0, to: sizes.count, by: 50) {
            var arguments: [String] = []
            for (width, height) in sizes[batch..<min(sizes.count, batch + 50)] {
                arguments += ["resize-window", "-x", "\(width)", "-y", "\(height)", ";"]
            }
            try tmux.tmux(Array(arguments.dropLast()))
        }
        try tmux.resize(width: 100, height: 30)
        let screen = try tmux.waitFor("a full, correct screen at 100x30") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.first?.hasPrefix("/ ") == true && screen.contains("1/5") && screen.contains("Chrissy Teigen")
                && lines.contains { $0.hasPrefix("───") }
        }
        #expect(screen.contains("5 articles"))
        try tmux.press("q")
        try tmux.waitFor("folio exited") { $0.contains("$") && !$0.contains("/ search") }
    }

    @Test func restrictedModeRefusesHandOffsAndSuspend() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.runInShell("FOLIO_RESTRICTED=1 PAGER=touch\\ /tmp/folio-escaped \(folio.path)")
        try tmux.waitFor("the reader") { $0.contains("1/5") }
        for key in ["v", "e", "|", "C-z"] {
            try tmux.press(key)
            try tmux.waitFor("\(key) refused") { $0.contains("not available in restricted mode") }
            try tmux.press("j")  // clears the message
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/folio-escaped"))
        try tmux.press("q")
    }

    @Test func aFileThatDisappearsWhileReadingStillOpensFromMemory() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let corpus = FileManager.default.temporaryDirectory.appending(path: "folio-vanish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: corpus) }
        try Data("Vanishing article\n\nThis text was loaded before its file went away.\n".utf8)
            .write(to: corpus.appending(path: "a.txt"))
        try Data("Changing article\n\nThe first version of this text.\n".utf8).write(to: corpus.appending(path: "b.txt"))
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.runInShell("\(folio.path) --state /proc/none \(corpus.path)")
        try tmux.waitFor("the reader") { $0.contains("1/2") }
        try FileManager.default.removeItem(at: corpus.appending(path: "a.txt"))
        try Data("Changed!\n\nA second version.\n".utf8).write(to: corpus.appending(path: "b.txt"))
        // Undated articles sort by title: "Changing" first, then "Vanishing".
        try tmux.press("g", "Enter")
        try tmux.waitFor("the changed article as loaded") { $0.contains("The first version of this text.") }
        try tmux.press("q", "j", "Enter")
        try tmux.waitFor("the vanished article, from memory") { $0.contains("loaded before its file went away") }
        try tmux.press("q", "q")
        try tmux.waitFor("folio exited") { !$0.contains("/ search") }
    }
}
