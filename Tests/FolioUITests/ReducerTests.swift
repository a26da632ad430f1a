import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// `reduce`: (state, action) → state, driven through the key table as the run loop drives it.
@Suite("Reducer")
struct ReducerTests {
    // MARK: The list

    @Test func movingTheSelectionIsClamped() {
        var driver = Driver(engine: Fixtures.numbered(30))  // 80x24: stacked, 8 list rows
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
        var driver = Driver(engine: Fixtures.builtin)
        #expect(driver.state.reader?.article == driver.state.rows[0])
        driver.press(.character("j"), .character("j"))
        #expect(driver.state.reader?.article == driver.state.rows[2])
        #expect(driver.state.focus == .list)
    }

    @Test func previewStaysWithTheSelectionAcrossANarrowResize() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.resize(40, 12)
        driver.press(.character("j"), .character("j"))
        driver.resize(80, 24)
        #expect(driver.state.reader?.article == driver.state.rows[2])
    }

    // MARK: Sorting, zoom, help, quitting

    @Test func sCyclesRelevanceDateTitleSource() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.search("ashes")
        let store = Fixtures.builtin
        let byRelevance = driver.state.rows
        #expect(driver.state.sort == .relevance)
        driver.press(.character("s"))
        #expect(driver.state.sort == .date)
        #expect(driver.state.message == "sorted by date")
        #expect(Array(driver.state.rows) == store.search("ashes", mode: .incremental, sort: .date).matches.map(\.article))
        #expect(driver.state.rows.compactMap { store.article(at: $0).date?.description }.first == "2021-10-25")
        driver.press(.character("s"))
        #expect(driver.state.sort == .title)
        #expect(driver.state.message == "sorted by title")
        let titles = driver.state.rows.map { TitleSortKey.key(store.article(at: $0).title) }
        #expect(titles == titles.sorted { $0.lexicographicallyPrecedes($1) })
        driver.press(.character("s"))
        #expect(driver.state.sort == .source)
        #expect(driver.state.message == "sorted by source")
        driver.press(.character("s"))
        #expect(driver.state.sort == .relevance)
        #expect(driver.state.rows == byRelevance)
        #expect(Set(byRelevance).count == 3)
    }

    @Test func sortingWhileReadingKeepsTheArticleOpen() throws {
        var driver = Driver(engine: Fixtures.builtin, width: 60, height: 20)
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
        var driver = Driver(engine: Fixtures.builtin, width: 130, height: 30)
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
        var driver = Driver(engine: Fixtures.builtin, width: 130, height: 30)
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
        var driver = Driver(engine: Fixtures.builtin)
        driver.press(.character("z"), .tab)
        #expect(driver.state.focus == .list)
        #expect(driver.state.layout.list != nil)
        driver.press(.character("z"), .character("S"))
        #expect(driver.state.focus == .search)
        #expect(driver.state.layout.list != nil)
    }

    @Test func zoomingAfterANarrowResizeZoomsTheSelectedArticle() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.resize(60, 20)
        driver.press(.character("j"), .character("j"), .character("z"))
        #expect(driver.state.isZoomed)
        #expect(driver.state.reader?.article == driver.state.rows[2])
    }

    @Test func questionMarkOpensHelpAndClosesIt() {
        for close in [Key.character("?"), .character("q"), .escape, .function(1)] {
            var driver = Driver(engine: Fixtures.builtin)
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
        var driver = Driver(engine: Fixtures.builtin, width: 80, height: 24)
        driver.press(.character("?"))
        for _ in 0..<10 { driver.press(.pageDown) }
        let lines = KeyMap.standard.helpLines().count
        let bodyHeight = 24 - 2
        #expect(driver.state.helpOffset == lines - bodyHeight)
        driver.press(.pageUp, .pageUp, .pageUp, .pageUp)
        #expect(driver.state.helpOffset == 0)
    }

    @Test func growingTheScreenKeepsTheHelpFull() {
        var driver = Driver(engine: Fixtures.builtin, width: 80, height: 12)
        driver.press(.character("?"))
        for _ in 0..<10 { driver.press(.pageDown) }
        let lines = KeyMap.standard.helpLines().count
        #expect(driver.state.helpOffset == lines - 10)
        driver.resize(80, 40)
        #expect(driver.state.helpOffset == lines - 38)
    }

    @Test func qInTheListQuits() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.press(.character("q"))
        #expect(driver.state.shouldQuit)
    }

    @Test func ctrlCQuitsAnywhere() {
        let setups: [(String, [Key])] = [
            ("list", []), ("reader", [.enter]), ("search", [.character("/"), .character("a")]), ("help", [.character("?")]),
            ("help over reader", [.enter, .character("?")])
        ]
        for (name, keys) in setups {
            var driver = Driver(engine: Fixtures.builtin)
            for key in keys { driver.press(key) }
            #expect(!driver.state.shouldQuit)
            driver.press(.control("c"))
            #expect(driver.state.shouldQuit, "Ctrl-C in \(name)")
        }
    }

    @Test func ctrlZAsksToSuspend() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.press(.control("z"))
        #expect(driver.effects == [.suspend])
    }

    @Test func tabMovesFocusBetweenListAndReader() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.press(.tab)
        #expect(driver.state.focus == .reader)
        driver.press(.tab)
        #expect(driver.state.focus == .list)
    }

    // MARK: Nothing to show

    @Test func anEmptyCorpusCopes() {
        var driver = Driver(engine: Fixtures.empty)
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
        driver.press(.character("s"), .character("s"), .character("s"), .character("s"))
        #expect(driver.state.sort == .relevance)
        driver.search("anything")
        #expect(driver.state.rows.isEmpty)
        #expect(driver.state.results != nil)
        driver.press(.enter)
        #expect(driver.state.message == "no results")
    }

    @Test func noResultsLeavesNothingSelected() {
        var driver = Driver(engine: Fixtures.builtin)
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
        var driver = Driver(engine: Fixtures.builtin, width: 80, height: 24)
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
