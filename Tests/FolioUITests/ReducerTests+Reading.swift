import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// `reduce` for reading through a corpus: the find inside an article, the header block, unread
/// navigation, marking a list read, Space past the end, order, source filter, and the prompts.
extension ReducerTests {
    /// The builtin corpus, list focused, the first article open in the reading pane beside the list.
    static func reading() -> Driver {
        var driver = Driver(engine: Fixtures.builtin, width: 80, height: 24)
        driver.press(.enter)
        return driver
    }

    // MARK: Find in the article

    @Test func slashInTheReaderFindsInTheOpenArticleAndEscReturns() throws {
        var driver = Self.reading()
        driver.press(.character("j"), .character("j"), .character("j"))
        let before = try #require(driver.state.reader)
        let selected = driver.state.selected
        driver.press(.character("/"))
        #expect(driver.state.focus == .prompt)
        #expect(driver.state.prompt?.purpose == .find)
        driver.type("TEIGEN")
        let reader = try #require(driver.state.reader)
        #expect(reader.article == before.article, "the same article stays open")
        #expect(driver.state.selected == selected)
        #expect(driver.state.results == nil, "the corpus was not searched")
        let body = Fixtures.builtin.article(at: reader.article).body
        let expected = body.lowercased().components(separatedBy: "teigen").count - 1
        #expect(reader.document.hitLines.count == expected)
        #expect(expected >= 3)
        #expect(reader.currentHit != nil)
        // Each hit is the word, whatever its case.
        for (line, span) in zip(reader.document.hitLines, reader.document.hitSpans) {
            #expect(reader.document.lines[line].text.utf8Slice(span).lowercased().hasPrefix("teigen"))
        }
        driver.press(.enter)
        #expect(driver.state.focus == .reader)
        #expect(driver.state.reader?.find?.text == "TEIGEN")
        let first = try #require(driver.state.reader?.currentHit)
        driver.press(.character("n"))
        #expect(driver.state.reader?.currentHit == (first + 1) % expected)
        driver.press(.character("N"), .character("N"))
        #expect(driver.state.reader?.currentHit == (first + expected - 1) % expected)
        driver.press(.escape)
        #expect(driver.state.focus == .reader, "Esc ends the find, not the reading")
        #expect(driver.state.reader?.find == nil)
        #expect(driver.state.reader?.offset == before.offset)
        #expect(driver.state.reader?.document.hitLines.isEmpty == true)
        driver.press(.escape)
        #expect(driver.state.focus == .list)
    }

    @Test func escWhileTypingTheFindReturnsToWhereItBegan() throws {
        var driver = Self.reading()
        driver.press(.character("j"), .character("j"))
        let offset = try #require(driver.state.reader?.offset)
        driver.press(.character("/"))
        driver.type("family")
        #expect(driver.state.reader?.document.hitLines.isEmpty == false)
        driver.press(.escape)
        #expect(driver.state.focus == .reader)
        #expect(driver.state.prompt == nil)
        #expect(driver.state.reader?.find == nil)
        #expect(driver.state.reader?.offset == offset)
    }

    @Test func aFindOfNothingSaysSoAndStaysPut() throws {
        var driver = Self.reading()
        let offset = try #require(driver.state.reader?.offset)
        driver.press(.character("/"))
        driver.type("zzzqqq")
        #expect(driver.state.reader?.document.hitLines.isEmpty == true)
        #expect(driver.state.message == "not found")
        #expect(driver.state.reader?.offset == offset)
    }

    @Test func theFindFoldsDiacriticsAndFindsCJKCharacters() throws {
        var driver = Driver(engine: Fixtures.unicode, width: 80, height: 24)
        let cafe = try #require(Fixtures.unicode.number(ofID: "quotes.md"))
        driver.state.selected = try #require(driver.state.rows.position(of: cafe))
        driver.press(.enter, .character("/"))
        driver.type("CAFE")
        #expect(driver.state.reader?.document.hitLines.isEmpty == false)
        let finder = TextFinder("京")
        let text = "東京都に住む。京都も。"
        let hits = finder.occurrences(in: text)
        #expect(hits.map { text.utf8Slice($0) } == ["京", "京"])
    }

