import Foundation
import Testing

@testable import FolioCore

/// File and folder names: whatever bytes they hold, ids and sources are safe to print and distinct.
extension CorpusLoaderTests {
    @Test func fileAndFolderNamesThatAreNotUTF8AreRead() throws {
        let folder = try TemporaryDirectory()
        // "café.txt" and "Zürich/" in Latin-1: names are bytes on Linux, not always UTF-8.
        let file: [UInt8] = Array(folder.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8)
        let subfolder: [UInt8] = Array(folder.path.utf8) + Array("/Z".utf8) + [0xFC] + Array("rich".utf8)
        try #require(Self.writeFile(file, "Latin-1 name\n\nText."))
        try #require(
            subfolder.withUnsafeBufferPointer { bytes in
                mkdir(Array(bytes).map { CChar(bitPattern: $0) } + [0], 0o755) == 0
            })
        try #require(Self.writeFile(subfolder + Array("/inside.txt".utf8), "Inside\n\nText."))
        let (articles, report) = try load(folder)
        #expect(report.skippedCount == 0)
        #expect(articles.map(\.title).sorted() == ["Inside", "Latin-1 name"])
        // Ids and sources show the undecodable byte as an escape (`PrintableName`); the id still finds the article.
        #expect(articles.map(\.id).sorted() == ["Z\\xfcrich/inside.txt", "caf\\xe9.txt"])
        #expect(articles.first { $0.title == "Inside" }?.source == "Z\\xfcrich")
    }

    @Test func hostileFileAndFolderNamesBecomeSafeIdsAndSources() throws {
        // Ids and sources are printed (list, stats, the reader): a name must not drive the terminal either.
        let folder = try TemporaryDirectory()
        try folder.write("evil\u{1B}]0;pwned\u{07}.txt", "Escape name\n\nText.")
        try folder.write("two\nlines\ttab.txt", "Newline name\n\nText.")
        try folder.write("\u{202E}gnp.txt", "Bidi name\n\nText.")
        try folder.write("c1\u{9B}31m/inside.txt", "C1 folder\n\nText.")
        try folder.write("bad\u{1B}[2J.jpg", "not an article")
        let (articles, report) = try load(folder)
        #expect(articles.count == 4)
        for article in articles {
            #expect(TerminalSafety.violations(article.id).isEmpty, "\(article.id.debugDescription)")
            #expect(!article.id.contains("\n") && !article.id.contains("\t"))
            #expect(TerminalSafety.violations(article.source).isEmpty, "\(article.source.debugDescription)")
        }
        for examples in report.skippedExamples.values {
            for example in examples { #expect(TerminalSafety.violations(example).isEmpty, "\(example.debugDescription)") }
        }
        // The file still opens (its bytes on disk are used), and its safe id finds it.
        let store = EmbeddedEngine(articles: articles)
        #expect(store.article(withID: #"evil\x1b]0;pwned\x07.txt"#)?.title == "Escape name")
        #expect(store.article(withID: #"two\x0alines\x09tab.txt"#)?.title == "Newline name")
        #expect(store.article(withID: #"\u{202e}gnp.txt"#)?.title == "Bidi name")
        #expect(store.article(withID: #"c1\u{9b}31m/inside.txt"#)?.source == #"c1\u{9b}31m"#)
    }

    @Test func hostileCorpusFolderNameIsASafeStoreName() throws {
        let folder = try TemporaryDirectory()
        try folder.write("news\u{1B}[31m/a.txt", "A\n\nText.")
        let root = folder.url.appendingPathComponent("news\u{1B}[31m").path
        let store = try EmbeddedEngine.load(path: root)
        #expect(store.name == #"news\x1b[31m"#)
        #expect(store.articles.first?.source == #"news\x1b[31m"#)
        let single = try EmbeddedEngine.load(path: root + "/a.txt")
        #expect(single.articles.first?.source == #"news\x1b[31m"#)
    }

    /// Writes a file at a path given as raw bytes (Foundation takes only String paths).
    private static func writeFile(_ path: [UInt8], _ text: String) -> Bool {
        let descriptor = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }

    @Test func nestedFoldersGiveIdsAndSources() throws {
        let folder = try TemporaryDirectory()
        try folder.write("sport/199.txt", "Match report\n\nText.")
        try folder.write("business/001.txt", "Profits\n\nText.")
        try folder.write("top.txt", "Top\n\nText.")
        let (articles, _) = try load(folder)
        #expect(articles.map(\.id) == ["business/001.txt", "sport/199.txt", "top.txt"])
        #expect(articles.map(\.source) == ["business", "sport", folder.url.lastPathComponent])
    }
}
