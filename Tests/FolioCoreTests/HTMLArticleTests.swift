import Testing

@testable import FolioCore

/// HTML pages read as articles: metadata, the main text as Markdown-style text, charsets, junk.
@Suite struct HTMLArticleTests {
    @Test func newsArticleTakesItsMetadataFromOpenGraphAndMetaTags() throws {
        let article = try #require(try FixtureFiles.article("html/news-article.html"))
        #expect(article.title == "Harbour town opens its tide mill again")
        #expect(article.date == DateParser.parse("2024-03-18"))
        #expect(article.author == "Mara Quint")
        #expect(article.url == "https://courier.example/news/2024/tide-mill")
        #expect(article.source == "The Coastal Courier")
    }

    @Test func newsArticleBodyIsTheArticleElementAsMarkdown() throws {
        let article = try #require(try FixtureFiles.article("html/news-article.html"))
        let expected = """
            The old tide mill at the mouth of the estuary turned its wheel on Monday for the first time in forty years.

            Volunteers spent three winters rebuilding the sluice gates, said [the mill trust](https://mill-trust.example/about), \
            and the [sluice story](https://courier.example/news/2023/sluice) has the details. A bad link stays plain text.

            ## How the wheel works

            > The tide does the work twice a day; we only open the gate.

            The control program prints `gate=open` when the water is high enough:

            ```
            if level > 2.4:
                open_gate()
            ```
            """
        #expect(article.body == expected)
    }

    @Test func junkAroundTheArticleIsDropped() throws {
        let body = try #require(try FixtureFiles.article("html/news-article.html")).body
        for junk in [
            "tracking", "Subscribe", "Sport", "Most read", "Site footer", "Search", "enable scripts", "vector text",
            "template text", "Read more", "Hidden teaser", "Copyright", "font-family", "alert"
        ] {
            #expect(!body.contains(junk), "\(junk) leaked into the body")
        }
    }

    @Test func pageWithOnlyATitleElement() throws {
        let article = try #require(try FixtureFiles.article("html/title-only.html"))
        #expect(article.title == "A page with only a title element")
        #expect(article.body == "Plain words in a div, with & an ampersand, é an accent and € a euro sign.\n\nA second block.")
        #expect(article.source == "fixture")
        #expect(article.date == nil && article.author == nil && article.url == nil)
    }

    @Test func pageWithoutABodyIsItsTitle() throws {
        let article = try #require(try FixtureFiles.article("html/no-body.html"))
        #expect(article.title == "Heading but nothing else")
        #expect(article.body.isEmpty)
    }

    @Test func pageWithNeitherTitleNorTextIsCountedAsEmpty() throws {
        let (articles, report) = CorpusLoader().load(documents: [
            CorpusLoader.Document(id: "empty.html", folderName: "f", bytes: try FixtureFiles.bytes("html/empty.html"))
        ])
        #expect(articles.isEmpty)
        #expect(report.skipped == [.empty: 1])
    }

    @Test func latin1PageWithAMetaCharset() throws {
        let article = try #require(try FixtureFiles.article("html/latin1-meta.html"))
        #expect(article.title == "Café crème à la façon de grand-mère")
        #expect(article.body == "Le café était très chaud, naïvement servi à midi.")
    }

    @Test func metaCharsetIsHonouredWhenTheBytesAreNotUTF8() throws {
        let article = try #require(try FixtureFiles.article("html/koi8r-meta.html"))
        #expect(article.title == "Новости дня")
        #expect(article.body == "Привет, мир! Это тест.")
    }

