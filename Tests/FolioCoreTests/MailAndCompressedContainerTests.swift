import Foundation
import Testing

@testable import FolioCore

/// mbox files, Maildir folders and compressed files (architecture.md §5): messages keep their ids
/// as an mbox grows, and every damaged file is a counted skip.
@Suite struct MailAndCompressedContainerTests {
    static func message(_ number: Int, id: String?, body: String = "Body text.") -> String {
        var text = "From sender\(number)@example.org Thu Jan  1 12:00:00 2015\n"
        text += "From: Sender \(number) <sender\(number)@example.org>\nSubject: Message \(number)\n"
        text += "Date: Thu, 01 Jan 2015 12:00:00 +0000\n"
        if let id { text += "Message-ID: <\(id)>\n" }
        return text + "\n" + body + "\n\n"
    }

    @Test func mboxMessagesAreNamedByMessageID() throws {
        let folder = try TemporaryDirectory()
        let text =
            Self.message(1, id: "one@example.org", body: "Quoted:\n>From the start\n>>From deeper\nFrom inside a line is fine.")
            + Self.message(2, id: nil) + Self.message(3, id: "one@example.org") + Self.message(4, id: "#tricky")
        try folder.write("list.mbox", bytes: Array(text.utf8))
        let (articles, report) = try CorpusLoader().load(path: folder.path)
        #expect(articles.map(\.id) == ["list.mbox/#2", "list.mbox/#3", "list.mbox/#4", "list.mbox/one@example.org"])
        let first = try #require(articles.first { $0.id == "list.mbox/one@example.org" })
        #expect(first.title == "Message 1")
        #expect(first.author == "Sender 1")
        #expect(first.date == CalendarDate(year: 2015, month: 1, day: 1))
        #expect(first.body == "Quoted:\nFrom the start\n>From deeper\nFrom inside a line is fine.")
        #expect(report.formats[.mbox] == FormatCount(articles: 4, skipped: 0))
    }

