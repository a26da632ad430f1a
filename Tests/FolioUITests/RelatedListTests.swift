import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// The related list ("more like this"): `L` lists the articles most like the selected or open one,
/// and Esc or `L` again puts back the list, query and selection it replaced.
@Suite("Related articles")
struct RelatedListTests {
    static let store = CorpusReplacementTests.store([
        (id: "v1.md", title: "Volcano erupts near the harbour", body: "Lava and ash poured from the volcano crater."),
        (id: "v2.md", title: "Crater glows again", body: "The volcano sent lava towards the harbour road."),
        (id: "f1.md", title: "Cup final tonight", body: "The striker scored twice; the cup final is at the stadium."),
        (id: "f2.md", title: "Striker injured", body: "The cup holders lost their striker before the final."),
        (id: "e1.md", title: "Election called", body: "Voters go to the polls in the town.")
    ])

    private func ids(_ state: AppState) -> [String] { state.rows.allMatches().map { Self.store.id(at: $0.article) } }

    private func select(_ id: String, _ driver: inout Driver) {
        driver.state.selected = driver.state.rows.firstIndex(of: Self.store.number(ofID: id)!)!
    }

    @Test func theKeyListsTheRelatedArticlesAndEscapePutsTheSearchBack() {
        var driver = Driver(engine: Self.store, width: 100, height: 30)
        driver.search("the")
        select("f1.md", &driver)
        let before = (ids: ids(driver.state), selected: driver.state.selected, query: driver.state.query)
        driver.press(.character("L"))
        #expect(driver.state.related?.title == "Cup final tonight")
        #expect(ids(driver.state).first == "f2.md", "\(ids(driver.state))")
        #expect(!ids(driver.state).contains("f1.md"))
        #expect(driver.state.query.isEmpty)
        #expect(driver.render().text(ofRow: 29).contains("related to: Cup final tonight"))
        driver.press(.escape)
        #expect(driver.state.related == nil)
        #expect(ids(driver.state) == before.ids)
        #expect(driver.state.selected == before.selected)
        #expect(driver.state.query == before.query)
    }

    @Test func theSameKeyGoesBackAndTheOpenArticleIsTheOneLookedFor() {
        var driver = Driver(engine: Self.store, width: 100, height: 30)
        select("v2.md", &driver)
        driver.press(.enter)
        #expect(driver.state.focus == .reader)
        driver.press(.character("L"))
        #expect(driver.state.focus == .list)
        #expect(ids(driver.state).first == "v1.md")
        driver.press(.character("L"))
        #expect(driver.state.related == nil)
        #expect(driver.state.focus == .reader)
        #expect(driver.state.reader.map { Self.store.id(at: $0.article) } == "v2.md")
    }

    @Test func typingAQueryLeavesTheRelatedListForGood() {
        var driver = Driver(engine: Self.store, width: 100, height: 30)
        select("v1.md", &driver)
        driver.press(.character("L"))
        driver.search("striker")
        #expect(driver.state.related == nil)
        #expect(Set(ids(driver.state)) == ["f1.md", "f2.md"])
    }

    @Test func noRelatedArticleSaysSoAndKeepsTheList() {
        var driver = Driver(engine: Self.store, width: 100, height: 30)
        let before = ids(driver.state)
        driver.send(.command(.showRelated))
        driver.send(.relatedFinished(generation: driver.state.searchGeneration, results: nil))
        #expect(driver.state.related == nil)
        #expect(ids(driver.state) == before)
        #expect(driver.state.message == "no related articles")
    }

    @Test func theRelatedListSnapshot() {
        var driver = Driver(engine: Self.store, width: 100, height: 30)
        select("v1.md", &driver)
        driver.press(.character("L"))
        let grid = driver.render()
        #expect(GridChecks.problems(in: grid) == [])
        Snapshot.expect(grid, named: "related-list-100x30")
    }
}
