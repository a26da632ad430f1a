import Foundation
import Testing

/// Restricted mode for SSH visitors shows one visitor nothing of another (issue #21, item 3): with
/// the kiosk recipe's shared `--state` file, a second visitor sees none of the first one's search
/// history, marks or bookmarks; with `--state-per-visitor` each key keeps its own marks.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct RestrictedStateEndToEndTests {
    /// A visitor's session: bookmarks the first article, marks the second read, opens the third,
    /// searches twice, and checks that Up in the search bar walks back through this session's queries.
    func visit(_ tmux: TmuxSession, _ command: String) throws {
        try tmux.runInShell("clear; " + command)
        try tmux.waitFor("the reader") { $0.contains("1/5") }
        try tmux.press("f")
        try tmux.waitFor("the bookmark") { $0.contains("bookmarked") && $0.contains("★") }
        try tmux.press("m")
        try tmux.waitFor("the read mark") { $0.contains("marked read") }
        try tmux.press("Enter")
        try tmux.waitFor("the third article open") { $0.contains("n/N hits") }
        try tmux.press("q", "/")
        try tmux.type("alice medical diagnosis\n")
        try tmux.press("/", "C-u")
        try tmux.type("ashes\n")
        try tmux.waitFor("the second search") { $0.contains("3 results") }
        try tmux.press("/", "Up", "Up")
        try tmux.waitFor("this session's first query, two steps back") { Self.searchBar($0) == "/ alice medical diagnosis" }
        try tmux.press("Escape", "q")
        try Self.waitForTheShell(tmux)
    }

    /// What a newcomer must see: no bookmark, every article unread, nothing behind Up in the search bar.
    func expectAFreshStart(_ tmux: TmuxSession, _ command: String, _ who: String) throws {
        try tmux.runInShell("clear; " + command)
        let start = try tmux.waitFor("the reader for \(who)") { $0.contains("1/5") }
        #expect(!start.contains("★"), "\(who) sees a bookmark:\n\(start)")
        try tmux.press("U")
        let unread = try tmux.waitFor("the unread filter") { $0.contains("showing unread articles only") }
        #expect(unread.contains("1/5"), "\(who) sees articles marked read:\n\(unread)")
        try tmux.press("U", "/", "Up")
        try tmux.type("x")
        // Had Up recalled a query, the x would follow it.
        try tmux.waitFor("\(who)'s search bar holding only the x") { Self.searchBar($0) == "/ x" }
        try tmux.press("Escape", "q")
        try Self.waitForTheShell(tmux)
    }

    /// Folio gone: the cleared screen holds only the prompt (folio's first line is its search bar).
    static func waitForTheShell(_ tmux: TmuxSession) throws {
        try tmux.waitFor("the shell again") { searchBar($0) == "$" }
    }

    /// The query in the search bar (the first line, before the result count on its right).
    static func searchBar(_ screen: String) -> String {
        let line = screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        return String(line.components(separatedBy: "   ").first ?? "").trimmingCharacters(in: .whitespaces)
    }

    @Test func theSecondVisitorOfTheKioskRecipeSeesNothingOfTheFirst() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let state = ThrowawayState.path()
        defer { ThrowawayState.remove(state) }
        let tmux = try TmuxSession(width: 100, height: 30)
        let command = "\(folio.path) --restricted --state \(state)"
        try visit(tmux, command)
        try expectAFreshStart(tmux, command, "the second visitor")
        #expect(!FileManager.default.fileExists(atPath: state), "restricted mode wrote the shared state file")
        // FOLIO_RESTRICTED=1 is the same mode.
        try expectAFreshStart(tmux, "FOLIO_RESTRICTED=1 \(folio.path) --state \(state)", "a visitor by FOLIO_RESTRICTED")
    }

    @Test func withStatePerVisitorEachKeyKeepsItsOwnMarksAndNobodyHasHistory() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let state = ThrowawayState.path()
        defer { ThrowawayState.remove(state) }
        let folder = FileManager.default.temporaryDirectory.appending(path: "folio-visitors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // What sshd writes with ExposeAuthInfo yes, for two visitors with different keys.
        var authFiles: [String] = []
        for key in [
            "AAAAC3NzaC1lZDI1NTE5AAAAIHQ9WvNDTClRnt0Oy04+EkVjgvT5kERqyR0cF82Dxyx/",
            "AAAAC3NzaC1lZDI1NTE5AAAAIBXp8oGJ0S3iYK0VdFQyZ2xJq6mOQd0q0v8bH1Zx3yTz"
        ] {
            let file = folder.appending(path: "auth-\(authFiles.count)").path
            try Data("publickey ssh-ed25519 \(key)\n".utf8).write(to: URL(fileURLWithPath: file))
            authFiles.append(file)
        }
        let tmux = try TmuxSession(width: 100, height: 30)
        let command = { (auth: String) in
            "SSH_USER_AUTH=\(auth) \(folio.path) --restricted --state \(state) --state-per-visitor"
        }
        try visit(tmux, command(authFiles[0]))
        try expectAFreshStart(tmux, command(authFiles[1]), "the visitor with another key")
        try expectAFreshStart(
            tmux, "env -u SSH_USER_AUTH \(folio.path) --restricted --state \(state) --state-per-visitor",
            "a visitor without a key")

        // The first visitor again: their bookmark and read mark are back, their queries are not.
        try tmux.runInShell("clear; " + command(authFiles[0]))
        try tmux.waitFor("the first visitor's bookmark") { $0.contains("★") && $0.contains("/5") }
        try tmux.press("U")
        try tmux.waitFor("two articles read: three unread") { $0.contains("showing unread articles only") && $0.contains("/3") }
        try tmux.press("U", "/", "Up")
        try tmux.type("x")
        try tmux.waitFor("no search history, even for the same key") { Self.searchBar($0) == "/ x" }
        try tmux.press("Escape", "q")
    }

    @Test func aVisitorWithoutAKeyIsToldTheMarksLastTheSession() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let state = ThrowawayState.path()
        defer { ThrowawayState.remove(state) }
        let tmux = try TmuxSession(width: 120, height: 30)
        try tmux.runInShell("clear; env -u SSH_USER_AUTH \(folio.path) --restricted --state \(state) --state-per-visitor")
        try tmux.waitFor("the notice") { $0.contains("marks kept for this session only: SSH_USER_AUTH is not set") }
        try tmux.press("q")
        try Self.waitForTheShell(tmux)
        #expect(!FileManager.default.fileExists(atPath: state), "a visitor without identity wrote the shared file")
    }

    @Test func statePerVisitorNeedsRestrictedModeAndAStateFile() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let tmux = try TmuxSession(width: 120, height: 30)
        try tmux.runInShell("\(folio.path) --state-per-visitor; echo EXIT=$?")
        try tmux.waitFor("the usage error") {
            $0.contains("folio: --state-per-visitor is for restricted mode (--restricted)\nEXIT=2")
        }
        try tmux.runInShell("\(folio.path) --restricted --state-per-visitor; echo EXIT=$?")
        try tmux.waitFor("the usage error") {
            $0.contains("folio: --state-per-visitor needs --state PATH, the visitors' state file\nEXIT=2")
        }
    }

    @Test func outsideRestrictedModeTheHistoryIsKeptAcrossSessions() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let state = ThrowawayState.path()
        defer { ThrowawayState.remove(state) }
        let tmux = try TmuxSession(width: 100, height: 30)
        let command = "\(folio.path) --state \(state)"
        try tmux.runInShell("clear; " + command)
        try tmux.waitFor("the reader") { $0.contains("1/5") }
        try tmux.press("/")
        try tmux.type("ashes\n")
        try tmux.waitFor("the search") { $0.contains("3 results") }
        try tmux.press("q")
        try Self.waitForTheShell(tmux)
        try tmux.runInShell("clear; " + command)
        try tmux.waitFor("the reader again") { $0.contains("/5") && $0.contains("5 articles") }
        try tmux.press("/", "Up")
        try tmux.waitFor("last session's query") { Self.searchBar($0) == "/ ashes" }
        try tmux.press("Escape", "q")
    }
}
