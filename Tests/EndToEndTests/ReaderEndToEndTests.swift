import Foundation
import Testing

/// The reader driven through tmux as a person would: keys in, screen out (issue: interactive reader).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReaderEndToEndTests {
    let titles = [
        "Watch Chrissy Teigen",
        "Chrissy Teigen is revealing new details",
        "On a healing journey",
        "Chrissy Teigen brings her son",
        "Chrissy Teigen is sharing an emotional"
    ]

    @Test func searchOpenResizeHelpAndQuit() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.runInShell(folio.path)

        // The five built-in titles.
        try tmux.waitFor("the five built-in titles") { screen in titles.allSatisfy(screen.contains) }

        // Search, one key at a time: the list narrows to the articles about the ashes.
        try tmux.press("/")
        try tmux.type("ashes", slowly: true)
        let results = try tmux.waitFor("3 results for ashes") { $0.contains("3 results") }
        #expect(!results.contains("On a healing journey"), "an article without 'ashes' is still listed")
        #expect(results.contains("Watch Chrissy Teigen"))
        // Hits are styled: an SGR sequence right before the matched word.
        let styled = try tmux.screen(escapes: true)
        #expect(
            styled.range(of: "\u{1B}\\[[0-9;]*m(ashes|Ashes)", options: .regularExpression) != nil,
            "no highlighted hit in:\n\(styled)")

        // Open the first result: it lands on a hit; n moves the counter.
        try tmux.press("Enter")
        try tmux.press("Enter")
        let opened = try tmux.waitFor("the reader with a hit counter") { $0.contains("hit 1/") }
        let total = try #require(opened.firstMatch(of: /hit 1\/(\d+)/).map { Int($0.1)! })
        try tmux.press("n")
        try tmux.waitFor("the second hit") { $0.contains("hit \(min(2, total))/\(total)") }

        // Resize small and back: the reader still shows the same text at the top.
        let before = try readerTopLine(tmux.screen())
        try tmux.resize(width: 50, height: 15)
        try tmux.waitFor("the narrow layout") { $0.split(separator: "\n").allSatisfy { $0.count <= 50 } && $0.contains("hit") }
        try tmux.resize(width: 100, height: 30)
        let after = try tmux.waitFor("the wide layout again") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.first?.hasPrefix("/ ashes") == true && lines.contains { $0.hasPrefix("───") }
                && lines.contains { $0.count > 60 }
        }
        #expect(readerTopLine(after) == before, "the reading position moved:\nbefore: \(before)\nafter: \(readerTopLine(after))")

        // Help, generated from the key table.
        try tmux.press("?")
        let help = try tmux.waitFor("the help screen") { $0.contains("Article list") && $0.contains("show or hide this help") }
        #expect(!help.contains("therapy"), "article text left behind under the help screen:\n\(help)")
        try tmux.press("?")
        try tmux.waitFor("the help closed") { !$0.contains("Article list") }

        // q leaves the reader, q again quits with status 0, and the shell's screen is back.
        try tmux.press("q")
        try tmux.waitFor("the list focused") { $0.contains("/ search") }
        try tmux.press("q")
        try tmux.waitFor("the shell again") { $0.contains("$ \(folio.path)") }
        try tmux.type("echo EXIT=$?\n")
        try tmux.waitFor("exit status 0") { $0.contains("EXIT=0") }
    }

    @Test func ctrlCQuitsCleanlyFromTheSearchBar() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.runInShell(folio.path)
        try tmux.waitFor("the reader") { $0.contains("Chrissy Teigen") }
        try tmux.press("/")
        try tmux.type("teig")
        try tmux.waitFor("results") { $0.contains("5 results") }
        try tmux.press("C-c")
        try tmux.waitFor("the shell again") { $0.contains("$ \(folio.path)") }
        try tmux.type("echo EXIT=$?\n")
        try tmux.waitFor("exit status 0") { $0.contains("EXIT=0") }
    }

    /// The first line of the reading pane below the divider (stacked layout at 100 columns).
    private func readerTopLine(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let divider = lines.firstIndex(where: { $0.hasPrefix("───") }), divider + 1 < lines.count else { return "" }
        return lines[divider + 1].trimmingCharacters(in: .whitespaces)
    }
}

