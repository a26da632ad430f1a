import Foundation
import Testing

@testable import FolioCore

/// Reading corpora from disk: every kind of bad file is skipped and counted, never fatal, never a hang.
@Suite struct CorpusLoaderTests {
    func load(_ folder: TemporaryDirectory, options: LoadOptions = LoadOptions()) throws -> (
        articles: [Article], report: LoadReport
    ) {
        try CorpusLoader(options: options).load(path: folder.path)
    }

    // MARK: Hostile articles

    /// Files whose bytes try to reach the terminal: escape sequences (complete and cut off), C1
    /// controls as UTF-8 and as raw Latin-1 bytes, bidi controls, BOMs, invalid UTF-8, CR/CRLF, tabs.
    static let hostileFiles: [(name: String, bytes: [UInt8])] = {
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
        let esc = "\u{1B}"
        return [
            ("osc-title.txt", bytes("Title \(esc)]0;pwned\u{07}here\n\nBody \(esc)]0;pwned\u{07}text.\n")),
            ("osc-st.txt", bytes("\(esc)]2;pwned\(esc)\\Clean title\n\nBody.\n")),
            ("csi.txt", bytes("\(esc)[31mRed title\(esc)[0m\n\n\(esc)[2J\(esc)[HBody \(esc)[1;31mbold\(esc)[0m.\n")),
            ("unterminated-csi.txt", bytes("Cut title\n\nBody ends in \(esc)[31")),
            ("unterminated-osc.txt", bytes("Cut OSC\n\nBody \(esc)]0;pwned")),
            ("unterminated-osc-line.txt", bytes("Cut OSC line\n\nBody \(esc)]0;pwned\nnext line.\n")),
            ("esc-in-osc.txt", bytes("Nested\n\nBody \(esc)]0;pwned\(esc)[31mtext.\n")),
            ("double-esc.txt", bytes("Doubled\n\nBody \(esc)\(esc)[31mtext.\n")),
            ("c1-utf8.txt", bytes("C1 \u{9B}31mtitle\n\nBody \u{9D}0;pwned\u{07} and \u{9B}2J and \u{85}\u{9F}.\n")),
            // Raw single bytes: the file is not UTF-8, so it is read as Windows-1252, where 0x9D and 0x90
            // are undefined (they stay C1 controls) and must go with their parameters.
            (
                "c1-raw.txt",
                [0x52, 0x61, 0x77, 0x0A, 0x0A, 0x41, 0x9D] + bytes("0;pwned") + [0x07, 0x42, 0x90] + bytes("dcs") + [
                    0x07, 0x43, 0x0A
                ]
            ),
            // Raw C1 bytes in a file that is otherwise UTF-8: replacement characters, never controls.
            (
                "c1-raw-in-utf8.txt",
                bytes("Caf\u{E9} title\n\nBody ") + [0x9B] + bytes("x and ") + [0x9D, 0x85] + bytes(" end.\n")
            ),
            (
                "bidi.txt",
                bytes("\u{202E}Reversed\u{202C} title\n\nBody \u{2066}iso\u{2069} \u{200E}mark\u{200F} \u{202A}emb\u{202C}.\n")
            ),
            ("bom.txt", [0xEF, 0xBB, 0xBF] + bytes("BOM title\n\nZW\u{FEFF}NBSP body.\n")),
            ("invalid-utf8.txt", bytes("Invalid \u{E9}\n\nBytes ") + [0xC3, 0x28, 0xFF, 0xFE, 0xE2, 0x82] + bytes(" here.\n")),
            ("crlf.txt", bytes("CRLF title\r\n\r\nLine one.\r\nLine two.\rLine three.\r\n")),
            ("tabs.txt", bytes("Tab\ttitle\n\n\tIndented\tbody.\n")),
            ("controls.txt", bytes("Bell\u{07} title\u{08}\n\nBody\u{01}\u{02}\u{7F} text\u{0B}\u{0C}.\n"))
        ]
    }()

