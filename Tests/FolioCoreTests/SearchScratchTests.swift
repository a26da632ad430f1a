import Testing

@testable import FolioCore

/// Searches borrow their store's corpus-sized arrays (`SearchScratch`) instead of allocating them:
/// whatever ran before, a search must find what it finds on a store that never searched.
@Suite struct SearchScratchTests {
    static let queries = [
        "the market", "\"prime minister\"", "ma -minister", "ash OR run", "\"the market\" -police", "title:city",
        "gov", "-the", "\"prime min", "govermnent", "date:2020 elect", "t", "mm -\"the market\""
    ]

    @Test func searchesAfterOtherSearchesFindWhatAFreshStoreFinds() {
        let articles = GeneratedCorpus.articles(seed: 23, count: 800)
        let reused = EmbeddedEngine(articles: articles, name: "reused")
        // Every query after every other query: twice through the list, forwards then backwards.
        let sequence = Self.queries + Self.queries.reversed()
        var seen: [String: [SearchMatch]] = [:]
        for text in sequence {
            for mode in [QueryParser.Mode.complete, .incremental] {
                let found = reused.search(text, mode: mode).matches
                let key = "\(mode) \(text)"
                if let earlier = seen[key] {
                    #expect(found == earlier, "\(key)")
                } else {
                    let fresh = EmbeddedEngine(articles: articles, name: "fresh").search(text, mode: mode).matches
                    #expect(found == fresh, "\(key)")
                    seen[key] = found
                }
            }
        }
    }

    /// The reader's warm-up search (after the first paint) changes nothing a search then finds; an
    /// empty corpus has nothing to warm.
    @Test func warmingUpChangesNoResults() {
        let articles = GeneratedCorpus.articles(seed: 29, count: 300)
        let warmed = EmbeddedEngine(articles: articles, name: "warmed")
        warmed.warmUp()
        let fresh = EmbeddedEngine(articles: articles, name: "fresh")
        for text in Self.queries { #expect(warmed.search(text).matches == fresh.search(text).matches, "\(text)") }
        EmbeddedEngine(articles: [], name: "empty").warmUp()
    }

    @Test func clearingSetsEntriesBackToZero() {
        var values = [UInt32](repeating: 0, count: 64)
        for document in [3, 9, 60] { values[document] = 7 }
        SearchScratch.clear(&values, at: [3, 9, 60])
        #expect(values.allSatisfy { $0 == 0 })
        // Many documents: one sweep.
        var scores = [Float](repeating: 1.5, count: 16)
        SearchScratch.clear(&scores, at: (0..<16).map(Int32.init))
        #expect(scores.allSatisfy { $0 == 0 })
    }

    @Test func theShelfLendsAClearScratchOfTheRightSize() {
        let shelf = ScratchShelf()
        var scratch = shelf.borrow(count: 10)
        #expect(scratch.count == 10 && scratch.isClear)
        scratch.matched[2] = 0  // untouched: still clear when it goes back
        shelf.giveBack(scratch)
        #expect(shelf.borrow(count: 12).count == 12)  // another corpus size: a new one
    }
}