    @Test func navigationHeaderAsideAndFooterAreDroppedWithoutAnArticleElement() throws {
        let article = try #require(try FixtureFiles.article("html/nav-footer-junk.html"))
        #expect(article.title == "Allotment notes for April")
        // The page's h1 repeats the title: it is not kept as the body's first line.
        #expect(
            article.body
                == "Sow the broad beans once the soil is warm enough to sit on.\n\nNet the brassicas before the pigeons find them."
        )
    }

    @Test func nestedListsAndADataTable() throws {
        let article = try #require(try FixtureFiles.article("html/list-and-table.html"))
        let expected = """
            What to bring:

            - Clothes
              - Two jumpers
              - A waterproof
            - Food
              1. Oat bars
              2. Apples
            - A map

            Distances

            | Stage | Miles |
            | --- | --- |
            | Ridge | 7 |
            | Valley \\| floor | 4 |

            That is all.
            """
        #expect(article.title == "Packing list")
        #expect(article.body == expected)
    }

    @Test func siteNameIsDroppedFromEitherEndOfTheTitle() {
        #expect(HTMLArticle.removingSiteName("The Courier", from: "Storm ends - The Courier") == "Storm ends")
        #expect(HTMLArticle.removingSiteName("The Courier", from: "The Courier | Storm ends") == "Storm ends")
        #expect(HTMLArticle.removingSiteName("The Courier", from: "Storm ends - the courier") == "Storm ends")
        #expect(HTMLArticle.removingSiteName("Other", from: "Storm ends - The Courier") == "Storm ends - The Courier")
        #expect(HTMLArticle.removingSiteName(nil, from: "Storm ends - The Courier") == "Storm ends - The Courier")
        #expect(HTMLArticle.removingSiteName("The Courier", from: "The Courier") == "The Courier")
    }

    @Test func pagesAreRecognisedByNameOrByTheirFirstTag() {
        #expect(HTMLArticle.isPage(id: "a/b.HTML", bytes: []))
        #expect(HTMLArticle.isPage(id: "b.htm", bytes: []))
        #expect(HTMLArticle.isPage(id: "saved", bytes: Array("\n  <!DOCTYPE html><p>x".utf8)))
        #expect(HTMLArticle.isPage(id: "saved.txt", bytes: Array("\u{FEFF}<HTML><body>x".utf8)))
        #expect(!HTMLArticle.isPage(id: "notes.txt", bytes: Array("<b>bold</b> is a tag".utf8)))
        #expect(!HTMLArticle.isPage(id: "html.d/notes", bytes: Array("text".utf8)))
    }

    @Test func linksKeepOnlyWebAndMailAddresses() throws {
        let html = """
            <html><head><title>Links</title><base href="https://site.example/dir/page.html"></head><body><p>
            <a href="https://a.example/x">web</a> <a href="mailto:me@example.org">mail</a>
            <a href="other.html">relative</a> <a href="javascript:void(0)">script</a>
            <a href="data:text/html,hi">data</a> <a href="#top">fragment</a> <a href="file:///etc/passwd">file</a>
            <a href="https://a.example/with (parens)">parens</a> <a href="https://a.example/"><img src="x.png"></a>
            </p></body></html>
            """
        let article = try #require(Fixture.article(html, id: "links.html"))
        #expect(
            article.body
                == "[web](https://a.example/x) [mail](mailto:me@example.org) [relative](https://site.example/dir/other.html) "
                + "script data fragment file [parens](https://a.example/with%20%28parens%29)")
    }

    @Test func aLinkAroundBlocksKeepsItsTextUnlinked() throws {
        let html =
            "<html><title>Cards</title><body><p>Lead é <a href=\"https://x.example/\"><div>Card one</div>"
            + "<div>Card two</div></a> tail</p></body></html>"
        let article = try #require(Fixture.article(html, id: "cards.html"))
        #expect(article.body == "Lead é\n\nCard one\n\nCard two\n\ntail")
    }

    @Test func datesAuthorsAndTitlesFallBackInOrder() throws {
        let html = """
            <html><head><title>Fallback title</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
            "headline":"LD headline","datePublished":"2023-11-02T08:00:00Z","author":[{"name":"Ann"},{"name":"Bo"}]}]}</script>
            </head><body><p>Text.</p></body></html>
            """
        let article = try #require(Fixture.article(html, id: "ld.html"))
        #expect(article.title == "Fallback title")
        #expect(article.date == DateParser.parse("2023-11-02"))
        #expect(article.author == "Ann, Bo")

        let timed = try #require(
            Fixture.article(
                "<html><body><article><h1>Heading title</h1><p>By line</p><time datetime=\"2022-05-06\">May</time>"
                    + "<p>Words <a rel=\"author\" href=\"/me\">Cleo Dunn</a>.</p></article></body></html>", id: "t.html"))
        #expect(timed.title == "Heading title")
        #expect(timed.date == DateParser.parse("2022-05-06"))
        #expect(timed.author == "Cleo Dunn")
        #expect(!timed.body.hasPrefix("# Heading title"))
    }

    @Test func theLongestArticleElementIsTheText() throws {
        let html = """
            <html><head><title>Many</title></head><body><article><p>Teaser one.</p></article>
            <article><p>The real story, which is much longer than any teaser on the page.</p></article>
            <article><p>Teaser two.</p></article></body></html>
            """
        let article = try #require(Fixture.article(html, id: "many.html"))
        #expect(article.body == "The real story, which is much longer than any teaser on the page.")
    }

    @Test func whiteSpaceCollapsesAndBreaksAreKept() throws {
        let html = "<html><body><p>one\n\t two   <b>three</b>\u{A0}four<br>five<br><br>six</p><p>  </p><p>seven</p></body></html>"
        let article = try #require(Fixture.article(html, id: "space.html"))
        #expect(article.title == "one two three four")
        #expect(article.body == "five\n\nsix\n\nseven")
    }

    @Test func utf16PageWithAByteOrderMark() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<html><head><title>Wide page</title></head><body><p>Ünïcode text</p></body></html>".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let article = try #require(Fixture.article(bytes: bytes, id: "wide.html"))
        #expect(article.title == "Wide page")
        #expect(article.body == "Ünïcode text")
    }

    @Test func binaryBytesNamedHTMLAreSkipped() {
        var generator = SplitMix64(seed: 18)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let (articles, report) = CorpusLoader().load(documents: [
            CorpusLoader.Document(id: "junk.html", folderName: "f", bytes: bytes)
        ])
        #expect(articles.isEmpty)
        #expect(report.skippedCount == 1)
    }

    @Test func junkWithoutNULBytesIsABestEffortArticleOrASkip() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20 {
            let bytes = (0..<2048).map { _ in UInt8(truncatingIfNeeded: generator.next() % 255 + 1) }
            let (articles, report) = CorpusLoader().load(documents: [
                CorpusLoader.Document(id: "j.html", folderName: "f", bytes: bytes)
            ])
            #expect(articles.count + report.skippedCount == 1)
            for article in articles { #expect(TerminalSafety.violations(article.title + article.body).isEmpty) }
        }
    }

    @Test func deeplyNestedAndUnclosedMarkupDoesNotCrash() throws {
        let deep =
            String(repeating: "<div><blockquote><ul><li>", count: 3_000) + "bottom text"
            + String(repeating: "<span>", count: 5_000)
        let article = try #require(Fixture.article("<html><head><title>Deep</title></head><body>" + deep, id: "deep.html"))
        #expect(article.title == "Deep")
        let unclosed = try #require(
            Fixture.article("<html><title>Open</title><body><p>open <b>bold <i>both <table><tr><td>cell", id: "open.html"))
        #expect(unclosed.body.contains("open bold both"))
    }

    @Test func aLargePageIsReadToItsEnd() throws {
        let paragraph = "<p>" + String(repeating: "word ", count: 200) + "</p>\n"
        let html =
            "<html><head><title>Large</title></head><body>" + String(repeating: paragraph, count: 4_000)
            + "<p>the last paragraph</p></body></html>"
        #expect(html.utf8.count > 4_000_000)
        let article = try #require(Fixture.article(html, id: "large.html"))
        #expect(article.title == "Large")
        #expect(article.body.hasSuffix("the last paragraph"))
    }
}
