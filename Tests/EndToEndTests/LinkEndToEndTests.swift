import Foundation
import Testing

/// Links in a real terminal: the link list opens one through `$BROWSER` (a stub script that writes
/// its arguments to a file), with no shell reading the address; restricted mode refuses.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct LinkEndToEndTests {
    /// A folder with one Markdown article whose second link has shell syntax in it, and the stub browser.
    static func scratch() throws -> (folder: URL, browser: URL, output: URL) {
        let folder = FileManager.default.temporaryDirectory.appending(path: "folio-links-\(UUID().uuidString)")
        let corpus = folder.appending(path: "corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data(
            """
            # Links to follow

            Read the [guide](https://example.org/guide) first, then https://example.org/a;touch$IFS/tmp/x.

            """.utf8
        ).write(to: corpus.appending(path: "links.md"))
        let output = folder.appending(path: "opened.txt")
        let browser = folder.appending(path: "browser.sh")
        try Data("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '\(output.path)'\n".utf8).write(to: browser)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)
        return (folder, browser, output)
    }

    @Test func enterOpensTheSelectedLinkWithBrowser() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let (folder, browser, output) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.runInShell("BROWSER='\(browser.path)' \(folio.path) \(folder.appending(path: "corpus").path)")
        try tmux.waitFor("the article listed") { $0.contains("Links to follow") }
        try tmux.press("Enter")
        try tmux.waitFor("the rendered article") { $0.contains("Read the guide first") }
        try tmux.press("u")
        try tmux.waitFor("the link list") { $0.contains("Links (2)") && $0.contains("https://example.org/guide") }
        try tmux.press("Enter")
        try tmux.waitFor("the first link opened") { $0.contains("opened https://example.org/guide") }
        try tmux.press("2")
        try tmux.press("Enter")
        try tmux.waitFor("the second link opened") { $0.contains("opened https://example.org/a;touch$IFS/tmp/x") }
        let opened = try String(contentsOf: output, encoding: .utf8)
        #expect(opened == "https://example.org/guide\nhttps://example.org/a;touch$IFS/tmp/x\n")
        try tmux.press("q")
        try tmux.press("q")
        try tmux.press("q")
        try tmux.waitFor("the shell again") { !$0.contains("Links to follow") }
    }

    @Test func restrictedModeRefusesToOpenALink() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let (folder, browser, output) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.runInShell(
            "BROWSER='\(browser.path)' \(folio.path) --restricted \(folder.appending(path: "corpus").path)")
        try tmux.waitFor("the article listed") { $0.contains("Links to follow") }
        try tmux.press("Enter")
        try tmux.press("u")
        try tmux.waitFor("the link list") { $0.contains("Links (2)") }
        try tmux.press("Enter")
        try tmux.waitFor("refused") { $0.contains("opening links is not available in restricted mode") }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        try tmux.press("C-c")
    }
}
