import Foundation
import Testing

/// The reader prints config problems on stderr before it takes the screen and shows the first in
/// its status line: an escape sequence in the config (here OSC 0, which sets the window title) must
/// show as text in both places and never reach the terminal.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ConfigDiagnosticsEndToEndTests {
    @Test func escapesInTheConfigNeitherRetitleTheWindowNorHideText() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let folder = FileManager.default.temporaryDirectory.appending(path: "folio-e2e-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appending(path: "config.toml")
        try Data(
            #"""
            [general]
            default_sort = "\u001B]0;pwned\u0007"
            """#.utf8
        ).write(to: config)
        let tmux = try TmuxSession(width: 220, height: 30)  // the whole status line
        let titleBefore = try tmux.tmux(["display-message", "-p", "#{pane_title}"])
        let state = ThrowawayState.path()
        defer { ThrowawayState.remove(state) }
        try tmux.runInShell("\(folio.path) --state \(state) --config \(config.path)")
        let screen = try tmux.waitFor("the reader with the config problem") { $0.contains("1/5") && $0.contains("unknown sort") }
        #expect(screen.contains(#"config: \#(config.path):2: unknown sort '\u{1B}]0;pwned\u{07}'"#), "\(screen)")
        try tmux.press("q")
        let after = try tmux.waitFor("folio to end") { !$0.contains("1/5") && $0.contains("unknown sort") }
        #expect(after.contains(#"folio: \#(config.path):2: unknown sort '\u{1B}]0;pwned\u{07}'"#), "\(after)")
        let titleAfter = try tmux.tmux(["display-message", "-p", "#{pane_title}"])
        #expect(titleAfter == titleBefore && !titleAfter.contains("pwned"), "the window title was changed to \(titleAfter)")
    }
}
