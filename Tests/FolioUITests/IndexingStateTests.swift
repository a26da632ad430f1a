import FolioCore
import Foundation
import TerminalCore
import Testing

@testable import FolioUI

/// The reader while the index builds in the background: the list is there at once, the status line
/// says how far the build is, and when the index arrives the query is run on it in place.
@Suite("Indexing in the background")
struct IndexingStateTests {
    @Test func theStatusLineShowsTheBuildsProgressUntilTheIndexIsReady() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.state.indexingProgress = 0
        driver.send(.indexProgress(0.43))
        #expect(driver.state.indexingProgress == 0.43)
        let status = driver.render().text(ofRow: 23)
        #expect(status.contains("indexing 43%"))
        // The list is drawn meanwhile: every article.
        #expect(driver.state.rows.count == Fixtures.builtin.articleCount)
        driver.send(.indexProgress(7))  // out of range: clamped, never "indexing 700%"
        #expect(driver.render().text(ofRow: 23).contains("indexing 100%"))
        driver.send(.indexReady)
        #expect(driver.state.indexingProgress == nil)
        #expect(!driver.render().text(ofRow: 23).contains("indexing"))
    }

    /// Painted from a snapshot whose text and index are still being checked: the status line says
    /// "checking", not "indexing" (nothing is being built), until the check ends.
    @Test func aSnapshotCheckedBehindTheListSaysChecking() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "folio-ui-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appending(path: "corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for number in 0..<12 {
            try Data("# Harbour report \(number)\n\nBoats went out past the pier.\n".utf8)
                .write(to: corpus.appending(path: "\(number).txt"))
        }
        let opener = CorpusOpener(cache: SnapshotCache(folder: folder.appending(path: "cache").path))
        _ = try opener.open(path: corpus.path)
        let store = try #require(opener.openLastSnapshot(path: corpus.path))
        #expect(store.isCheckingSnapshot)
        var driver = Driver(engine: store)
        driver.state.indexingProgress = store.state.progress
        driver.send(.indexProgress(0.43))
        #expect(driver.render().text(ofRow: 23).contains("checking 43%"))
        #expect(store.waitForSnapshotCheck())
        #expect(!store.isCheckingSnapshot && store.state == .ready)
        driver.send(.indexReady)
        #expect(!driver.render().text(ofRow: 23).contains("checking"))
    }

    @Test func theIndexArrivingRerunsTheQueryAndKeepsTheSelectedArticle() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.state.indexingProgress = 0.5
        driver.search("the")
        #expect(driver.state.rows.count > 1)
        driver.press(.character("j"))
        let selected = driver.state.selectedArticle
        let searchesBefore = driver.searches.count
        driver.send(.indexReady)
        #expect(driver.searches.count == searchesBefore + 1)
        #expect(driver.searches.last?.text == "the")
        #expect(driver.state.selectedArticle == selected)
    }

    @Test func withoutAQueryTheIndexArrivingRunsNothing() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.state.indexingProgress = 0.9
        let searchesBefore = driver.searches.count
        driver.send(.indexReady)
        #expect(driver.searches.count == searchesBefore)
        #expect(driver.state.indexingProgress == nil)
    }
}
