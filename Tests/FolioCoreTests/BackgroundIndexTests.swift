import Foundation
import Testing

@testable import FolioCore

/// A store opened to be indexed in the background answers searches before its index exists (by a
/// scan) with the results the index gives afterwards.
@Suite struct BackgroundIndexTests {
    static let queries = [
        "market", "ashes", "prime minister", "\"prime minister\"", "\"prime m", "fo", "e", "champion -football",
        "oil OR film", "title:election", "date:2024-03", "東京", "chancellor budget", "date:>2024-03-10 growth",
        "minist", "\"quoted w", "-market", ""
    ]

    @Test func searchesDuringIndexingMatchSearchesAfterIt() throws {
        let corpus = try TemporaryDirectory()
        try SnapshotTests.writeCorpus(in: corpus, articles: 300, seed: 3)
        let store = try CorpusOpener(cache: nil).open(path: corpus.path, indexing: .inBackground)
        #expect(store.readyIndex == nil)
        #expect(store.indexingProgress == 0)
        var before: [String: SearchResults] = [:]
        for query in Self.queries {
            for mode in [QueryParser.Mode.complete, .incremental] {
                let results = try #require(
                    store.search(QueryParser.parse(query, mode: mode), sort: .relevance, isCancelled: { false }))
                #expect(results.byScan)
                before["\(mode) \(query)"] = results
            }
        }
        #expect(store.readyIndex == nil, "searching must not build the index")
        store.buildIndexAndSaveSnapshot()
        #expect(store.readyIndex != nil)
        #expect(store.indexingProgress == 1)
        var compared = 0
        for query in Self.queries {
            for mode in [QueryParser.Mode.complete, .incremental] {
                let scanned = try #require(before["\(mode) \(query)"])
                let indexed = store.search(query, mode: mode)
                #expect(!indexed.byScan)
                // The index may add typo-tier matches after the exact ones; the exact ones are the same.
                let exact = indexed.matches.filter { !$0.isFuzzy }
                #expect(scanned.matches.map(\.article) == exact.map(\.article), "\(mode) «\(query)»")
                #expect(zip(scanned.matches, exact).allSatisfy { abs($0.score - $1.score) <= 1e-4 * max(1, abs($1.score)) })
                for match in exact.prefix(3) {
                    #expect(
                        store.hits(of: match.article, in: scanned) == store.hits(of: match.article, in: indexed)
                            || indexed.matches.contains { $0.isFuzzy }, "highlights of «\(query)»")
                }
                compared += 1
            }
        }
        #expect(compared == Self.queries.count * 2)
        #expect(!(before["complete market"]?.isEmpty ?? true))
    }

    @Test func aScanStopsWhenCancelled() throws {
        let corpus = try TemporaryDirectory()
        try SnapshotTests.writeCorpus(in: corpus, articles: 600, seed: 4)
        let store = try CorpusOpener(cache: nil).open(path: corpus.path, indexing: .inBackground)
        var asked = 0
        let results = store.search(
            QueryParser.parse("market"), sort: .relevance,
            isCancelled: {
                asked += 1
                return asked > 1
            })
        #expect(results == nil)
        #expect(asked >= 2)
    }

    @Test func indexIsBuiltOnceWhicheverThreadsAskForIt() async throws {
        let corpus = try TemporaryDirectory()
        try SnapshotTests.writeCorpus(in: corpus, articles: 200, seed: 5)
        let store = try CorpusOpener(cache: nil).open(path: corpus.path, indexing: .inBackground)
        let built = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { store.buildIndex() } }
            var count = 0
            for await didBuild in group where didBuild { count += 1 }
            return count
        }
        #expect(built == 1)
        // `index` waits for (or builds) the index and always returns the same one.
        #expect(store.index.termCount == store.readyIndex?.termCount)
        #expect(store.search("market").matches.count == store.search("market").matches.count)
    }
}
