import FolioCore
import Testing
import TerminalCore
@testable import FolioUI

/// `reduce`: (state, action) → state, driven through the key table as the run loop drives it.
@Suite("Reducer")
struct ReducerTests {
    // MARK: Searching

    @Test func typingIssuesSearchesWithIncreasingGenerations() {
        var driver = Driver(store: Fixtures.builtin)
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
        var driver = Driver(store: Fixtures.builtin)
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

    @Test func enterGoesToTheListAndRecordsHistory() {
        var driver = Driver(store: Fixtures.builtin)
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
        var driver = Driver(store: Fixtures.builtin)
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
        var driver = Driver(store: Fixtures.builtin)
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
        var driver = Driver(store: Fixtures.builtin)
        driver.press(.character("/"))
        driver.type("x")
        driver.press(.up, .down)
        #expect(driver.state.query == "x")
        #expect(driver.state.historyIndex == nil)
    }

    @Test func keysEditTheQuery() {
        var driver = Driver(store: Fixtures.builtin)
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
        var driver = Driver(store: Fixtures.unicode)
        driver.press(.character("/"))
        driver.type("中文")
        driver.press(.character("e\u{301}"))
        #expect(driver.state.editor.characters.count == 3)
        driver.press(.backspace)
        #expect(driver.state.query == "中文")
        #expect(driver.state.rows.map { Fixtures.unicode.articles[$0].id }.first == "chinese.md")
    }

    @Test func directionalControlsAreNotTyped() {
        var driver = Driver(store: Fixtures.unicode)
        driver.press(.character("/"))
        for character: Character in ["a", "\u{202E}", "b", "\u{2066}", "\u{200F}", "c", "\u{FEFF}"] {
            driver.press(.character(character))
        }
        #expect(driver.state.query == "abc")
        #expect(GridChecks.problems(in: driver.render()) == [])
    }

    // MARK: The list

    @Test func movingTheSelectionIsClamped() {
        var driver = Driver(store: Fixtures.numbered(30))  // 80x24: stacked, 8 list rows
        #expect(driver.state.layout.mode == .stacked)
        #expect(driver.state.visibleListRows == 8)
        driver.press(.character("k"))
        #expect(driver.state.selected == 0)
        driver.press(.character("j"), .down)
        #expect(driver.state.selected == 2)
        driver.press(.up)
        #expect(driver.state.selected == 1)
        driver.press(.character("G"))
        #expect(driver.state.selected == 29)
        #expect(driver.state.listOffset == 22)
        driver.press(.character("j"))
        #expect(driver.state.selected == 29)
        driver.press(.character("g"))
        #expect(driver.state.selected == 0)
        #expect(driver.state.listOffset == 0)
        driver.press(.pageDown)
        #expect(driver.state.selected == 8)
        #expect(driver.state.listOffset == 1)
        driver.press(.character(" "), .control("d"), .control("f"))
        #expect(driver.state.selected == 29)
        driver.press(.pageUp)
        #expect(driver.state.selected == 21)
        #expect(driver.state.listOffset == 21)
        driver.press(.end, .home)
        #expect(driver.state.selected == 0)
    }

    @Test func theSelectedArticleIsPreviewedBesideTheList() {
        var driver = Driver(store: Fixtures.builtin)
        #expect(driver.state.reader?.article == driver.state.rows[0])
        driver.press(.character("j"), .character("j"))
        #expect(driver.state.reader?.article == driver.state.rows[2])
        #expect(driver.state.focus == .list)
    }

    @Test func previewStaysWithTheSelectionAcrossANarrowResize() {
        var driver = Driver(store: Fixtures.builtin)
        driver.resize(40, 12)
        driver.press(.character("j"), .character("j"))
        driver.resize(80, 24)
        #expect(driver.state.reader?.article == driver.state.rows[2])
    }

    // MARK: Opening and reading

    @Test func enterOpensTheReaderAloneOnANarrowScreen() {
        for close in [Key.character("q"), .escape, .character("h"), .left, .backspace] {
            var driver = Driver(store: Fixtures.builtin, width: 60, height: 20)
            #expect(driver.state.layout.mode == .single)
            #expect(driver.state.reader == nil)
            driver.press(.character("j"), .enter)
            #expect(driver.state.focus == .reader)
            #expect(driver.state.reader?.article == driver.state.rows[1])
            #expect(driver.state.layout.list == nil)
            #expect(driver.state.layout.reader == Rect(x: 0, y: 1, width: 60, height: 18))
            driver.press(close)
            #expect(driver.state.focus == .list, "closing with \(close)")
            #expect(driver.state.reader == nil)
            #expect(driver.state.layout.list == Rect(x: 0, y: 1, width: 60, height: 18))
            #expect(driver.state.selected == 1)
            #expect(!driver.state.shouldQuit)
        }
    }

    @Test func theReaderScrollsAndStaysInBounds() throws {
        var driver = Driver(store: Fixtures.builtin, width: 60, height: 20)
        driver.press(.enter)
        let reader = try #require(driver.state.reader)
        let height = 18
        let maxOffset = reader.document.lines.count - height
        #expect(maxOffset > 10)
        driver.press(.character("j"), .down, .enter)
        #expect(driver.state.reader?.offset == 3)
        driver.press(.character("k"))
        #expect(driver.state.reader?.offset == 2)
        driver.press(.character(" "))
        #expect(driver.state.reader?.offset == 2 + height - 2)
        driver.press(.character("b"), .character("b"))
        #expect(driver.state.reader?.offset == 0)
        driver.press(.character("G"))
        #expect(driver.state.reader?.offset == maxOffset)
        driver.press(.character("j"), .pageDown)
        #expect(driver.state.reader?.offset == maxOffset)
        driver.press(.character("g"))
        #expect(driver.state.reader?.offset == 0)
    }

    @Test func openingFromASearchLandsOnTheFirstHitAndNWalksTheHits() throws {
        var driver = Driver(store: Fixtures.builtin)
        driver.search("ashes")
        driver.press(.enter)
        #expect(driver.state.focus == .reader)
        let reader = try #require(driver.state.reader)
        let hits = reader.document.hitLines
        #expect(hits.count >= 3)
        #expect(reader.currentHit == 0)
        let height = try #require(driver.state.layout.reader).height
        func hitIsVisible() -> Bool {
            guard let reader = driver.state.reader, let current = reader.currentHit else { return false }
            let line = reader.document.hitLines[current]
            return reader.offset <= line && line < reader.offset + height
        }
        #expect(hitIsVisible())
        // The first hit's line really holds "ashes" (or "ash").
        let firstLine = reader.document.lines[hits[0]]
        #expect(firstLine.hits.map { firstLine.text.utf8Slice($0).lowercased() }.contains { $0.hasPrefix("ash") })
        for step in 1..<hits.count {
            driver.press(.character("n"))
            #expect(driver.state.reader?.currentHit == step)
            #expect(driver.state.message == nil)
            #expect(hitIsVisible())
        }
        driver.press(.character("n"))
        #expect(driver.state.reader?.currentHit == 0)
        #expect(driver.state.message == "search wrapped to the first hit")
        #expect(hitIsVisible())
        driver.press(.character("N"))
        #expect(driver.state.reader?.currentHit == hits.count - 1)
        #expect(driver.state.message == "search wrapped to the last hit")
        #expect(hitIsVisible())
        driver.press(.character("N"))
        #expect(driver.state.reader?.currentHit == hits.count - 2)
        #expect(driver.state.message == nil)
    }

    @Test func nWithoutASearchSaysSo() {
        var driver = Driver(store: Fixtures.builtin)
        driver.press(.enter, .character("n"))
        #expect(driver.state.message == "no search: press / to search")
        #expect(driver.state.reader?.currentHit == nil)
    }

    @Test func thePreviewShowsTheCurrentQuerysHits() throws {
        var driver = Driver(store: Fixtures.builtin)
        driver.search("ashes")
        let first = try #require(driver.state.reader)
        #expect(first.article == driver.state.rows[0])
        #expect(!first.document.hitLines.isEmpty)
        #expect(first.currentHit == 0)
        // The same article stays first for "ashes luna", but its hits are now those of both words.
        driver.search("ashes luna")
        let both = try #require(driver.state.reader)
        #expect(driver.state.rows.first == first.article)
        #expect(both.document.hitLines.count > first.document.hitLines.count)
        // Clearing the query clears the highlights.
        driver.press(.escape)
        #expect(driver.state.query == "")
        #expect(driver.state.reader?.document.hitLines == [])
        #expect(driver.state.reader?.document.lines.allSatisfy { $0.hits.isEmpty } == true)
    }

    // MARK: Resizing

    /// The first visible line's source range, and whether it holds body offset `anchor`.
    static func firstVisibleLineHolds(_ anchor: Int, _ state: AppState) -> Bool {
        guard let reader = state.reader, let range = reader.document.lines[reader.offset].sourceRange else { return false }
        return range.lowerBound <= anchor && anchor < max(range.upperBound, range.lowerBound + 1)
    }

    @Test func resizingKeepsTheSameTextAtTheTop() throws {
        var driver = Driver(store: Fixtures.builtin, width: 100, height: 30)
        driver.press(.character("j"), .enter)  // the second article, which has no hits to land on
        for _ in 0..<9 { driver.press(.character("j")) }
        let reader = try #require(driver.state.reader)
        #expect(reader.offset == 9)
        let top = reader.document.lines[9]
        #expect(top.kind == .body && !top.text.isEmpty)
        let anchor = try #require(top.sourceRange?.lowerBound)
        let body = Fixtures.builtin.articles[reader.article].body
        for (width, height) in [(50, 15), (100, 30), (50, 15), (37, 11), (100, 30), (200, 60), (100, 30)] {
            driver.resize(width, height)
            let reader = try #require(driver.state.reader)
            let maxOffset = max(0, reader.document.lines.count - readerHeight(driver.state))
            let anchorLine = reader.document.line(containing: anchor)
            #expect(anchorLine > 3)
            if anchorLine <= maxOffset {
                #expect(Self.firstVisibleLineHolds(anchor, driver.state), "\(width)x\(height): top line \(reader.offset)")
            } else {
                // The pane is tall enough to show the end: as close as it can.
                #expect(reader.offset == maxOffset, "\(width)x\(height)")
            }
        }
        // Back at the first size, the very same line is at the top: no drift.
        #expect(driver.state.reader?.offset == 9)
        #expect(driver.state.reader?.document.lines[9].text == top.text)
        #expect(body.utf8Slice(top.sourceRange!) == top.text)
    }

    @Test func resizingToTooSmallAndBackKeepsThePlace() throws {
        var driver = Driver(store: Fixtures.builtin, width: 100, height: 30)
        driver.press(.enter)
        driver.press(.character(" "))
        let before = try #require(driver.state.reader)
        let anchor = try #require(before.document.lines[before.offset].sourceRange?.lowerBound)
        driver.resize(1, 1)
        #expect(driver.state.layout.mode == .tooSmall)
        driver.resize(100, 30)
        #expect(driver.state.reader?.offset == before.offset)
        #expect(Self.firstVisibleLineHolds(anchor, driver.state))
    }

    // MARK: Sorting, zoom, help, quitting

    @Test func sCyclesRelevanceDateTitle() {
        var driver = Driver(store: Fixtures.builtin)
        driver.search("ashes")
        let store = Fixtures.builtin
        let byRelevance = driver.state.rows
        #expect(driver.state.sort == .relevance)
        driver.press(.character("s"))
        #expect(driver.state.sort == .date)
        #expect(driver.state.message == "sorted by date")
        #expect(Array(driver.state.rows) == store.search("ashes", mode: .incremental, sort: .date).matches.map(\.article))
        #expect(driver.state.rows.compactMap { store.articles[$0].date?.description }.first == "2021-10-25")
        driver.press(.character("s"))
        #expect(driver.state.sort == .title)
        #expect(driver.state.message == "sorted by title")
        let titles = driver.state.rows.map { store.articles[$0].title.lowercased() }
        #expect(titles == titles.sorted())
        driver.press(.character("s"))
        #expect(driver.state.sort == .relevance)
        #expect(driver.state.rows == byRelevance)
        #expect(Set(byRelevance).count == 3)
    }

    @Test func sortingWhileReadingKeepsTheArticleOpen() throws {
        var driver = Driver(store: Fixtures.builtin, width: 60, height: 20)
        driver.search("ashes")
        driver.press(.enter)
        let article = try #require(driver.state.reader?.article)
        driver.press(.character("j"), .character("j"))
        let offset = try #require(driver.state.reader?.offset)
        driver.press(.character("s"))
        #expect(driver.state.sort == .date)
        // By date, another article comes first: reading must not jump to it.
        #expect(driver.state.rows.first != article)
        #expect(driver.state.reader?.offset == offset)
        #expect(driver.state.focus == .reader)
        #expect(driver.state.reader?.article == article)
        #expect(driver.state.selectedArticle == article)
    }

    @Test func zToggleZoom() {
        var driver = Driver(store: Fixtures.builtin, width: 130, height: 30)
        #expect(driver.state.layout.mode == .sideBySide)
        driver.press(.character("z"))
        #expect(driver.state.isZoomed)
        #expect(driver.state.focus == .reader)
        #expect(driver.state.layout.list == nil)
        #expect(driver.state.layout.reader == Rect(x: 0, y: 1, width: 130, height: 28))
        #expect(driver.state.reader?.document.width == ReaderDocument.measure)
        driver.press(.character("z"))
        #expect(!driver.state.isZoomed)
        #expect(driver.state.layout.mode == .sideBySide)
        #expect(driver.state.focus == .reader)
        driver.press(.character("z"), .character("q"))
        #expect(!driver.state.isZoomed)
        #expect(driver.state.focus == .list)
        #expect(driver.state.layout.mode == .sideBySide)
    }

    @Test func unzoomingRewrapsForTheSmallerPane() throws {
        var driver = Driver(store: Fixtures.builtin, width: 130, height: 30)
        let paneWidth = try #require(driver.state.layout.reader).width
        #expect(driver.state.reader?.document.width == paneWidth - 2)
        driver.press(.character("z"))
        #expect(driver.state.reader?.document.width == ReaderDocument.measure)
        driver.press(.character("q"))
        #expect(driver.state.reader?.document.width == paneWidth - 2)
        driver.press(.character("z"), .tab)
        #expect(driver.state.reader?.document.width == paneWidth - 2)
    }

    @Test func leavingAZoomedReaderShowsTheList() {
        var driver = Driver(store: Fixtures.builtin)
        driver.press(.character("z"), .tab)
        #expect(driver.state.focus == .list)
        #expect(driver.state.layout.list != nil)
        driver.press(.character("z"), .character("/"))
        #expect(driver.state.focus == .search)
        #expect(driver.state.layout.list != nil)
    }

    @Test func zoomingAfterANarrowResizeZoomsTheSelectedArticle() {
        var driver = Driver(store: Fixtures.builtin)
        driver.resize(60, 20)
        driver.press(.character("j"), .character("j"), .character("z"))
        #expect(driver.state.isZoomed)
        #expect(driver.state.reader?.article == driver.state.rows[2])
    }

    @Test func questionMarkOpensHelpAndClosesIt() {
        for close in [Key.character("?"), .character("q"), .escape, .function(1)] {
            var driver = Driver(store: Fixtures.builtin)
            driver.press(.character("?"))
            #expect(driver.state.isShowingHelp)
            #expect(driver.state.helpOffset == 0)
            driver.press(.character("j"), .down)
            #expect(driver.state.helpOffset == 2)
            driver.press(.character("k"))
            #expect(driver.state.helpOffset == 1)
            driver.press(.character("s"), .character("/"), .enter)  // not commands here
            #expect(driver.state.sort == .relevance)
            #expect(driver.state.focus == .list)
            driver.press(close)
            #expect(!driver.state.isShowingHelp, "closing with \(close)")
            #expect(!driver.state.shouldQuit)
        }
    }

    @Test func helpScrollingStopsAtItsLastLine() {
        var driver = Driver(store: Fixtures.builtin, width: 80, height: 24)
        driver.press(.character("?"))
        for _ in 0..<10 { driver.press(.pageDown) }
        let lines = KeyMap.standard.helpLines().count
        let bodyHeight = 24 - 2
        #expect(driver.state.helpOffset == lines - bodyHeight)
        driver.press(.pageUp, .pageUp, .pageUp, .pageUp)
        #expect(driver.state.helpOffset == 0)
    }

    @Test func growingTheScreenKeepsTheHelpFull() {
        var driver = Driver(store: Fixtures.builtin, width: 80, height: 12)
        driver.press(.character("?"))
        for _ in 0..<10 { driver.press(.pageDown) }
        let lines = KeyMap.standard.helpLines().count
        #expect(driver.state.helpOffset == lines - 10)
        driver.resize(80, 40)
        #expect(driver.state.helpOffset == lines - 38)
    }

    @Test func qInTheListQuits() {
        var driver = Driver(store: Fixtures.builtin)
        driver.press(.character("q"))
        #expect(driver.state.shouldQuit)
    }

    @Test func ctrlCQuitsAnywhere() {
        let setups: [(String, [Key])] = [
            ("list", []), ("reader", [.enter]), ("search", [.character("/"), .character("a")]), ("help", [.character("?")]),
            ("help over reader", [.enter, .character("?")]),
        ]
        for (name, keys) in setups {
            var driver = Driver(store: Fixtures.builtin)
            for key in keys { driver.press(key) }
            #expect(!driver.state.shouldQuit)
            driver.press(.control("c"))
            #expect(driver.state.shouldQuit, "Ctrl-C in \(name)")
        }
    }

    @Test func ctrlZAsksToSuspend() {
        var driver = Driver(store: Fixtures.builtin)
        driver.press(.control("z"))
        #expect(driver.effects == [.suspend])
    }

    @Test func tabMovesFocusBetweenListAndReader() {
        var driver = Driver(store: Fixtures.builtin)
        driver.press(.tab)
        #expect(driver.state.focus == .reader)
        driver.press(.tab)
        #expect(driver.state.focus == .list)
    }

    // MARK: Nothing to show

    @Test func anEmptyCorpusCopes() {
        var driver = Driver(store: Fixtures.empty)
        #expect(driver.state.rows.isEmpty)
        #expect(driver.state.reader == nil)
        driver.press(.character("j"), .character("G"), .pageDown, .character("k"), .character("g"))
        #expect(driver.state.selected == 0)
        driver.press(.enter)
        #expect(driver.state.focus == .list)
        #expect(driver.state.message == "no articles")
        driver.press(.character("z"))
        #expect(!driver.state.isZoomed)
        #expect(driver.state.focus == .list)
        driver.press(.tab)
        #expect(driver.state.focus == .list)
        driver.press(.character("s"), .character("s"), .character("s"))
        #expect(driver.state.sort == .relevance)
        driver.search("anything")
        #expect(driver.state.rows.isEmpty)
        #expect(driver.state.results != nil)
        driver.press(.enter)
        #expect(driver.state.message == "no results")
    }

    @Test func noResultsLeavesNothingSelected() {
        var driver = Driver(store: Fixtures.builtin)
        driver.search("zzzzqqq")
        #expect(driver.state.rows.isEmpty)
        #expect(driver.state.selectedArticle == nil)
        #expect(driver.state.reader == nil)
        driver.press(.character("j"), .enter)
        #expect(driver.state.message == "no results")
        #expect(driver.state.focus == .list)
    }
}

@Suite struct SortKeepsSelectionTests {
    @Test func cyclingTheSortStaysOnTheSelectedArticle() throws {
        var driver = Driver(store: Fixtures.builtin, width: 80, height: 24)
        driver.press(.character("j"), .character("j"))
        let before = try #require(driver.state.selectedArticle)
        driver.press(.character("s"))
        #expect(driver.state.sort == .date)
        #expect(driver.state.selectedArticle == before)
        driver.press(.character("s"))
        #expect(driver.state.sort == .title)
        #expect(driver.state.selectedArticle == before)
    }
}
