import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// The reader moving onto a re-read corpus (the folder changed since the snapshot it painted from):
/// articles are followed by id, since the files added or removed shift every position after them.
@Suite("Replacing the corpus")
struct CorpusReplacementTests {
    static func store(_ files: [(id: String, title: String, body: String)]) -> EmbeddedEngine {
        EmbeddedEngine.load(
            documents: files.map {
                CorpusLoader.Document(id: $0.id, folderName: "news", bytes: Array("# \($0.title)\n\n\($0.body)\n".utf8))
            },
            name: "news")
    }

    static let before = store([
        (id: "b.md", title: "Bridge opens", body: "The bridge opened to traffic."),
        (id: "d.md", title: "Dock strike", body: "Dock workers stopped work."),
        (id: "f.md", title: "Ferry late", body: "The ferry ran late again.")
    ])
    /// "a.md" added before everything, "f.md" removed, "d.md" rewritten.
    static let after = store([
        (id: "a.md", title: "Airport expands", body: "The airport adds a runway."),
        (id: "b.md", title: "Bridge opens", body: "The bridge opened to traffic."),
        (id: "d.md", title: "Dock strike ends", body: "Dock workers went back to work after the talks.")
    ])

    private func select(_ id: String, in driver: inout Driver) {
        let position = driver.state.engine.number(ofID: id)!
        driver.state.selected = driver.state.rows.firstIndex(of: position)!
    }

    @Test func theOpenArticleAndTheSelectionFollowTheirIDs() {
        var driver = Driver(engine: Self.before, width: 100, height: 30)
        select("d.md", in: &driver)
        driver.press(.enter)
        #expect(driver.state.reader?.article == 1)
        driver.send(.reloadProgress(.indexing(0.5)))
        #expect(driver.render().text(ofRow: 29).contains("folder changed: indexing 50%"))
        let saved = SavedState(marks: [2: ArticleMarks(isRead: true)])
        driver.send(.corpusReplaced(Self.after, saved))
        #expect(driver.state.engine === Self.after)
        #expect(driver.state.reload == nil)
        #expect(driver.state.reader?.article == 2, "d.md is third now")
        #expect(driver.state.selectedArticle == 2)
        #expect(driver.state.marks == saved.marks)
        #expect(driver.state.rows.sorted() == [0, 1, 2], "the list is the new corpus")
        let screen = driver.render()
        #expect(screen.contains("Dock workers went back to work"), "the reader shows the new text")
        #expect(screen.text(ofRow: 29).contains("folder changed: reloaded, 3 articles"))
        // Leaving the article remembers its place under its new position (d.md), not its old one.
        driver.press(.character("q"))
        let positions = driver.effects.compactMap { effect -> Int? in
            if case .save(.position(let article, _)) = effect { return article }
            return nil
        }
        #expect(positions.allSatisfy { $0 == 2 })
    }

    @Test func anArticleThatIsGoneClosesTheReader() {
        var driver = Driver(engine: Self.before, width: 100, height: 30)
        select("f.md", in: &driver)
        driver.press(.enter)
        #expect(driver.state.focus == .reader)
        driver.send(.corpusReplaced(Self.after, SavedState()))
        #expect(driver.state.focus == .list)
        #expect(driver.state.reader?.article != Self.before.number(ofID: "f.md") || driver.state.reader == nil)
        #expect(driver.state.message?.contains("3 articles") == true)
        #expect(!driver.render().contains("Ferry late"))
    }

    @Test func untilTheNewResultsArriveTheListHoldsOnlyArticlesThatStillExist() {
        var driver = Driver(engine: Self.before, width: 100, height: 30)
        driver.search("the")
        #expect(driver.state.rows.count == 2)  // b.md, f.md
        driver.runsSearches = false
        let searches = driver.searches.count
        driver.send(.corpusReplaced(Self.after, SavedState()))
        #expect(driver.searches.count == searches + 1, "the query runs again on the new corpus")
        #expect(Array(driver.state.rows) == [1], "b.md at its new position; f.md is gone")
        #expect(!driver.render().contains("Ferry late"))
        driver.runsSearches = true
        let pending = driver.searches.last!
        driver.send(
            .searchFinished(
                generation: driver.state.searchGeneration, results: Driver.results(of: pending.text, in: Self.after)))
        #expect(Set(driver.state.rows) == [0, 1, 2])
    }

    @Test func aFailedCheckLeavesTheListAndSaysWhy() {
        var driver = Driver(engine: Self.before, width: 100, height: 30)
        driver.send(.reloadProgress(.reading(done: 5, total: 10)))
        #expect(driver.render().text(ofRow: 29).contains("folder changed: reading 50%"))
        driver.send(.reloadFailed(message: "cannot check the folder for changes: gone"))
        #expect(driver.state.reload == nil)
        #expect(driver.state.engine === Self.before)
        #expect(driver.render().text(ofRow: 29).contains("cannot check the folder"))
    }
}

extension ScreenGrid {
    fileprivate func contains(_ text: String) -> Bool {
        (0..<height).contains { self.text(ofRow: $0).contains(text) }
    }
}
