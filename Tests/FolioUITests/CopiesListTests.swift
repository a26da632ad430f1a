import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// Identical copies: the list shows each group once, marked ×N; `D` lists the group's ids in the
/// list pane and Esc or `D` puts back what it replaced; the reader's header names the other ids.
@Suite("Identical copies list")
struct CopiesListTests {
    static let store = CorpusReplacementTests.store([
        (id: "a/harbour.md", title: "Harbour reopens", body: "The harbour reopened after the storm."),
        (id: "b/harbour.md", title: "Harbour reopens", body: "The harbour reopened after the storm."),
        (id: "c/harbour.md", title: "Harbour reopens", body: "The harbour reopened after the storm."),
        (id: "d/harbour.md", title: "Harbour reopens", body: "The harbour reopened before the storm."),
        (id: "e/bridge.md", title: "Bridge opens", body: "The bridge opened to traffic.")
    ])

    private func ids(_ state: AppState) -> [String] { state.rows.allMatches().map { Self.store.id(at: $0.article) } }

    private func select(_ id: String, _ driver: inout Driver) {
        driver.state.selected = driver.state.rows.firstIndex(of: Self.store.number(ofID: id)!)!
    }

    @Test func eachGroupIsListedOnceWithItsMark() {
        var driver = Driver(engine: Self.store, width: 100, height: 30)
        #expect(Set(ids(driver.state)) == ["a/harbour.md", "d/harbour.md", "e/bridge.md"])
        let screen = driver.render()
        let row = (0..<30).map { screen.text(ofRow: $0) }.first { $0.contains("Harbour reopens ×3") }
        #expect(row != nil)
        driver.search("storm")
        #expect(Set(ids(driver.state)) == ["a/harbour.md", "d/harbour.md"])
    }

    @Test func theKeyListsTheCopiesAndEscapePutsTheSearchBack() {
        var driver = Driver(engine: Self.store, width: 100, height: 30)
        driver.search("harbour")
        select("a/harbour.md", &driver)
        let before = (ids: ids(driver.state), selected: driver.state.selected, query: driver.state.query)
        driver.press(.character("D"))
        #expect(driver.state.related?.kind == .copies)
        #expect(ids(driver.state) == ["a/harbour.md", "b/harbour.md", "c/harbour.md"])
        #expect(driver.state.query.isEmpty)
        #expect(driver.render().text(ofRow: 29).contains("copies of: Harbour reopens"))
        driver.press(.escape)
        #expect(driver.state.related == nil)
        #expect(ids(driver.state) == before.ids)
        #expect(driver.state.selected == before.selected)
        #expect(driver.state.query == before.query)
    }

    @Test func aCopyOpensFromTheListAndTheSameKeyGoesBack() {
        var driver = Driver(engine: Self.store, width: 100, height: 30)
        select("a/harbour.md", &driver)
        driver.press(.enter)
        driver.press(.character("D"))
        #expect(driver.state.focus == .list)
        driver.press(.character("j"))
        driver.press(.enter)
        #expect(driver.state.reader.map { Self.store.id(at: $0.article) } == "b/harbour.md")
        let header = driver.state.reader?.document.lines.map(\.text) ?? []
        #expect(header.contains("also at: a/harbour.md, c/harbour.md"), "\(header)")
        driver.press(.tab)
        driver.press(.character("D"))
        #expect(driver.state.related == nil)
    }

    @Test func anArticleWithoutCopiesSaysSo() {
        var driver = Driver(engine: Self.store, width: 100, height: 30)
        select("e/bridge.md", &driver)
        let before = ids(driver.state)
        driver.press(.character("D"))
        #expect(driver.state.related == nil)
        #expect(ids(driver.state) == before)
        #expect(driver.state.message == "no identical copies")
    }

    @Test func theUnreadCountCountsEachGroupOnce() {
        let driver = Driver(engine: Self.store, width: 100, height: 30)
        #expect(driver.render().text(ofRow: 29).contains("3 unread"))
    }

    @Test func theMarkAndTheCopiesListSnapshots() {
        var driver = Driver(engine: Self.store, width: 100, height: 30)
        select("a/harbour.md", &driver)
        driver.press(.enter)
        let reading = driver.render()
        #expect(GridChecks.problems(in: reading) == [])
        Snapshot.expect(reading, named: "copies-mark-100x30")
        driver.press(.character("D"))
        let copies = driver.render()
        #expect(GridChecks.problems(in: copies) == [])
        Snapshot.expect(copies, named: "copies-list-100x30")
    }
}
