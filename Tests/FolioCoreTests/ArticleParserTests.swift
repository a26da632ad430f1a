import Testing

@testable import FolioCore

/// The four file formats (news, dated first line, Markdown, mail/Usenet), read through the loader.
@Suite struct ArticleParserTests {
    private func date(_ text: String) -> CalendarDate? { DateParser.parse(text) }

    // MARK: (a) News style: title line, blank line, body

    @Test func newsStyleTitleThenBlankLineThenBody() throws {
        let article = try #require(
            Fixture.article(
                "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.\n\nIts profits were buoyed.\n",
                id: "business/001.txt", folder: "business"))
        #expect(article.title == "Ad sales boost Time Warner profit")
        #expect(article.body == "Quarterly profits at US media giant TimeWarner jumped 76%.\n\nIts profits were buoyed.")
        #expect(article.date == nil)
        #expect(article.source == "business")
        #expect(article.author == nil)
        #expect(article.id == "business/001.txt")
        #expect(article.wordCount == 13)
    }

    @Test func newsStyleWithoutBlankLineStillTakesFirstLine() throws {
        let article = try #require(Fixture.article("Chrissy Teigen is sharing a tribute.\nOn Tuesday she posted.\n"))
        #expect(article.title == "Chrissy Teigen is sharing a tribute.")
        #expect(article.body == "On Tuesday she posted.")
    }

    @Test func newsStyleWithCRLFLineEnds() throws {
        let article = try #require(Fixture.article("A title\r\n\r\nThe body.\r\nMore body.\r\n"))
        #expect(article.title == "A title")
        #expect(article.body == "The body.\nMore body.")
    }

    @Test func leadingBlankLinesAndSpacesAreNotTheTitle() throws {
        let article = try #require(Fixture.article("\n\n   Indented title   \n\nBody text.  \nSecond line.   \n\n\n"))
        #expect(article.title == "Indented title")
        #expect(article.body == "Body text.\nSecond line.")
    }

    @Test func aVeryLongFirstLineIsAParagraphNotATitle() throws {
        let sentence =
            "This first sentence is the opening of a long paragraph that runs on well past any sensible headline length."
        let paragraph = sentence + String(repeating: " And it keeps going with more words", count: 5) + "."
        let article = try #require(Fixture.article(paragraph + "\n\nSecond paragraph.\n"))
        #expect(article.title.count <= ArticleParser.derivedTitleLength + 1)
        #expect(article.title.hasSuffix("…"))
        #expect(sentence.hasPrefix(String(article.title.dropLast())))
        #expect(article.body.hasPrefix("This first sentence"))
    }

    // MARK: (b) " date YYYY-MM-DD" first line

    @Test func datedFirstLineGivesDateAndFirstSentenceTitle() throws {
        let article = try #require(
            Fixture.article(
                " date 2021-10-25 Chrissy Teigen is revealing new details about her family. She spoke to a site.\n\nMore text.\n",
                id: "001.txt", folder: "Data"))
        #expect(article.date == CalendarDate(year: 2021, month: 10, day: 25))
        #expect(article.title == "Chrissy Teigen is revealing new details about her family.")
        // The rest of the dated line starts the body; the date itself does not appear in it.
        #expect(article.body == "Chrissy Teigen is revealing new details about her family. She spoke to a site.\n\nMore text.")
        #expect(article.source == "Data")
    }

    @Test func datedFirstLineWithoutLeadingSpace() throws {
        let article = try #require(Fixture.article("date 2020-01-02 Short one here, then more words follow it. Next.\n"))
        #expect(article.date == CalendarDate(year: 2020, month: 1, day: 2))
        #expect(article.title == "Short one here, then more words follow it.")
    }

    @Test func shortFirstSentenceTakesTheNextOneToo() throws {
        let article = try #require(Fixture.article(" date 2021-10-01 On a journey. Chrissy mourned her son. Then more.\n"))
        #expect(article.title == "On a journey. Chrissy mourned her son.")
    }

    @Test func abbreviationsDoNotEndTheTitleSentence() throws {
        let article = try #require(
            Fixture.article(" date 2021-09-28 On Tuesday, Sept. 28, Mr. Legend posted a photo online. More.\n"))
        #expect(article.title == "On Tuesday, Sept. 28, Mr. Legend posted a photo online.")
    }

    @Test func longFirstSentenceIsCutAtAWordBoundary() throws {
        let words = (1...40).map { "word\($0)" }.joined(separator: " ")
        let article = try #require(Fixture.article(" date 2021-10-25 \(words). Second sentence.\n"))
        let title = article.title
        #expect(title.hasSuffix("…"))
        let kept = String(title.dropLast())
        #expect(kept.count <= ArticleParser.derivedTitleLength)
        // Cut between words: what is kept is whole words of the sentence.
        #expect(words.hasPrefix(kept))
        #expect(words[words.index(words.startIndex, offsetBy: kept.count)] == " ")
    }

    @Test func dateLineWithoutAValidDateIsAPlainTitle() throws {
        let article = try #require(Fixture.article(" date soon, the film opens\n\nBody.\n"))
        #expect(article.date == nil)
        #expect(article.title == "date soon, the film opens")
    }

    // MARK: (c) Markdown: front matter and/or # Heading

    @Test func frontMatterFields() throws {
        let text = """
            ---
            title: "Luna's teddy: a story"
            date: 2021-10-25
            author: Jane Doe
            source: People
            url: https://example.org/a?b=c
            tags:
              - one
              - two
            ---

            The body starts here.
            """
        let article = try #require(Fixture.article(text, id: "notes/a.md", folder: "notes"))
        #expect(article.title == "Luna's teddy: a story")
        #expect(article.date == CalendarDate(year: 2021, month: 10, day: 25))
        #expect(article.author == "Jane Doe")
        #expect(article.source == "People")
        #expect(article.url == "https://example.org/a?b=c")
        #expect(article.body == "The body starts here.")
    }

    @Test func frontMatterWithoutSourceUsesFolderName() throws {
        let article = try #require(Fixture.article("---\ntitle: T\n---\nBody.\n", folder: "essays"))
        #expect(article.source == "essays")
        #expect(article.title == "T")
    }

    @Test func frontMatterTitleAndSameHeadingDropsTheHeading() throws {
        let article = try #require(Fixture.article("---\ntitle: The Heading\ndate: 2020-02-29\n---\n\n# The heading\n\nBody.\n"))
        #expect(article.title == "The Heading")
        #expect(article.body == "Body.")
        #expect(article.date == CalendarDate(year: 2020, month: 2, day: 29))
    }

    @Test func frontMatterTitleAndDifferentHeadingKeepsTheHeadingInBody() throws {
        let article = try #require(Fixture.article("---\ntitle: Front title\n---\n# Section one\n\nBody.\n"))
        #expect(article.title == "Front title")
        #expect(article.body == "# Section one\n\nBody.")
    }

    @Test func frontMatterWithoutTitleTakesTheHeading() throws {
        let article = try #require(Fixture.article("---\ndate: 25 Oct 2021\nauthor: 'O''Brien'\n---\n## Heading two ##\nBody.\n"))
        #expect(article.title == "Heading two")
        #expect(article.author == "O'Brien")
        #expect(article.date == CalendarDate(year: 2021, month: 10, day: 25))
        #expect(article.body == "Body.")
    }

    @Test func headingOnlyMarkdown() throws {
        let article = try #require(Fixture.article("# A Markdown title\n\nSome *text*.\n", id: "x.md"))
        #expect(article.title == "A Markdown title")
        #expect(article.body == "Some *text*.")
        #expect(article.date == nil)
    }

    @Test func hashtagIsNotAHeading() throws {
        let article = try #require(Fixture.article("#notaheading here\n\nBody.\n"))
        #expect(article.title == "#notaheading here")
    }

    @Test func unterminatedFrontMatterIsReadAsText() throws {
        let article = try #require(Fixture.article("---\ntitle: never closed\n\nBody.\n"))
        #expect(article.body.contains("Body."))
    }

    // MARK: (d) Mail / Usenet header block

    @Test func mailHeaderBlock() throws {
        let text = """
            Path: news.example.org!not-for-mail
            From: "Jane Doe" <jane@example.org>
            Newsgroups: comp.lang.swift, comp.misc
            Subject: Re: folio and
             terminal readers
            Date: Mon, 25 Oct 2021 10:15:00 +0200
            Message-ID: <abc@example.org>

            The body of the post.

            --
            Jane
            """
        let article = try #require(Fixture.article(text, folder: "mail"))
        #expect(article.title == "Re: folio and terminal readers")
        #expect(article.author == "Jane Doe")
        #expect(article.date == CalendarDate(year: 2021, month: 10, day: 25))
        #expect(article.source == "comp.lang.swift")
        #expect(article.body.hasPrefix("The body of the post."))
        #expect(!article.body.contains("Message-ID"))
    }

    @Test func mailHeaderWithoutNewsgroupsUsesFolderName() throws {
        let article = try #require(
            Fixture.article(
                "Subject: Quarterly report\nFrom: boss@example.org\nDate: 2021-10-25T09:00:00Z\n\nNumbers.\n", folder: "inbox"))
        #expect(article.title == "Quarterly report")
        #expect(article.author == "boss@example.org")
        #expect(article.date == CalendarDate(year: 2021, month: 10, day: 25))
        #expect(article.source == "inbox")
        #expect(article.body == "Numbers.")
    }

    @Test(arguments: ["From: Russia with love", "To: the lighthouse, again"])
    func newsTitleThatLooksLikeOneHeaderLineKeepsItsTitle(title: String) throws {
        // One From: or To: line alone is a title that happens to start with a header name.
        let article = try #require(Fixture.article("\(title)\n\nThe film opens today.\n"))
        #expect(article.title == title)
        #expect(article.body == "The film opens today.")
        #expect(article.author == nil)
    }

    @Test func singleSubjectLineIsAHeader() throws {
        let article = try #require(Fixture.article("Subject: Meeting notes\n\nWe met.\n"))
        #expect(article.title == "Meeting notes")
        #expect(article.body == "We met.")
    }

    @Test func proseWithAColonIsNotAHeader() throws {
        let article = try #require(Fixture.article("Update: markets fall again\n\nShares fell.\n"))
        #expect(article.title == "Update: markets fall again")
        #expect(article.body == "Shares fell.")
        #expect(article.author == nil)
    }

    // MARK: Dates and fallbacks

    @Test(
        arguments: [
            ("2021-10-25", "2021-10-25"),
            ("2021-10-25T10:15:00Z", "2021-10-25"),
            ("2021-10-25T23:30:00-05:00", "2021-10-25"),
            ("Mon, 25 Oct 2021 10:15:00 +0000", "2021-10-25"),
            ("25 Oct 2021 10:15 GMT", "2021-10-25"),
            ("someday", nil),
            ("2021-02-30", nil)
        ] as [(String, String?)])
    func frontMatterDateFormats(text: String, expected: String?) throws {
        let article = try #require(Fixture.article("---\ntitle: T\ndate: \(text)\n---\nBody.\n"))
        #expect(article.date?.description == expected)
    }

    @Test func undatedArticlesSortLast() {
        let store = Fixture.store([
            ("a.txt", "Undated\n\nBody."),
            ("b.txt", " date 2020-05-01 Older article here. Body."),
            ("c.txt", " date 2021-05-01 Newer article here. Body.")
        ])
        let order = store.listing(sort: .date).map { store.articles[$0].id }
        #expect(order == ["c.txt", "b.txt", "a.txt"])
    }

    @Test func titleFallsBackToFileName() throws {
        let article = try #require(Fixture.article("---\ndate: 2021-01-01\n---\n", id: "sub/my-note.md"))
        #expect(article.title == "my-note")
        #expect(article.body == "")
    }

    @Test func builtinArticlesParse() throws {
        let store = Fixture.builtin
        #expect(
            store.articles.map(\.id) == [
                "000_28476d52775e6d63.txt", "001_2bcd1fa24314d7c1.txt", "002_b78156dc43225a05.txt",
                "003_3879b8bc088c5fb4.txt", "004_e8d9254e75741f33.txt"
            ])
        let first = try #require(store.article(withID: "000_28476d52775e6d63.txt"))
        #expect(first.title == "Watch Chrissy Teigen’s Daughter Luna Sweetly Honor Baby Jack After His Ashes Are Brought Home")
        #expect(first.date == nil)
        #expect(first.source == "built-in")
        let dated = try #require(store.article(withID: "001_2bcd1fa24314d7c1.txt"))
        #expect(dated.date == CalendarDate(year: 2021, month: 10, day: 25))
        #expect(dated.title == "Chrissy Teigen is revealing new details about how her family keeps her late son's memory alive.")
        #expect(dated.body.hasPrefix("Chrissy Teigen is revealing"))
        let healing = try #require(store.article(withID: "002_b78156dc43225a05.txt"))
        #expect(healing.date == CalendarDate(year: 2021, month: 10, day: 1))
        #expect(healing.title.hasPrefix("On a healing journey. Chrissy Teigen mourned"))
        #expect(healing.title.hasSuffix("…"))
    }
}