/// Hand-offs through a real terminal: a failing pager's status, a command fed the article's text.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct HandOffEndToEndTests {
    @Test func aFailingPagerShowsItsStatusAndPipingFeedsTheText() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.runInShell("PAGER=false " + folio.path)
        try tmux.waitFor("the reader") { $0.contains("Chrissy Teigen") }
        try tmux.press("v")
        try tmux.waitFor("the pager's exit status") { $0.contains("false exited with status 1") }
        try tmux.press("|")
        try tmux.type("wc -l")
        try tmux.waitFor("the prompt") { $0.contains("| pipe to: wc -l") }
        try tmux.press("Enter")
        try tmux.waitFor("the command's output and the pause") { $0.contains("press Enter to return to folio") }
        try tmux.press("Enter")
        try tmux.waitFor("the reader again") { $0.contains("/ search") && $0.contains("Chrissy Teigen") }
        try tmux.press("q")
        // The command's output started on a cleared screen, so the shell's line above is gone: ask it.
        try tmux.type("echo BACK\n")
        try tmux.waitFor("the shell again") { $0.split(separator: "\n").contains("BACK") }
    }
}

/// The reading state across two runs of folio: what was opened shows as read, and the selection
/// comes back (issue: a reader that remembers).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReadingStateEndToEndTests {
    @Test func anOpenedArticleIsReadNextTimeAndTheSelectionIsRestored() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let state = ThrowawayState.path()
        defer { ThrowawayState.remove(state) }
        let tmux = try TmuxSession(width: 100, height: 30)
        let command = "\(folio.path) --state \(state)"
        try tmux.runInShell(command)
        try tmux.waitFor("the reader") { $0.contains("1/5") }
        // The third article: open it, back, quit.
        try tmux.press("j", "j", "Enter")
        try tmux.waitFor("the article open") { $0.contains("n/N hits") }
        try tmux.press("q")
        try tmux.waitFor("the list") { $0.contains("/ search  Enter open") }
        try tmux.press("q")
        // The command line wraps at 100 columns: look for its start.
        try tmux.waitFor("the shell again") { $0.contains("$ \(folio.path)") }
        try tmux.type("clear; " + command + "\n")
        let screen = try tmux.waitFor("the selection restored") { $0.contains("3/5") }
        // Read titles are plain, unread ones bold: the third row has no bold before its title.
        let styled = try tmux.screen(escapes: true).split(separator: "\n").map(String.init)
        let third = try #require(styled.first { $0.contains("Chrissy Teigen brings her son") })
        let first = try #require(styled.first { $0.contains("Chrissy Teigen is revealing") })
        #expect(first.contains("\u{1B}[1m"), "an unread title is bold:\n\(screen)")
        #expect(!third.contains("\u{1B}[1m"), "the article read last time is still shown unread:\n\(third)")
        try tmux.press("q")
    }
}

/// A key rebound in a config file works in the reader, and its help shows it.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ConfigEndToEndTests {
    @Test func aReboundKeyMovesTheSelection() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let config = FileManager.default.temporaryDirectory.appending(path: "folio-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: config) }
        try Data("[keys]\nselectNext = [\"n\", \"Down\"]\n".utf8).write(to: config)
        let state = ThrowawayState.path()
        defer { ThrowawayState.remove(state) }
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.runInShell("\(folio.path) --config \(config.path) --state \(state)")
        try tmux.waitFor("the reader") { $0.contains("1/5") }
        try tmux.press("n", "n")
        try tmux.waitFor("n moved the selection twice") { $0.contains("3/5") }
        try tmux.press("j")  // no longer bound in the list
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try tmux.screen().contains("3/5"))
        try tmux.press("?")
        try tmux.waitFor("help with the new key") { $0.contains("n Down") && $0.contains("next article") }
        try tmux.press("?", "q")
    }
}

/// A state file that cannot be created: one line in the status bar, and the reader works on.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct UnwritableStateEndToEndTests {
    @Test func theReaderGoesOnWithoutState() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let tmux = try TmuxSession(width: 100, height: 30)
        // /proc refuses new folders even to root, so this fails the same way everywhere.
        try tmux.runInShell("\(folio.path) --state /proc/folio-test/state.sqlite")
        try tmux.waitFor("the problem in the status line") { $0.contains("reading state off") }
        try tmux.press("j", "Enter")
        try tmux.waitFor("an article opened anyway") { $0.contains("n/N hits") }
        try tmux.press("q", "q")
        try tmux.waitFor("the shell again") { $0.contains("$ \(folio.path)") }
        try tmux.type("echo EXIT=$?\n")
        try tmux.waitFor("exit status 0") { $0.contains("EXIT=0") }
    }
}
