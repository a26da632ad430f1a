import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// `reduce` in the search bar: the query, its results, and the history.
extension ReducerTests {
    // MARK: Searching

    @Test func typingIssuesSearchesWithIncreasingGenerations() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.runsSearches = false
        driver.press(.character("/"))
        #expect(driver.state.focus == .search)
        driver.type("ash")
        #expect(driver.searches.map(\.text) == ["a", "as", "ash"])
        #expect(driver.searches.map(\.generation) == [1, 2, 3])
        #expect(driver.state.searchGeneration == 3)
        #expect(driver.state.isSearching)
        #expect(driver.state.query == "ash")
        // Letters that are commands elsewhere are text here.
        driver.type("q?jz")
        #expect(driver.state.query == "ashq?jz")
        #expect(!driver.state.shouldQuit && !driver.state.isShowingHelp && !driver.state.isZoomed)
        #expect(driver.searches.map(\.generation) == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test func staleResultsAreDropped() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.runsSearches = false
        driver.press(.character("/"))
        driver.type("ashes")
        #expect(driver.searches.last?.generation == 5)
        let allRows = driver.state.rows
        // An older query's results arrive late: ignored, still waiting for the newest.
        driver.send(.searchFinished(generation: 2, results: Driver.results(of: "as", in: Fixtures.builtin)))
        #expect(driver.state.results == nil)
        #expect(driver.state.rows == allRows)
        #expect(driver.state.isSearching)
        // The newest arrives: applied.
        let newest = Driver.results(of: "ashes", in: Fixtures.builtin)
        driver.send(.searchFinished(generation: 5, results: newest))
        #expect(!driver.state.isSearching)
        #expect(Array(driver.state.rows) == newest.matches.map(\.article))
        #expect(driver.state.rows.count == 3)
        // And one older still, after it: ignored too.
        driver.send(.searchFinished(generation: 4, results: Driver.results(of: "ashe", in: Fixtures.unicode)))
        #expect(Array(driver.state.rows) == newest.matches.map(\.article))
    }

    /// Type, Enter, Enter faster than a search: the article opened is the best match of the query
    /// typed, not the row an earlier query's list had selected.
    @Test func enterBeforeTheResultsOpensTheFirstOfThem() throws {
        var driver = Driver(engine: Fixtures.builtin)
        driver.runsSearches = false
        driver.press(.character("/"))
        driver.type("ashes")
        let earlierFirst = try #require(driver.state.selectedArticle)
        driver.press(.enter, .enter)
        #expect(driver.state.reader == nil || driver.state.focus == .list, "nothing opened on the stale list")
        #expect(driver.state.opensWhenResultsArrive)
        let newest = Driver.results(of: "ashes", in: Fixtures.builtin)
        let best = try #require(newest.matches.first?.article)
        #expect(best != earlierFirst, "the test needs a query whose best match is not the list's first row")
        driver.send(.searchFinished(generation: driver.state.searchGeneration, results: newest))
        #expect(driver.state.focus == .reader)
        #expect(driver.state.reader?.article == best)
        #expect(driver.state.marks[best]?.isRead == true)
        #expect(!driver.state.opensWhenResultsArrive)
    }

    /// A key pressed after that Enter changes what the user wants: the results then only fill the list.
    @Test func aKeyAfterTheEarlyEnterCancelsTheOpen() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.runsSearches = false
        driver.press(.character("/"))
        driver.type("ashes")
        driver.press(.enter, .enter, .character("j"))
        #expect(!driver.state.opensWhenResultsArrive)
        driver.send(
            .searchFinished(
                generation: driver.state.searchGeneration, results: Driver.results(of: "ashes", in: Fixtures.builtin)))
        #expect(driver.state.focus == .list)
        #expect(driver.state.marks.isEmpty)
    }

    @Test func enterGoesToTheListAndRecordsHistory() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.search("ashes")
        #expect(driver.state.focus == .list)
        #expect(driver.state.history == ["ashes"])
        #expect(driver.state.query == "ashes")
        #expect(driver.state.rows.count == 3)
        #expect(driver.state.selected == 0)
        // The same query again is not recorded twice; surrounding spaces are not part of it.
        driver.search("  ashes ")
        driver.search("luna")
        #expect(driver.state.history == ["ashes", "luna"])
        // An empty query is not history.
        driver.search("")
        #expect(driver.state.history == ["ashes", "luna"])
        #expect(driver.state.results == nil)
        #expect(driver.state.rows.count == 5)
    }

    @Test func escapeLeavesTheSearchBarThenClearsTheQuery() {
        var driver = Driver(engine: Fixtures.builtin)
        let everything = driver.state.rows
        driver.press(.character("/"))
        driver.type("ashes")
        driver.press(.escape)
        #expect(driver.state.focus == .list)
        #expect(driver.state.query == "ashes")
        #expect(driver.state.rows.count == 3)
        #expect(driver.state.history.isEmpty)  // Esc is not Enter
        driver.press(.escape)
        #expect(driver.state.focus == .list)
        #expect(driver.state.query == "")
        #expect(driver.state.results == nil)
        #expect(driver.state.rows == everything)
        #expect(!driver.state.isSearching)
    }

    @Test func upAndDownWalkThisSessionsHistory() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.search("ashes")
        driver.search("teigen")
        driver.press(.character("/"), .control("u"))
        driver.type("lu")
        driver.press(.up)
        #expect(driver.state.query == "teigen")
        #expect(driver.state.historyIndex == 1)
        driver.press(.up)
        #expect(driver.state.query == "ashes")
        #expect(driver.state.rows.count == 3)  // the recalled query ran
        driver.press(.up)
        #expect(driver.state.query == "ashes")  // the oldest stays
        driver.press(.down)
        #expect(driver.state.query == "teigen")
        driver.press(.down)
        #expect(driver.state.query == "lu")  // past the newest: what was being typed
        #expect(driver.state.historyIndex == nil)
        driver.press(.control("p"))
        #expect(driver.state.query == "teigen")
        driver.press(.control("n"))
        #expect(driver.state.query == "lu")
    }

    @Test func historyIsEmptyAtFirst() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.press(.character("/"))
        driver.type("x")
        driver.press(.up, .down)
        #expect(driver.state.query == "x")
        #expect(driver.state.historyIndex == nil)
    }

    @Test func keysEditTheQuery() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.press(.character("/"))
        driver.type("chrissy teigen")
        driver.press(.control("w"))
        #expect(driver.state.query == "chrissy ")
        driver.press(.backspace)
        #expect(driver.state.query == "chrissy")
        #expect(driver.state.editor.cursor == 7)
        driver.press(.left, .left)
        #expect(driver.state.editor.cursor == 5)
        driver.type("X")
        #expect(driver.state.query == "chrisXsy")
        #expect(driver.state.editor.cursor == 6)
        driver.press(.right)
        #expect(driver.state.editor.cursor == 7)
        driver.press(.right, .right, .right)
        #expect(driver.state.editor.cursor == 8)  // not past the end
        driver.press(.control("a"))
        #expect(driver.state.editor.cursor == 0)
        driver.press(.left, .backspace)
        #expect(driver.state.query == "chrisXsy")  // nothing before the start
        driver.press(.delete)
        #expect(driver.state.query == "hrisXsy")
        driver.press(.control("e"))
        #expect(driver.state.editor.cursor == 7)
        let before = driver.searches.count
        driver.press(.control("u"))
        #expect(driver.state.query == "")
        #expect(driver.state.editor.cursor == 0)
        #expect(driver.state.results == nil)
        #expect(driver.state.rows.count == 5)
        #expect(driver.searches.count == before)  // an empty query lists everything without a search
        // Ctrl-W eats the spaces, then the word before them.
        driver.type("one two   ")
        driver.press(.control("w"))
        #expect(driver.state.query == "one ")
        driver.press(.control("w"), .control("w"))
        #expect(driver.state.query == "")
    }

    @Test func wideAndCombinedCharactersAreEditedWhole() {
        var driver = Driver(engine: Fixtures.unicode)
        driver.press(.character("/"))
        driver.type("中文")
        driver.press(.character("e\u{301}"))
        #expect(driver.state.editor.characters.count == 3)
        driver.press(.backspace)
        #expect(driver.state.query == "中文")
        #expect(driver.state.rows.map { Fixtures.unicode.article(at: $0).id }.first == "chinese.md")
    }

    @Test func directionalControlsAreNotTyped() {
        var driver = Driver(engine: Fixtures.unicode)
        driver.press(.character("/"))
        for character: Character in ["a", "\u{202E}", "b", "\u{2066}", "\u{200F}", "c", "\u{FEFF}"] {
            driver.press(.character(character))
        }
        #expect(driver.state.query == "abc")
        #expect(GridChecks.problems(in: driver.render()) == [])
    }
}
