import Foundation
import Testing

@testable import FolioCore

/// Files of many articles: JSON Lines and CSV/TSV records become articles through the same steps as
/// files (architecture.md §5), and every bad record is a counted skip.
@Suite struct ContainerLoaderTests {
    func load(_ folder: TemporaryDirectory, options: LoadOptions = LoadOptions()) throws -> (
        articles: [Article], report: LoadReport
    ) {
        try CorpusLoader(options: options).load(path: folder.path)
    }

    static func article(_ id: String, in articles: [Article]) -> Article? { articles.first { $0.id == id } }

    @Test func jsonLinesRecordsBecomeArticlesNamedByLine() throws {
        let folder = try TemporaryDirectory()
        let lines = [
            #"{"title": "First title", "text": "First body.", "date": "2021-05-06", "url": "https://example.org/1", "source": "Wire"}"#,
            "",
            #"{"headline": "Second", "body": "Short", "description": "A much longer description of the second."}"#,
            #"{"content": "No title here\n\nSecond paragraph.", "authors": ["Ann Lee", "Bo Chan"], "timestamp": 1600000000}"#
        ]
        try folder.write("news.jsonl", bytes: Array(lines.joined(separator: "\n").utf8))
        let (articles, report) = try load(folder)
        #expect(articles.map(\.id) == ["news.jsonl/1", "news.jsonl/3", "news.jsonl/4"])
        let first = try #require(Self.article("news.jsonl/1", in: articles))
        #expect(first.title == "First title")
        #expect(first.body == "First body.")
        #expect(first.date == CalendarDate(year: 2021, month: 5, day: 6))
        #expect(first.url == "https://example.org/1")
        #expect(first.source == "Wire")
        let second = try #require(Self.article("news.jsonl/3", in: articles))
        #expect(second.title == "Second")
        #expect(second.body == "A much longer description of the second.")
        let third = try #require(Self.article("news.jsonl/4", in: articles))
        #expect(third.title == "No title here")
        #expect(third.body == "Second paragraph.")
        #expect(third.author == "Ann Lee, Bo Chan")
        #expect(third.date == CalendarDate(year: 2020, month: 9, day: 13))
        #expect(third.source == (folder.path as NSString).lastPathComponent)
        #expect(report.formats[.jsonLines] == FormatCount(articles: 3, skipped: 0))
        #expect(report.skippedCount == 0)
    }

