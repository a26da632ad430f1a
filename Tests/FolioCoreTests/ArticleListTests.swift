import Testing

@testable import FolioCore

/// A search hands over its matches with only the first rows ordered (`ResultOrdering.orderFirst`)
/// and orders the rest as they are read (`ArticleList`): every row read, in any order, must be the
/// row the full order (`EmbeddedEngine.order`) puts there, whatever the ties, dates, tiers and filters.
@Suite struct ArticleListTests {
    /// Many ties on purpose: 50 titles, 4 days and no date, scores from a list of 10 with repeats.
    static func store(size: Int, seed: UInt64) -> EmbeddedEngine {
        var random = SplitMix64(seed: seed)
        let files: [(id: String, text: String)] = (0..<size).map { number in
            let day = random.next() % 5
            let date = day == 0 ? "" : " date 2024-0\(1 + day % 3)-1\(day)\n"
            return (String(format: "a%05d.txt", number), "\(date)Title \(random.next() % 50) words.\n\nBody \(number).\n")
        }
        return Fixture.store(files)
    }

    static func scored(
        _ store: EmbeddedEngine, keepOneIn: Int, seed: UInt64, scores: [Float] = [0, 0, 1.5, 1.5, 2.25, 3, 0.125, 7, 7, 7]
    ) -> [QueryEvaluator.Scored] {
        var random = SplitMix64(seed: seed)
        var scored = (0..<store.articles.count).filter { $0 % keepOneIn == 0 }.map {
            QueryEvaluator.Scored(document: Int32($0), score: scores[Int(random.next() % UInt64(scores.count))])
        }
        scored.shuffle(using: &random)
        return scored
    }

    static func fullOrder(_ scored: [QueryEvaluator.Scored], _ store: EmbeddedEngine, _ sort: ListOrder) -> [Int32] {
        var ordered = scored
        store.order(&ordered, by: sort)
        return ordered.map(\.document)
    }

    static let large = store(size: 12_000, seed: 5)