    @Test func searchingAllArticlesStaysOneKeyAwayFromTheReader() {
        var driver = Self.reading()
        driver.press(.character("S"))
        #expect(driver.state.focus == .search)
        driver.type("ashes")
        driver.press(.enter)
        #expect(driver.state.results != nil)
    }

    // MARK: Header block

    @Test func theHeaderShowsLengthReadingTimeAndMarks() throws {
        var driver = Self.reading()
        let reader = try #require(driver.state.reader)
        let article = Fixtures.builtin.article(at: reader.article)
        let summary = try #require(reader.document.lines.last { $0.kind == .metadata })
        #expect(summary.text.hasPrefix("\(article.wordCount) words · "))
        #expect(summary.text.hasSuffix(" · read"), "opening it marked it read")
        driver.press(.character("f"))
        let marked = try #require(driver.state.reader?.document.lines.last { $0.kind == .metadata })
        #expect(marked.text.hasSuffix(" · read · bookmarked"))
    }

    @Test func lengthsCountCharactersForUnspacedScripts() {
        let japanese = ReaderHeader.Length(words: 2, characters: 1_000)
        #expect(japanese.description == "1,000 characters")
        #expect(japanese.minutes == 2)
        let english = ReaderHeader.Length(words: 1_150, characters: 0)
        #expect(english.description == "1,150 words")
        #expect(english.minutes == 5)
        #expect(ReaderHeader.Length(words: 1, characters: 0).description == "1 word")
    }

    @Test func fullHeadersComeFromTheRunLoopAndToggleBack() throws {
        var driver = Self.reading()
        driver.runsSearches = false
        let article = try #require(driver.state.reader?.article)
        driver.press(.character("H"))
        #expect(driver.effects.last == .readFullHeaders(article: article))
        driver.send(.fullHeadersRead(article: article, lines: ["From: A <a@example.org>", "X-Mailer: test"]))
        let lines = try #require(driver.state.reader?.document.lines.map(\.text))
        #expect(lines.contains("X-Mailer: test"))
        driver.press(.character("H"))
        #expect(driver.state.reader?.document.lines.contains { $0.text == "X-Mailer: test" } == false)
        driver.send(.fullHeadersRead(article: article, lines: nil))
        #expect(driver.state.message == "no mail or Usenet headers in this article's file")
    }

    // MARK: Working through the corpus

    @Test func bracketsMoveToTheNextAndPreviousUnreadFromListAndReader() throws {
        var driver = Driver(engine: Fixtures.numbered(10), width: 60, height: 20)
        driver.send(.restore(SavedState(marks: [driver.state.rows[1]: ArticleMarks(isRead: true)])))
        driver.press(.character("]"))
        #expect(driver.state.selected == 2, "row 1 is read: skipped")
        driver.press(.enter)
        #expect(driver.state.focus == .reader)
        driver.press(.character("]"))
        #expect(driver.state.focus == .reader)
        #expect(driver.state.selected == 3)
        #expect(driver.state.reader?.article == driver.state.rows[3])
        driver.press(.character("["))
        #expect(driver.state.selected == 0, "rows 2 and 1 are read now")
        #expect(driver.state.readCount == 4)
    }

    @Test func markAllReadAsksFirst() throws {
        var driver = Driver(engine: Fixtures.numbered(10), width: 80, height: 24)
        driver.press(.character("A"))
        #expect(driver.state.focus == .prompt)
        #expect(driver.state.prompt?.purpose == .confirmMarkAllRead(count: 10))
        driver.press(.character("n"))
        #expect(driver.state.focus == .list)
        #expect(driver.state.readCount == 0)
        #expect(driver.state.message == "nothing marked")
        driver.press(.character("A"), .enter)
        #expect(driver.state.readCount == 0, "only y says yes")
        driver.press(.character("A"), .character("y"))
        #expect(driver.state.readCount == 10)
        #expect(driver.state.message == "marked 10 read")
        guard case .save(.readMany(let articles)) = driver.effects.last else {
            Issue.record("no save of the marks: \(driver.effects.suffix(2))")
            return
        }
        #expect(Set(articles) == Set(driver.state.rows))
    }