    @Test func hostileArticlesAreSafeAfterLoad() throws {
        let folder = try TemporaryDirectory()
        for file in Self.hostileFiles { try folder.write(file.name, bytes: file.bytes) }
        let (articles, report) = try load(folder)
        #expect(articles.count == Self.hostileFiles.count)
        #expect(report.skippedCount == 0)
        for article in articles {
            #expect(TerminalSafety.violations(article.title).isEmpty, "\(article.id) title \(article.title.debugDescription)")
            #expect(TerminalSafety.violations(article.body).isEmpty, "\(article.id) body \(article.body.debugDescription)")
            for residue in ["pwned", "0;", "[31m", "31m", "[0m", "[2J", "\\"] {
                #expect(!article.title.contains(residue), "\(article.id) title keeps \(residue)")
                #expect(!article.body.contains(residue), "\(article.id) body keeps \(residue)")
            }
            #expect(!article.title.contains("\n"))
        }
        let byID = Dictionary(uniqueKeysWithValues: articles.map { ($0.id, $0) })
        #expect(byID["osc-title.txt"]?.title == "Title here")
        #expect(byID["osc-title.txt"]?.body == "Body text.")
        #expect(byID["osc-st.txt"]?.title == "Clean title")
        #expect(byID["csi.txt"]?.title == "Red title")
        #expect(byID["csi.txt"]?.body == "Body bold.")
        #expect(byID["unterminated-osc-line.txt"]?.body == "Body\nnext line.")
        #expect(byID["esc-in-osc.txt"]?.body == "Body text.")
        #expect(byID["double-esc.txt"]?.body == "Body text.")
        #expect(byID["c1-utf8.txt"]?.title == "C1 title")
        #expect(byID["c1-raw.txt"]?.body == "ABC")
        #expect(byID["c1-raw-in-utf8.txt"]?.body == "Body \u{FFFD}x and \u{FFFD}\u{FFFD} end.")
        #expect(byID["bidi.txt"]?.title == "Reversed title")
        #expect(byID["bidi.txt"]?.body == "Body iso mark emb.")
        #expect(byID["bom.txt"]?.title == "BOM title")
        #expect(byID["bom.txt"]?.body == "ZWNBSP body.")
        #expect(byID["invalid-utf8.txt"]?.body.contains("\u{FFFD}") == true)
        #expect(byID["crlf.txt"]?.body == "Line one.\nLine two.\nLine three.")
        #expect(byID["tabs.txt"]?.title == "Tab title")
        #expect(byID["tabs.txt"]?.body == "    Indented    body.")
        #expect(byID["controls.txt"]?.title == "Bell title")
        #expect(byID["controls.txt"]?.body == "Body text.")
        #expect(report.filesWithInvalidUTF8 == 2)
        #expect(report.filesDecodedAsWindows1252 == 1)
    }

    // MARK: Encodings

    @Test func latin1AndWindows1252AreDecodedAsSuch() throws {
        // "£5 for Teigen’s book" in Windows-1252: 0xA3 is £, 0x92 is ’ (a C1 control in Latin-1).
        let bytes: [UInt8] =
            Array("Price\n\n".utf8) + [0xA3] + Array("5 for Teigen".utf8) + [0x92] + Array("s caf".utf8) + [0xE9, 0x0A]
        let article = try #require(Fixture.article(bytes: bytes))
        #expect(article.body == "£5 for Teigen’s café")
        let (_, encoding) = TextDecoder.decode(bytes)
        #expect(encoding == .windows1252)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        // One valid multi-byte character makes it UTF-8; the broken sequences become U+FFFD.
        let bytes: [UInt8] = Array("Caf\u{E9}\n\nok ".utf8) + [0xE2, 0x82] + Array(" and ".utf8) + [0xFF]
        let (text, encoding) = TextDecoder.decode(bytes)
        #expect(encoding == .utf8WithReplacements)
        #expect(text == "Caf\u{E9}\n\nok \u{FFFD} and \u{FFFD}")
        let article = try #require(Fixture.article(bytes: bytes))
        #expect(article.body == "ok \u{FFFD} and \u{FFFD}")
    }

    @Test func validUTF8IsReadAsIs() {
        let (text, encoding) = TextDecoder.decode(Array("Teigen’s £5 東京".utf8))
        #expect(encoding == .utf8)
        #expect(text == "Teigen’s £5 東京")
    }