    /// Counts around the selection's edges: tiny, one chunk, past the point where everything is
    /// ordered at once, and all.
    @Test(arguments: [ListOrder.relevance, .date, .title], [1, 2])
    func orderFirstPutsTheFullOrdersFirstRowsInFront(sort: ListOrder, keepOneIn: Int) {
        let store = Self.large
        let scored = Self.scored(store, keepOneIn: keepOneIn, seed: UInt64(keepOneIn) + 7)
        let expected = Self.fullOrder(scored, store, sort)
        for count in [1, 2, 17, 512, 999, 1000, expected.count / 4 - 1, expected.count / 3, expected.count] {
            var entries = scored
            let ordered = store.ordering.orderFirst(count, of: &entries, from: 0, by: sort)
            #expect(ordered >= count && ordered <= entries.count)
            #expect(entries.prefix(ordered).map(\.document) == Array(expected.prefix(ordered)), "\(sort) first \(count)")
            #expect(
                Set(entries.dropFirst(ordered).map(\.document)) == Set(expected.dropFirst(ordered)), "\(sort) rest after \(count)"
            )
        }
    }

    /// From the middle of a list: what a second chunk does when the user scrolls on.
    @Test(arguments: [ListOrder.relevance, .date, .title])
    func orderFirstContinuesFromAnOrderedPrefix(sort: ListOrder) {
        let store = Self.large
        let scored = Self.scored(store, keepOneIn: 1, seed: 3)
        let expected = Self.fullOrder(scored, store, sort)
        var entries = scored
        var ordered = 0
        while ordered < entries.count {
            ordered += store.ordering.orderFirst(Swift.max(300, ordered), of: &entries, from: ordered, by: sort)
            #expect(entries.prefix(ordered).map(\.document) == Array(expected.prefix(ordered)), "\(sort) through \(ordered)")
        }
    }

    @Test(arguments: ListOrder.allCases)
    func rowsReadInAnyOrderAreTheFullOrders(sort: ListOrder) {
        let store = Self.large
        let scored = Self.scored(store, keepOneIn: 1, seed: 11)
        let expected = Self.fullOrder(scored, store, sort)
        let list = store.orderedList(exact: scored, fuzzy: [], sort: sort)
        #expect(list.count == expected.count && list.exactCount == expected.count)
        #expect(list.orderedCount >= OrderedMatches.firstOrdered && list.orderedCount < expected.count || sort == .source)
        var random = SplitMix64(seed: 2)
        let positions =
            [0, 511, 512, 513, 2_000] + (0..<40).map { _ in Int(random.next() % UInt64(expected.count)) } + [expected.count - 1]
        for position in positions {
            #expect(list[position] == Int(expected[position]), "\(sort) row \(position)")
        }
        #expect(list.allMatches().map(\.article) == expected.map(Int.init))
        #expect(Array(list) == expected.map(Int.init))
    }

    /// Copies share what is already ordered; a copy read later sees the same rows.
    @Test func copiesReadTheSameRows() {
        let store = Self.large
        let list = store.orderedList(exact: Self.scored(store, keepOneIn: 1, seed: 4), fuzzy: [], sort: .relevance)
        let copy = list
        let last = list[list.count - 1]
        #expect(copy[copy.count - 1] == last && copy == list)
    }

    /// Equal scores everywhere (a filter-only query) and corpora without any date: the ties are
    /// decided by date, then title alone.
    @Test(arguments: [ListOrder.relevance, .date])
    func tiesAllTheWayDown(sort: ListOrder) {
        let undated = Fixture.store(
            (0..<9000).map { (String(format: "u%05d.txt", $0), "Title \($0 % 37) words.\n\nBody \($0).\n") })
        for store in [Self.large, undated] {
            let scored = Self.scored(store, keepOneIn: 1, seed: 8, scores: [1.25])
            let expected = Self.fullOrder(scored, store, sort)
            let list = store.orderedList(exact: scored, fuzzy: [], sort: sort)
            #expect((0..<2_000).map { list[$0] } == expected.prefix(2_000).map(Int.init))
            #expect(Array(list) == expected.map(Int.init))
        }
    }

    /// Typo-tier matches come after every exact one, each tier in its own order; reading a fuzzy
    /// row first works too.
    @Test(arguments: [(3, 9000), (9000, 4), (6000, 6000)])
    func theTypoTierFollowsTheExactOne(sizes: (exact: Int, fuzzy: Int)) {
        let store = Self.large
        let all = Self.scored(store, keepOneIn: 1, seed: 9)
        let exact = Array(all.prefix(sizes.exact))
        let fuzzy = Array(all.dropFirst(sizes.exact).prefix(sizes.fuzzy))
        let expected = Self.fullOrder(exact, store, .relevance) + Self.fullOrder(fuzzy, store, .relevance)
        let list = store.orderedList(exact: exact, fuzzy: fuzzy, sort: .relevance)
        #expect(list.count == expected.count && list.exactCount == sizes.exact)
        #expect(list[list.count - 1] == Int(expected.last!))
        #expect(list.match(at: sizes.exact).isFuzzy && !list.match(at: sizes.exact - 1).isFuzzy)
        #expect(list.allMatches().map(\.article) == expected.map(Int.init))
        #expect(list.allMatches().map(\.isFuzzy) == expected.indices.map { $0 >= sizes.exact })
    }

    /// A filter (unread, bookmarked) keeps what was ordered in order and orders the rest as read.
    @Test(arguments: [ListOrder.relevance, .date, .title])
    func filteringKeepsTheFullOrder(sort: ListOrder) {
        let store = Self.large
        let scored = Self.scored(store, keepOneIn: 1, seed: 12)
        let expected = Self.fullOrder(scored, store, sort).map(Int.init)
        let kept = { (article: Int) in article % 7 != 2 }
        for list in [
            store.orderedList(exact: scored, fuzzy: [], sort: sort), store.orderedList(exact: scored, fuzzy: [], sort: sort)
        ] {
            _ = list[700]  // one filtered after reading a little further than the first chunk
            let filtered = list.filtered(kept)
            #expect(filtered.count == expected.filter(kept).count)
            #expect(filtered[filtered.count / 2] == expected.filter(kept)[filtered.count / 2])
            #expect(Array(filtered) == expected.filter(kept))
            // Nothing through the filter: empty, not a crash.
            #expect(list.filtered { _ in false }.isEmpty)
        }
    }

    @Test func positionsOfOrderedAndPendingArticles() {
        let store = Self.large
        let scored = Self.scored(store, keepOneIn: 2, seed: 13)
        let expected = Self.fullOrder(scored, store, .relevance).map(Int.init)
        let list = store.orderedList(exact: scored, fuzzy: [], sort: .relevance)
        #expect(list.position(of: expected[3]) == 3)
        #expect(list.position(of: expected[5_000]) == 5_000)
        #expect(list.position(of: 1) == nil)  // odd articles were never matches
        #expect(ArticleList(ordered: [4, 2, 9], exactCount: 2).position(of: 9) == 2)
    }

    /// Searches through the index: one- and two-letter prefixes match most of the corpus, so the
    /// list orders only part of them; reading it must give what ordering every match gives.
    @Test(arguments: ListOrder.allCases)
    func searchesHandOverTheFullOrder(sort: ListOrder) {
        let store = Self.generated
        for (text, mode) in [
            ("t", .incremental), ("m", .incremental), ("pr", .incremental), ("the", .incremental),
            ("ma -minister", .incremental), ("date:2020", .incremental), ("title:", .incremental),
            ("govermnent", QueryParser.Mode.complete)
        ] {
            let query = QueryParser.parse(text, mode: mode)
            let results = store.search(query, sort: sort)
            let list = results.list
            // Read a screen first, as the reader does, then everything.
            let screen = Array(list.prefix(30))
            let all = list.allMatches()
            let exact = all.filter { !$0.isFuzzy }.map { QueryEvaluator.Scored(document: Int32($0.article), score: $0.score) }
            let fuzzy = all.filter(\.isFuzzy).map { QueryEvaluator.Scored(document: Int32($0.article), score: $0.score) }
            let effectiveSort: ListOrder = query.clauses.isEmpty && sort == .relevance ? .date : sort
            let expected = (Self.fullOrder(exact, store, effectiveSort) + Self.fullOrder(fuzzy, store, effectiveSort)).map(
                Int.init)
            #expect(all.map(\.article) == expected, "\(text) \(sort)")
            #expect(screen == Array(expected.prefix(30)), "\(text) \(sort)")
            // The count is every match, exact ones apart.
            #expect(
                list.exactCount == store.evaluator(of: store.index).evaluate(query, typoTolerant: false).count, "\(text) \(sort)")
            #expect(list.count == all.count && list.exactCount == exact.count)
        }
        #expect(!store.search("govermnent", sort: sort).list.allMatches().filter(\.isFuzzy).isEmpty)
        // Nothing to match (the word after `title:` still to come): every article, as the listing.
        #expect(store.search("title:", mode: .incremental, sort: sort).list.count == store.articles.count)
        #expect(store.search("t", mode: .incremental, sort: sort).list.count > OrderedMatches.firstOrdered * 4)
    }

    static let generated = GeneratedCorpus.store(seed: 17, count: 6_000)

    /// The list with no query: every article, ordered as read, as the full listing orders it.
    @Test(arguments: ListOrder.allCases)
    func theListingIsTheFullOrder(sort: ListOrder) {
        let store = Self.large
        let all = (0..<store.articles.count).map { QueryEvaluator.Scored(document: Int32($0), score: 0) }
        let expected = Self.fullOrder(all, store, sort == .relevance ? .date : sort).map(Int.init)
        let list = store.list(sort: sort)
        #expect(list[list.count - 1] == expected.last && list[100] == expected[100])
        #expect(store.listing(sort: sort) == expected)
        // Kept: the next call (clearing the query again) gets the same list, what it ordered included.
        #expect(store.list(sort: sort) == list && store.list(sort: sort).orderedCount == list.orderedCount)
    }
}
