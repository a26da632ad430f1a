import FolioCore
import Foundation
import Testing

@testable import FolioUI
@testable import FolioXapian

/// The reader's keys over a Xapian stub whose article numbers leave gaps (three shards of unequal
/// size, some documents deleted), through `reduce` as the run loop drives it: `F` offers the
/// sources of the articles there are, `L` lists related articles, `H` says there is no file,
/// `]` and `A` work on the list, and the unread count is of the articles, not of the numbers.
@Suite(.enabled(if: XapianFailure.isAvailable, "folio built without the Xapian trait"))
struct XapianReaderTests {
    /// Runs the searches and "more like this" the reducer asks for at once, on this thread.
    struct Driver {
        var state: AppState

        mutating func send(_ action: Action) {
            for effect in reduce(&state, action) {
                switch effect {
                case .search(let text, let sort, let generation):
                    let results = state.engine.search(text, mode: .incremental, sort: sort)
                    send(.searchFinished(generation: generation, results: results))
                case .related(let article, let generation):
                    let results = state.engine.related(to: article, limit: RelatedList.limit)
                    send(.relatedFinished(generation: generation, results: results))
                default: break
                }
            }
        }
    }

    @Test func readerKeysWorkOverXapian() throws {
        let fixture = try XapianFixture(count: 30, shards: 3)
        defer { fixture.remove() }
        let remaining = Array(fixture.articles.dropFirst(6))
        _ = try XapianIndexer(folder: fixture.folder).index(remaining, shards: nil)
        let xapian = try XapianEngine(path: fixture.folder)
        #expect(xapian.articleCount > remaining.count, "the number space has gaps")
        var driver = Driver(state: AppState(engine: xapian, width: 100, height: 30))
        driver.send(.resize(width: 100, height: 30))
        #expect(driver.state.rows.count == remaining.count)
        #expect(StatusLineView.filters(driver.state).last == "\(remaining.count) unread")

        driver.send(.command(.filterBySource))
        let sources = try #require(driver.state.prompt?.sources)
        #expect(Set(sources.map(\.name)) == Set(remaining.map(\.source)))
        #expect(sources.map(\.count).reduce(0, +) == remaining.count)
        driver.send(.command(.cancelPrompt))

        driver.send(.command(.showRelated))
        let related = try #require(driver.state.related)
        #expect(driver.state.rows.count > 0)
        #expect(!driver.state.rows.contains(related.article))
        driver.send(.command(.showRelated))
        #expect(driver.state.related == nil)
        #expect(driver.state.rows.count == remaining.count)

        driver.send(.command(.openSelected))
        let article = try #require(driver.state.reader?.article)
        driver.send(.fullHeadersRead(article: article, lines: nil))
        #expect(driver.state.message == "articles in Xapian have no file to read headers from")
        driver.send(.command(.closeReader))

        #expect(StatusLineView.filters(driver.state).last == "\(remaining.count - 1) unread", "opening marked one read")
        driver.send(.command(.markAllRead))
        driver.send(.insert("y"))
        #expect(driver.state.message == "marked \(remaining.count - 1) read")
        #expect(StatusLineView.filters(driver.state).last == "0 unread")
        driver.send(.command(.nextUnread))
        #expect(driver.state.message == "no unread articles here")
    }
}
