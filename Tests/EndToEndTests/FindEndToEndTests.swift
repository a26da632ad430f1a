import Foundation
import Testing

/// `/` in the reading pane finds in the open article (issue #17): the article stays open, n steps
/// through the hits, Esc goes back to where the find began.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct FindEndToEndTests {
    @Test func findInTheOpenArticleStepsAndReturns() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let state = ThrowawayState.path()
        defer { ThrowawayState.remove(state) }
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.runInShell("clear; \(folio.path) --state \(state)")
        try tmux.waitFor("the reader") { $0.contains("1/5") }
        // The second article, scrolled a little: the find must come back here.
        try tmux.press("j", "Enter")
        try tmux.waitFor("the article open") { $0.contains("/ find") && $0.contains("2/5") }
        // One key, so the screen waited for is the last one it draws (with several, a loaded
        // machine may show the first scroll before the others land).
        try tmux.press("j")
        let before = try tmux.waitFor("scrolled") { !$0.contains(" Top ") }
        let top = Self.readerTopLine(before)

        try tmux.press("/")
        try tmux.type("teigen", slowly: true)
        let typing = try tmux.waitFor("hits as it is typed") { $0.contains("/ find: teigen") && $0.contains("hit 1/") }
        let total = try #require(typing.firstMatch(of: /hit 1\/(\d+)/).map { Int($0.1)! })
        #expect(total > 2)
        try tmux.press("Enter")
        try tmux.press("n")
        let stepped = try tmux.waitFor("the second hit") { $0.contains("hit 2/\(total)") }
        // The same article, the corpus not searched: the list still shows all five, the second selected.
        #expect(stepped.contains("2/5"), "the selection moved:\n\(stepped)")
        #expect(stepped.contains("press / to search"), "the corpus was searched:\n\(stepped)")
        #expect(stepped.contains("5 articles"))

        try tmux.press("Escape")
        let after = try tmux.waitFor("the find ended") { !$0.contains("hit ") && $0.contains("/ find  n/N hits") }
        #expect(Self.readerTopLine(after) == top, "not back where the find began:\n\(after)")
        #expect(after.contains("2/5"))
        try tmux.press("q", "q")
        try tmux.waitFor("the shell again") { $0.contains("$") && !$0.contains("2/5") }
    }

    static func readerTopLine(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let divider = lines.firstIndex(where: { $0.hasPrefix("───") }), divider + 1 < lines.count else { return "" }
        return lines[divider + 1].trimmingCharacters(in: .whitespaces)
    }
}
