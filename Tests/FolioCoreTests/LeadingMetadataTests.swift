import Testing

@testable import FolioCore

/// Scraped files with a URL, a date or a by-line before the title, and files that only look like them.
@Suite struct LeadingMetadataTests {
    @Test func urlThenDateThenTitle() throws {
        let article = try #require(
            Fixture.article(
                "https://www.example.com/news/article-123\n2021-10-25T14:03:00Z\nThe title of the article\n\nBody text.\n"))
        #expect(article.title == "The title of the article")
        #expect(article.url == "https://www.example.com/news/article-123")
        #expect(article.date == DateParser.parse("2021-10-25"))
        #expect(article.body == "Body text.")
    }

    @Test(arguments: [
        "Mon, 25 Oct 2021 14:03:00 +0000", "October 25, 2021", "25 October 2021", "2021-10-25", "Published: 2021-10-25",
        "Date: Oct. 25, 2021"
    ])
    func dateLineThenTitle(dateLine: String) throws {
        let article = try #require(Fixture.article("\(dateLine)\nThe title\n\nBody.\n"))
        #expect(article.title == "The title")
        #expect(article.date == DateParser.parse("2021-10-25"))
        #expect(article.body == "Body.")
    }

    @Test func bylineAndSourceInTheRun() throws {
        let article = try #require(
            Fixture.article(
                "http://example.org/a\n\nBy Jane Doe and John Roe\nSource: Reuters\n25 Oct 2021\nMarkets rally\n\nStocks rose.\n")
        )
        #expect(article.title == "Markets rally")
        #expect(article.author == "Jane Doe and John Roe")
        #expect(article.source == "Reuters")
        #expect(article.url == "http://example.org/a")
        #expect(article.date == DateParser.parse("2021-10-25"))
        #expect(article.body == "Stocks rose.")
    }

    @Test func urlThenMarkdownHeading() throws {
        let article = try #require(Fixture.article("https://example.org/x\n# A heading\n\nBody.\n"))
        #expect(article.title == "A heading")
        #expect(article.url == "https://example.org/x")
    }

    @Test func urlThenLongParagraphTakesTheFirstSentenceNotTheURL() throws {
        let paragraph = String(repeating: "word ", count: 50) + "end. Next sentence here."
        let article = try #require(Fixture.article("https://example.org/x\n\n\(paragraph)\n"))
        #expect(!article.title.contains("https://"))
        #expect(article.title.hasPrefix("word word"))
        #expect(article.url == "https://example.org/x")
    }

    @Test func aLoneURLIsStillTheTitle() throws {
        let article = try #require(Fixture.article("https://example.org/only\n"))
        #expect(article.title == "https://example.org/only")
    }

    @Test(arguments: [
        "By Royal Appointment\n\nThe Queen visited.\n", "By the numbers: 2021\n\nBody.\n",
        "Source: my own experience, mostly.\n\nBody.\n", "2021 in review\n\nBody.\n", "May the best team win\n\nBody.\n",
        "Date night ideas\n\nBody.\n", "https is everywhere now\n\nBody.\n", "Mon, 25 Oct 2021 was a good day\n\nBody.\n"
    ])
    func titlesThatOnlyLookLikeMetadataStayTitles(text: String) throws {
        let article = try #require(Fixture.article(text))
        #expect(article.title == String(text.prefix(while: { $0 != "\n" })))
        #expect(article.url == nil)
        #expect(article.author == nil)
    }

    @Test func runLongerThanFiveLinesIsNotAHeader() throws {
        let dates = Array(repeating: "2021-10-25", count: 6).joined(separator: "\n")
        let article = try #require(Fixture.article("\(dates)\nTitle\n\nBody.\n"))
        #expect(article.title == "2021-10-25")
        #expect(article.body.hasPrefix("2021-10-25\n2021-10-25"))
        #expect(article.body.hasSuffix("Title\n\nBody."))
    }

    @Test func fiveMetadataLinesAreAllowed() throws {
        let dates = Array(repeating: "2021-10-25", count: 5).joined(separator: "\n")
        let article = try #require(Fixture.article("\(dates)\nTitle\n\nBody.\n"))
        #expect(article.title == "Title")
        #expect(article.body == "Body.")
    }

    @Test func builtInDatedFirstLineIsUnchanged() throws {
        let article = try #require(Fixture.article(" date 2021-10-25 Chrissy Teigen is sharing a tribute to her son.\n"))
        #expect(article.date == DateParser.parse("2021-10-25"))
        #expect(article.title.hasPrefix("Chrissy Teigen"))
        #expect(article.url == nil)
    }

    @Test func mailHeaderStillWins() throws {
        let article = try #require(Fixture.article("Date: 25 Oct 2021\nSubject: Hello\n\nBody.\n"))
        #expect(article.title == "Hello")
    }
}
