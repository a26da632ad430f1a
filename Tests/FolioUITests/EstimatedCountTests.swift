import FolioCore
import Testing

@testable import FolioUI

/// Results whose count the engine estimated (Xapian's first rows while a query is typed,
/// architecture.md §9): the search bar and the status line say "about", and the exact count,
/// arriving later under the same generation, fills the list in without moving the selection.
@Suite("An estimated count")
struct EstimatedCountTests {
    /// Rows whose count is the ones known to exist, with how many there likely are.
    final class EstimatedRows: ArticleRows {
        let articles: [Int]
        let estimatedCount: Int?
        init(_ articles: [Int], estimate: Int) {
            self.articles = articles
            estimatedCount = estimate
        }
        var count: Int { articles.count }
        var exactCount: Int { articles.count }
        var orderedCount: Int { articles.count }
        func match(at row: Int) -> SearchMatch { SearchMatch(article: articles[row], score: 1, isFuzzy: false) }
        func matches(in rows: Range<Int>) -> [SearchMatch] { rows.map(match(at:)) }
        func position(of article: Int) -> Int? { articles.firstIndex(of: article) }
        func filtered(_ isIncluded: (Int) -> Bool) -> any ArticleRows {
            EstimatedRows(articles.filter(isIncluded), estimate: estimatedCount ?? 0)
        }
    }

    @Test func theCountSaysAboutUntilItIsExactAndTheSelectionStays() throws {
        var driver = Driver(engine: Fixtures.builtin)
        driver.runsSearches = false
        driver.press(.character("/"))
        driver.type("the")
        var first = Driver.results(of: "the", in: Fixtures.builtin)
        first.list = ArticleList(rows: EstimatedRows([4, 3, 2], estimate: 173_412))
        driver.send(.searchFinished(generation: driver.state.searchGeneration, results: first))
        let screen = driver.screenText()
        #expect(screen.contains("about 170000 results"), "\(screen)")
        #expect(driver.render().text(ofRow: 23).contains("1/~170000"))
        driver.press(.enter, .character("j"))
        #expect(driver.state.selectedArticle == 3)

        var counted = first
        counted.list = ArticleList(ordered: [4, 3, 2, 1, 0])
        driver.send(.searchFinished(generation: driver.state.searchGeneration, results: counted))
        #expect(driver.state.rows.count == 5)
        #expect(driver.state.rows.estimatedCount == nil)
        #expect(driver.state.selectedArticle == 3, "the count moved the selection")
        #expect(driver.state.focus == .list)
        #expect(driver.screenText().contains("5 results"))
        #expect(driver.render().text(ofRow: 23).contains("2/5"))
    }

    @Test func estimatesAreRoundedToTwoDigits() {
        #expect(SearchBarView.approximately(173_412) == "170000")
        #expect(SearchBarView.approximately(1_050) == "1100")
        #expect(SearchBarView.approximately(999_999) == "1000000")
        #expect(SearchBarView.approximately(64) == "64")
        #expect(SearchBarView.approximately(0) == "0")
    }
}