    @Test func idsStayWhenTheMboxGrowsAndTheSnapshotFollows() throws {
        let corpus = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        let opener = CorpusOpener(cache: SnapshotCache(folder: cache.path + "/folio"))
        let start = Self.message(1, id: "a@example.org") + Self.message(2, id: "b@example.org")
        let path = try corpus.write("inbox", bytes: Array(start.utf8))
        let before = try opener.open(path: corpus.path)
        #expect((0..<before.articleCount).map(before.id(at:)) == ["inbox/a@example.org", "inbox/b@example.org"])
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(Self.message(3, id: "0@example.org").utf8))
        try handle.close()
        let after = try opener.open(path: corpus.path)
        #expect(
            (0..<after.articleCount).map(after.id(at:)) == ["inbox/0@example.org", "inbox/a@example.org", "inbox/b@example.org"])
        #expect(after.article(withID: "inbox/a@example.org")?.title == "Message 1")
        // A third open maps the snapshot the second wrote, with the new ids.
        let again = try opener.open(path: corpus.path)
        #expect(again.report.snapshotSeconds > 0)
        #expect(again.articleCount == 3)
        #expect(again.article(withID: "inbox/0@example.org")?.title == "Message 3")
    }

    @Test func aTruncatedLastMessageIsKept() throws {
        let folder = try TemporaryDirectory()
        let text = Self.message(1, id: "x@example.org") + "From cut@example.org Thu Jan  1 12:00:00 2015\nSubject: Cut sh"
        try folder.write("archive.mbox", bytes: Array(text.utf8))
        let (articles, report) = try CorpusLoader().load(path: folder.path)
        #expect(articles.count == 2)
        #expect(report.skippedCount == 0)
        #expect(articles.contains { $0.id == "archive.mbox/#2" })
    }

    @Test func aFileStartingWithAnMboxLineIsAnMbox() throws {
        let folder = try TemporaryDirectory()
        try folder.write("saved.txt", bytes: Array((Self.message(1, id: "p@q") + Self.message(2, id: "r@s")).utf8))
        try folder.write("prose.txt", bytes: Array("From the desk of the editor\n\nA letter.\n".utf8))
        let (articles, _) = try CorpusLoader().load(path: folder.path)
        #expect(articles.map(\.id) == ["prose.txt", "saved.txt/p@q", "saved.txt/r@s"])
    }

    @Test func maildirMessagesAreReadFromCurAndNewOnly() throws {
        let folder = try TemporaryDirectory()
        let mail = { (n: Int) in Array("From: A <a@b>\nSubject: Mail \(n)\nDate: 2 Feb 2022\n\nMail body \(n).\n".utf8) }
        try folder.write("box/cur/100.M1.host:2,S", bytes: mail(1))
        try folder.write("box/new/101.M2.host", bytes: mail(2))
        try folder.write("box/tmp/102.M3.host", bytes: mail(3))
        try folder.write("box/dovecot-uidlist", bytes: Array("3 V1 N4\n".utf8))
        let (articles, report) = try CorpusLoader().load(path: folder.path)
        #expect(articles.map(\.id) == ["box/100.M1.host", "box/101.M2.host"])
        #expect(articles.map(\.title) == ["Mail 1", "Mail 2"])
        #expect(report.formats[.maildir] == FormatCount(articles: 2, skipped: 0))
        #expect(report.skipped[.otherExtension] == 1)
        #expect(
            Maildir.messagePath(folder: folder.path + "/box", unique: "100.M1.host") == folder.path + "/box/cur/100.M1.host:2,S")
    }

    /// `gzip -c`, run on `bytes`.
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let folder = try TemporaryDirectory()
        let path = try folder.write("input", bytes: bytes)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c \"$1\" > \"$1.gz\"", "gzip", path]
        try process.run()
        process.waitUntilExit()
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path + ".gz")))
    }

    /// "Zstd title\n\nA zstd body.\n" as `zstd` writes it.
    static let zstdArticle: [UInt8] = [
        40, 181, 47, 253, 4, 88, 201, 0, 0, 90, 115, 116, 100, 32, 116, 105, 116, 108, 101, 10, 10, 65, 32, 122, 115,
        116, 100, 32, 98, 111, 100, 121, 46, 10, 98, 130, 37, 246
    ]

    @Test func compressedFilesAreReadAndBadOnesSkipped() throws {
        let folder = try TemporaryDirectory()
        let jsonl = try Self.gzip(Array(#"{"title": "Zipped record", "text": "Inside a gzip."}"#.utf8))
        try folder.write("news.jsonl.gz", bytes: jsonl)
        try folder.write("one.txt.gz", bytes: try Self.gzip(Array("Zipped article\n\nIts body.\n".utf8)))
        try folder.write("z.md.zst", bytes: Self.zstdArticle)
        try folder.write("fake.txt.gz", bytes: Array("not gzip at all\n".utf8))
        try folder.write("cut.jsonl.gz", bytes: Array(jsonl.prefix(jsonl.count - 6)))
        try folder.write("cut.txt.zst", bytes: Array(Self.zstdArticle.prefix(20)))
        try folder.write("archive.tar.gz", bytes: jsonl)
        let (articles, report) = try CorpusLoader().load(path: folder.path)
        #expect(articles.map(\.id) == ["news.jsonl.gz/1", "one.txt.gz", "z.md.zst"])
        #expect(articles.map(\.title) == ["Zipped record", "Zipped article", "Zstd title"])
        #expect(report.skipped[.badCompressed] == 3)
        #expect(report.skipped[.otherExtension] == 1)
        #expect(report.compressions[.gzip] == FormatCount(articles: 2, skipped: 2))
        #expect(report.compressions[.zstd] == FormatCount(articles: 1, skipped: 1))
        #expect(report.formats[.markdown] == FormatCount(articles: 1, skipped: 0))
    }

    @Test func aDecompressionBombIsSkipped() throws {
        let folder = try TemporaryDirectory()
        let line = Array(#"{"title": "Big", "text": ""#.utf8) + [UInt8](repeating: 0x61, count: 200_000) + Array(#""}"#.utf8)
        try folder.write("bomb.jsonl.gz", bytes: try Self.gzip(line))
        try folder.write("bomb.txt.gz", bytes: try Self.gzip([UInt8](repeating: 0x61, count: 200_000)))
        try folder.write("keep.txt", bytes: Array("Kept\n\nBody.\n".utf8))
        let options = LoadOptions(maxFileSize: 100_000, maxDecompressedSize: 100_000)
        let (articles, report) = try CorpusLoader(options: options).load(path: folder.path)
        #expect(articles.map(\.id) == ["keep.txt"])
        #expect(report.skipped[.decompressedTooLarge] == 1)
        #expect(report.skipped[.tooLarge] == 1)
    }
}