    @Test func badJSONLinesAreCountedSkips() throws {
        let folder = try TemporaryDirectory()
        var bytes = Array(#"{"title": "Good", "text": "Fine."}"#.utf8) + [0x0A]
        bytes += Array("this is not json\n".utf8)
        bytes += Array("[1, 2, 3]\n\"just a string\"\n".utf8)
        bytes += Array(#"{"title": "", "text": "  "}"#.utf8) + [0x0A]
        bytes += Array(#"{"title": "Cut"#.utf8) + [0x0A]
        bytes += Array(#"{"title": "Bad escape \x", "text": "y"}"#.utf8) + [0x0A]
        bytes += Array(#"{"title": "Invalid é"#.utf8) + [0xC3, 0x28, 0xFF] + Array(#"", "text": "bytes"}"#.utf8)
        try folder.write("mixed.ndjson", bytes: bytes)
        let (articles, report) = try load(folder)
        #expect(articles.map(\.id) == ["mixed.ndjson/1", "mixed.ndjson/8"])
        #expect(report.skipped[.notJSON] == 3)
        #expect(report.skipped[.notAnObject] == 2)
        #expect(report.skipped[.noText] == 1)
        #expect(report.filesWithInvalidUTF8 == 1)
        #expect(report.formats[.jsonLines] == FormatCount(articles: 2, skipped: 6))
        let invalid = try #require(Self.article("mixed.ndjson/8", in: articles))
        #expect(invalid.title.contains("\u{FFFD}"))
    }

    @Test func jsonEscapesAreDecodedThenNormalised() throws {
        let folder = try TemporaryDirectory()
        let esc = "\u{1B}"
        let line =
            #"{"title": "Raw "# + esc
            + #"[31mred and \u001b]0;pwned\u0007 title \ud83d\ude00 \ud800", "text": "Tab\there \u202e bidi \u0000 nul\nnext \"quoted\" \\ /"}"#
        try folder.write("hostile.jsonl", bytes: Array(line.utf8))
        let (articles, _) = try load(folder)
        let article = try #require(articles.first)
        #expect(TerminalSafety.violations(article.title).isEmpty)
        #expect(TerminalSafety.violations(article.body).isEmpty)
        #expect(!article.title.contains("pwned"))
        #expect(article.title.contains("😀"))
        #expect(article.title.contains("\u{FFFD}"))
        #expect(article.body.contains("\"quoted\" \\ /"))
    }

    @Test func fieldNamesMapOtherFields() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a.jsonl", bytes: Array(#"{"Heading": "Mapped", "Story": "The story.", "title": "Usual"}"#.utf8))
        var names = FieldNames()
        #expect(names.add(mapping: "title=heading") == nil)
        #expect(names.add(mapping: "body=story") == nil)
        #expect(names.add(mapping: "colour=x") != nil)
        #expect(names.add(mapping: "title") != nil)
        let (articles, _) = try load(folder, options: LoadOptions(fieldNames: names))
        #expect(articles.first?.title == "Mapped")
        #expect(articles.first?.body == "The story.")
    }

    @Test func csvRowsFollowRFC4180() throws {
        let folder = try TemporaryDirectory()
        let text =
            "\u{FEFF}Title,Date,Body,Extra\r\n"
            + "Plain,2020-01-02,Simple body,x\r\n"
            + "\"Quoted, with comma\",2020-01-03,\"Line one\r\n\r\nLine \"\"two\"\"\",y\r\n"
            + "\r\n"
            + "Last,2020-01-04,Last body,z"
        try folder.write("table.csv", bytes: Array(text.utf8))
        let (articles, report) = try load(folder)
        #expect(articles.map(\.id) == ["table.csv/2", "table.csv/3", "table.csv/7"])
        let quoted = try #require(Self.article("table.csv/3", in: articles))
        #expect(quoted.title == "Quoted, with comma")
        #expect(quoted.body == "Line one\n\nLine \"two\"")
        #expect(quoted.date == CalendarDate(year: 2020, month: 1, day: 3))
        #expect(report.formats[.csv] == FormatCount(articles: 3, skipped: 0))
    }

    @Test func anUnclosedQuoteCostsOneRow() throws {
        let folder = try TemporaryDirectory()
        let text = "title,text\nGood,Body one\nBroken,\"never closed\nAfter,Body after\n"
        try folder.write("broken.csv", bytes: Array(text.utf8))
        let (articles, report) = try load(folder)
        #expect(articles.map(\.id) == ["broken.csv/2", "broken.csv/4"])
        #expect(report.skipped[.unclosedQuote] == 1)
        #expect(report.skippedExamples[.unclosedQuote] == ["broken.csv/3"])
    }

    @Test func tsvAndRowsWithoutText() throws {
        let folder = try TemporaryDirectory()
        try folder.write("t.tsv", bytes: Array("headline\tcontent\nTab title\tTab body, with comma\n\t\n".utf8))
        let (articles, report) = try load(folder)
        #expect(articles.map(\.title) == ["Tab title"])
        #expect(articles.first?.body == "Tab body, with comma")
        #expect(report.skipped[.noText] == 1)
        #expect(report.formats[.tsv] == FormatCount(articles: 1, skipped: 1))
    }

    @Test func emptyContainersAreSkipped() throws {
        let folder = try TemporaryDirectory()
        try folder.write("empty.jsonl", bytes: [])
        try folder.write("header-only.csv", bytes: Array("title,text\n".utf8))
        try folder.write("keep.txt", bytes: Array("Kept\n\nBody.\n".utf8))
        let (articles, report) = try load(folder)
        #expect(articles.map(\.id) == ["keep.txt"])
        #expect(report.skipped[.empty] == 1)
        #expect(report.formats[.text] == FormatCount(articles: 1, skipped: 0))
    }

    @Test func aBigJSONLinesFileIsSplitAcrossCoresInLineOrder() throws {
        let folder = try TemporaryDirectory()
        // Past the parallel threshold, so the file is cut into parts at line starts.
        var text = ""
        let count = 30_000
        for number in 1...count {
            text +=
                #"{"title": "Article \#(number)", "text": "Body of article number \#(number) with some padding words to make the line long enough for the test to pass the threshold easily."}"#
            text += number % 1000 == 0 ? "\n\n" : "\n"
        }
        try folder.write("big.jsonl", bytes: Array(text.utf8))
        #expect(text.utf8.count > RecordSplitter.parallelThreshold)
        let (articles, report) = try load(folder)
        #expect(articles.count == count)
        #expect(report.skippedCount == 0)
        // Line numbers count the blank lines too.
        #expect(Self.article("big.jsonl/1", in: articles)?.title == "Article 1")
        #expect(Self.article("big.jsonl/1000", in: articles)?.title == "Article 1000")
        #expect(Self.article("big.jsonl/1001", in: articles) == nil)
        #expect(Self.article("big.jsonl/1002", in: articles)?.title == "Article 1001")
        #expect(Self.article("big.jsonl/30029", in: articles)?.title == "Article 30000")
        #expect(zip(articles, articles.dropFirst()).allSatisfy { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) })
    }
}
