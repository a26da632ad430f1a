import Foundation
import Testing

/// The mouse (SGR reports typed into tmux as the terminal would send them) and the folder watch,
/// through tmux as a person uses them.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct MouseAndWatchEndToEndTests {
    /// A folder of five small articles, "Article 1" to "Article 5", dated so the list is 5 first.
    private final class Folder {
        let url = FileManager.default.temporaryDirectory.appending(path: "folio-watch-e2e-\(UUID().uuidString)")
        let state = ThrowawayState.path()

        init() throws {
            try FileManager.default.createDirectory(at: url.appending(path: "news"), withIntermediateDirectories: true)
            for number in 1...5 { try write(number) }
        }

        func write(_ number: Int, folder: String = "news") throws {
            let text =
                "---\ntitle: Article \(number)\ndate: 2024-01-0\(number)\n---\nThe body of article \(number) talks of boats.\n"
            try Data(text.utf8).write(to: url.appending(path: "\(folder)/a\(number).md"))
        }

        deinit {
            try? FileManager.default.removeItem(at: url)
            ThrowawayState.remove(state)
        }
    }

    /// The status line's "selected/count".
    private static func counter(_ screen: String) -> String? {
        screen.split(separator: "\n").last?.firstMatch(of: /(\d+)\/(\d+)/).map { "\($0.1)/\($0.2)" }
    }

    @Test func theWheelMovesTheListAndAClickSelectsThenOpens() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let folder = try Folder()
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.runInShell("\(folio.path) --no-cache --state \(folder.state) \(folder.url.path)")
        try tmux.waitFor("the list") { Self.counter($0) == "1/5" }
        // A wheel notch down over the list (row 5, column 10; SGR counts from 1): three rows down.
        try tmux.type("\u{1B}[<65;10;5M")
        try tmux.waitFor("the selection three rows down") { Self.counter($0) == "4/5" }
        // A click on the second row (screen row 3) selects it, a second click opens it.
        try tmux.type("\u{1B}[<0;10;3M\u{1B}[<0;10;3m")
        try tmux.waitFor("the second row selected") { Self.counter($0) == "2/5" }
        try tmux.type("\u{1B}[<0;10;3M\u{1B}[<0;10;3m")
        try tmux.waitFor("the article open") { $0.contains("n/N hits") && $0.contains("article 4 talks of boats") }
        // Columns past 223 reach folio too (the old encoding stops there): a click on the status line.
        try tmux.resize(width: 260, height: 30)
        try tmux.type("\u{1B}[<0;250;30M")
        try tmux.waitFor("the search bar focused") { $0.contains("Enter results") }
        try tmux.press("Escape", "q", "q")
        try tmux.waitFor("the shell again") { $0.contains("$") && !$0.contains("Article 1") }
    }

    @Test func aFileAddedWhileFolioRunsAppearsAndTheSelectionStays() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let folder = try Folder()
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.runInShell("\(folio.path) --no-cache --state \(folder.state) \(folder.url.path)")
        try tmux.waitFor("the list") { Self.counter($0) == "1/5" }
        try tmux.press("j", "j")
        try tmux.waitFor("Article 3 selected") { Self.counter($0) == "3/5" && $0.contains("article 3 talks of boats") }
        // A new, newer article (first in the list) in a new folder, and one removed.
        try FileManager.default.createDirectory(at: folder.url.appending(path: "more"), withIntermediateDirectories: true)
        try folder.write(9, folder: "more")
        try FileManager.default.removeItem(at: folder.url.appending(path: "news/a1.md"))
        let after = try tmux.waitFor("the notice") { $0.contains("1 new, 1 removed") }
        #expect(Self.counter(after) == "4/5", "Article 3 is fourth now, and still selected:\n\(after)")
        #expect(after.contains("article 3 talks of boats"))
        // The reload key, with nothing changed since.
        try tmux.press("R")
        try tmux.waitFor("the reload's answer") { $0.contains("the folder has not changed") }
        try tmux.press("q")
        try tmux.waitFor("the shell again") { $0.contains("$") && !$0.contains("Article 3") }
    }
}