    @Test(arguments: [true, false])
    func utf16WithByteOrderMark(littleEndian: Bool) throws {
        let text = "Título en UTF-16\n\nCafé 東京 Teigen’s.\n"
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            bytes += littleEndian ? [low, high] : [high, low]
        }
        let folder = try TemporaryDirectory()
        try folder.write("utf16.txt", bytes: bytes)
        let (articles, report) = try load(folder)
        let article = try #require(articles.first)
        #expect(article.title == "Título en UTF-16")
        #expect(article.body == "Café 東京 Teigen’s.")
        #expect(report.skippedCount == 0)
    }

    @Test func utf16WithoutAnyNULByteIsStillUTF16() throws {
        // "東京" in UTF-16LE has no zero byte at all: the byte-order mark alone says what it is.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x71, 0x67, 0xAC, 0x4E]
        let article = try #require(Fixture.article(bytes: bytes))
        #expect(article.title == "東京")
    }

    // MARK: Bad files, counted by reason

    @Test func binaryFilesAreSkipped() throws {
        let folder = try TemporaryDirectory()
        try folder.write("good.txt", "Good\n\nText.")
        try folder.write("binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x41])
        try folder.write("nul-in-text.txt", bytes: Array("Title\n\nText with a ".utf8) + [0] + Array(" inside.".utf8))
        let (articles, report) = try load(folder)
        #expect(articles.map(\.id) == ["good.txt"])
        #expect(report.skipped[.binary] == 2)
        #expect(report.skippedExamples[.binary]?.sorted() == ["binary.txt", "nul-in-text.txt"])
    }

    @Test func emptyAndBlankFilesAreSkipped() throws {
        let folder = try TemporaryDirectory()
        try folder.write("good.txt", "Good\n\nText.")
        try folder.write("empty.txt", "")
        try folder.write("blank.txt", "  \n\n\t\r\n")
        try folder.write("only-escapes.txt", "\u{1B}[2J\u{1B}]0;x\u{07}\u{FEFF}")
        let (articles, report) = try load(folder)
        #expect(articles.map(\.id) == ["good.txt"])
        #expect(report.skipped[.empty] == 3)
    }

    @Test func unreadableFilesAreSkipped() throws {
        let folder = try TemporaryDirectory()
        try folder.write("good.txt", "Good\n\nText.")
        let secret = try folder.write("secret.txt", "Secret\n\nText.")
        try folder.write("locked/inside.txt", "Inside\n\nText.")
        chmod(secret, 0o000)
        chmod(folder.url.appendingPathComponent("locked").path, 0o000)
        let (articles, report) = try load(folder)
        guard geteuid() != 0 else {
            // root reads through permissions: the files load, and nothing may crash either way.
            #expect(articles.count == 3)
            return
        }
        #expect(articles.map(\.id) == ["good.txt"])
        #expect(report.skipped[.unreadable] == 2)
        #expect(report.skippedExamples[.unreadable]?.sorted() == ["locked", "secret.txt"])
    }

    @Test func filesOverTheSizeCapAreSkipped() throws {
        let folder = try TemporaryDirectory()
        try folder.write("small.txt", "Small\n\nText.")  // 12 bytes
        try folder.write("large.txt", "Large\n\n" + String(repeating: "word ", count: 20))
        let (articles, report) = try load(folder, options: LoadOptions(maxFileSize: 64))
        #expect(articles.map(\.id) == ["small.txt"])
        #expect(report.skipped[.tooLarge] == 1)
        #expect(report.skippedExamples[.tooLarge] == ["large.txt"])
    }

    @Test func inMemoryDocumentsObeyTheSizeCapToo() {
        let documents = [
            CorpusLoader.Document(id: "a.txt", folderName: "f", bytes: Array("Small\n\nText.".utf8)),
            CorpusLoader.Document(id: "b.txt", folderName: "f", bytes: Array(repeating: 0x61, count: 100)),
            CorpusLoader.Document(id: "c.txt", folderName: "f", bytes: [])
        ]
        let (articles, report) = CorpusLoader(options: LoadOptions(maxFileSize: 64)).load(documents: documents)
        #expect(articles.map(\.id) == ["a.txt"])
        #expect(report.skipped == [.tooLarge: 1, .empty: 1])
    }

    @Test func symlinkLoopsAreSkippedAndCounted() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a/article.txt", "Article\n\nText.")
        try folder.link("self.txt", to: "self.txt")  // a link to itself: ELOOP
        try folder.link("ping.txt", to: "pong.txt")  // two links to each other
        try folder.link("pong.txt", to: "ping.txt")
        try folder.link("a/up", to: "..")  // a folder link back to the root
        try folder.link("a/again", to: ".")  // a folder link to itself
        let (articles, report) = try load(folder)
        #expect(articles.map(\.id) == ["a/article.txt"])
        #expect(report.skipped[.symlinkLoop] == 5)
    }

    @Test func linkedFoldersAndFilesAreFollowedOnce() throws {
        let folder = try TemporaryDirectory()
        try folder.write("real/article.txt", "Article\n\nText.")
        try folder.link("alias", to: "real")
        try folder.link("shortcut.txt", to: "real/article.txt")
        let (articles, report) = try load(folder)
        // A folder reached twice is read once; a link to a file is a file.
        #expect(articles.map(\.id) == ["alias/article.txt", "shortcut.txt"])
        #expect(report.skipped[.symlinkLoop] == 1)
    }

    @Test func danglingLinksAreUnreadable() throws {
        let folder = try TemporaryDirectory()
        try folder.write("good.txt", "Good\n\nText.")
        try folder.link("gone.txt", to: "nowhere.txt")
        let (articles, report) = try load(folder)
        #expect(articles.count == 1)
        #expect(report.skipped[.unreadable] == 1)
    }

    @Test func fifosAreSkippedWithoutBlocking() throws {
        let folder = try TemporaryDirectory()
        try folder.write("good.txt", "Good\n\nText.")
        let fifo = folder.url.appendingPathComponent("pipe.txt").path
        try #require(mkfifo(fifo, 0o644) == 0)
        // Opening a FIFO with no writer blocks: the loader must not open it at all.
        let path = folder.path
        let loaded = withDeadline(seconds: 20) { Result { () throws(CorpusError) in try CorpusLoader().load(path: path) } }
        let (articles, report) = try #require(loaded, "loading a folder with a FIFO hung").get()
        #expect(articles.map(\.id) == ["good.txt"])
        #expect(report.skipped[.notRegularFile] == 1)
        // Named directly as the corpus, a FIFO is not a corpus either (and still no hang).
        let direct = withDeadline(seconds: 20) { Result { () throws(CorpusError) in try CorpusLoader().load(path: fifo) } }
        let outcome = try #require(direct, "loading a FIFO as the corpus hung")
        #expect(throws: CorpusError.self) { try outcome.get() }
    }

    @Test func deviceFilesAreSkipped() throws {
        let folder = try TemporaryDirectory()
        try folder.write("good.txt", "Good\n\nText.")
        try folder.link("null.txt", to: "/dev/null")
        try folder.link("zero", to: "/dev/zero")
        let (articles, report) = try load(folder)
        #expect(articles.map(\.id) == ["good.txt"])
        #expect(report.skipped[.notRegularFile] == 2)
    }

    @Test func otherExtensionsAreCountedAndHiddenFilesIgnored() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a.txt", "A\n\nText.")
        try folder.write("b.MD", "# B\n\nText.")
        try folder.write("README", "C\n\nText.")
        try folder.write("photo.jpg", bytes: [0xFF, 0xD8, 0xFF])
        try folder.write(".hidden.txt", "Hidden\n\nText.")
        try folder.write(".git/config", "[core]")
        let (articles, report) = try load(folder)
        #expect(articles.map(\.id) == ["README", "a.txt", "b.MD"])
        #expect(report.skipped == [.otherExtension: 1])
    }

    @Test func aSingleFileIsACorpus() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("news/one.txt", "One\n\nText.")
        let store = try EmbeddedEngine.load(path: path)
        #expect(store.articles.map(\.id) == ["one.txt"])
        #expect(store.articles.first?.source == "news")
    }

    @Test func loadReportCountsArticlesAndBytes() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a.txt", "A\n\nText.")
        try folder.write("b.txt", "B\n\nMore text.")
        try folder.write("c.bin", "x")
        let store = try EmbeddedEngine.load(path: folder.path)
        #expect(store.report.articleCount == 2)
        #expect(store.report.bytesRead == 8 + 13)
        #expect(store.report.skippedCount == 1)
        #expect(store.name == folder.url.lastPathComponent)
    }

    // MARK: Corpus errors

    @Test func missingPathIsACorpusError() throws {
        let folder = try TemporaryDirectory()
        let missing = folder.url.appendingPathComponent("nope").path
        #expect(throws: CorpusError.notFound(missing)) { try CorpusLoader().load(path: missing) }
        #expect(throws: CorpusError.notFound(missing)) { try EmbeddedEngine.load(path: missing) }
    }

    @Test func emptyFolderIsACorpusError() throws {
        let folder = try TemporaryDirectory()
        let error = #expect(throws: CorpusError.self) { try CorpusLoader().load(path: folder.path) }
        guard case .empty(_, let summary) = error else {
            Issue.record("expected .empty, got \(String(describing: error))")
            return
        }
        #expect(summary.skipped == 0)
        #expect(error?.description.hasPrefix("no articles in") == true)
    }

    @Test func folderOfOnlyBadFilesIsACorpusErrorThatSaysWhy() throws {
        let folder = try TemporaryDirectory()
        try folder.write("empty.txt", "")
        try folder.write("binary.txt", bytes: [0, 1, 2])
        let error = #expect(throws: CorpusError.self) { try CorpusLoader().load(path: folder.path) }
        guard case .empty(_, let summary) = error else {
            Issue.record("expected .empty")
            return
        }
        #expect(summary.skipped == 2)
        #expect(summary.reasons.contains("empty"))
        #expect(summary.reasons.contains("binary"))
        #expect(error?.description.contains("2 file(s) skipped") == true)
    }
}