    @Test func markAllReadUnderUnreadOnlyEmptiesTheList() {
        var driver = Driver(engine: Fixtures.numbered(6), width: 80, height: 24)
        driver.press(.character("U"), .character("A"), .character("y"))
        #expect(driver.state.rows.isEmpty)
        #expect(StatusLineView.filters(driver.state).contains("unread only"))
        #expect(StatusLineView.filters(driver.state).contains("0 unread"))
    }

    @Test func spaceOnTheLastPageGoesToTheNextArticle() throws {
        var driver = Driver(engine: Fixtures.numbered(4), width: 60, height: 20)
        driver.press(.enter)
        let first = try #require(driver.state.reader?.article)
        driver.press(.character(" "))
        #expect(driver.state.reader?.article != first)
        #expect(driver.state.reader?.article == driver.state.rows[1])
        #expect(driver.state.selected == 1)
        #expect(driver.state.focus == .reader)
        driver.press(.character(" "), .character(" "), .character(" "))
        #expect(driver.state.selected == 3)
        #expect(driver.state.message == "the last article")
    }

    // MARK: Order and source

    @Test func oReversesTheListAndKeepsTheArticle() throws {
        var driver = Driver(engine: Fixtures.numbered(5), width: 80, height: 24)
        let forward = Array(driver.state.rows)
        driver.press(.character("j"))
        let article = driver.state.selectedArticle
        driver.press(.character("O"))
        #expect(Array(driver.state.rows) == forward.reversed())
        #expect(driver.state.selectedArticle == article)
        #expect(StatusLineView.filters(driver.state).first == "by relevance reversed")
        driver.press(.character("O"))
        #expect(Array(driver.state.rows) == forward)
    }

    @Test func fPicksOneSourceAndAgainShowsAll() throws {
        let store = EmbeddedEngine.load(
            documents: [("a/1.md", "a"), ("a/2.md", "a"), ("b/3.md", "b")].map {
                CorpusLoader.Document(id: $0.0, folderName: $0.1, bytes: Array("# T \($0.0)\nText.".utf8))
            }, name: "two")
        var driver = Driver(engine: store, width: 80, height: 24)
        driver.press(.character("F"))
        #expect(driver.state.prompt?.sources == [SourceCount(name: "a", count: 2), SourceCount(name: "b", count: 1)])
        driver.type("z")
        driver.press(.enter)
        #expect(driver.state.prompt?.purpose == .source, "no such source: the prompt stays")
        #expect(driver.state.message == "no source \"z\"")
        driver.press(.control("u"))
        driver.type("B")
        driver.press(.enter)
        #expect(driver.state.focus == .list)
        #expect(driver.state.rows.count == 1)
        #expect(driver.state.sourceFilter?.name == "b")
        #expect(StatusLineView.filters(driver.state).contains("source: b"))
        driver.press(.character("F"))
        #expect(driver.state.rows.count == 3)
        #expect(driver.state.sourceFilter == nil)
    }

    // MARK: Hand-offs and prompts

    @Test func thePagerGetsTheQueryOrTheFindAsItsPattern() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.search("ashes jack")
        #expect(pagerPattern(driver.state) == "ashes|jack")
        driver.press(.enter, .character("/"))
        driver.type("a.b")
        #expect(pagerPattern(driver.state) == "a\\.b")
    }

    @Test func thePipePromptKeepsItsOwnHistory() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.runsSearches = false
        for command in ["wc -w", "grep x"] {
            driver.press(.character("|"))
            driver.type(command)
            driver.press(.enter)
        }
        driver.press(.character("|"))
        driver.type("draft")
        driver.press(.up)
        #expect(driver.state.prompt?.editor.text == "grep x")
        driver.press(.up, .up)
        #expect(driver.state.prompt?.editor.text == "wc -w")
        driver.press(.down, .down)
        #expect(driver.state.prompt?.editor.text == "draft")
        #expect(driver.state.history.isEmpty, "commands are not queries")
    }
}
