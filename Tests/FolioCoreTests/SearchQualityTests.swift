import Testing

@testable import FolioCore

/// Search for what a person half remembers: words close together rank first (`ProximityBonus`),
/// all but one word still finds something (`PartialMatches`), `author:` and `source:` filter
/// (`Query.FieldFilter`); each on the index and on the scan alike.
@Suite struct SearchQualityTests {
    static func article(_ id: String, _ title: String, _ body: String, source: String = "news", author: String? = nil)
        -> Article
    {
        Article(id: id, title: title, source: source, author: author, body: body)
    }

    /// The same words in every body, as often, in bodies of one length: only their distance differs.
    static let proximity = EmbeddedEngine(
        articles: [
            article("apart", "Notes", "solar farms grow slowly while every panel waits and costs fall each year"),
            article("close", "Notes", "farms grow slowly while every solar panel waits and costs fall each year"),
            article("reversed", "Notes", "farms grow slowly while every panel solar waits and costs fall each year"),
            article("near", "Notes", "farms grow slowly while solar every panel waits and costs fall each year"),
            article("other", "Other", "nothing here about energy at all, only gardens and their many birds singing")
        ], name: "proximity")

    static let people = EmbeddedEngine(
        articles: [
            article("a", "Budget talks", "The minister spoke about taxes.", source: "politics", author: "Jane Smith"),
            article("b", "Match report", "The team won the cup final.", source: "sport", author: "John Smithson"),
            article("c", "Chip prices", "Prices of chips rose again.", source: "tech", author: "Ana Müller"),
            article("d", "Cup preview", "The cup final is on Saturday; taxes unchanged.", source: "sport")
        ], name: "people")

    static func ids(_ store: EmbeddedEngine, _ text: String, _ mode: QueryParser.Mode = .complete) -> [String] {
        Fixture.ids(store, text, mode: mode)
    }

    static func scanIDs(_ store: EmbeddedEngine, _ text: String, _ mode: QueryParser.Mode = .complete) -> [String] {
        var scored = ScanEvaluator(articles: store.articles).evaluate(
            QueryParser.parse(text, mode: mode), isCancelled: { false })!
            .scored
        store.order(&scored, by: .relevance)
        return scored.map { store.articles[Int($0.document)].id }
    }

    // MARK: Proximity

    @Test func adjacentWordsInOrderRankFirst() {
        let found = Self.ids(Self.proximity, "solar panel")
        #expect(found == ["close", "near", "reversed", "apart"])
        #expect(Self.scanIDs(Self.proximity, "solar panel") == found)
        // Typing the second word: the same order once its prefix finds it.
        #expect(Self.ids(Self.proximity, "solar pan", .incremental) == found)
    }

    @Test func phrasesStayExact() {
        #expect(Self.ids(Self.proximity, "\"solar panel\"") == ["close"])
    }

    @Test func closestPairCosts() {
        #expect(ProximityBonus.closest([3], [4]) == 0)
        #expect(ProximityBonus.closest([3], [6]) == 2)
        #expect(ProximityBonus.closest([4], [3]) == 2)
        #expect(ProximityBonus.closest([1, 10], [12, 30]) == 1)
        #expect(ProximityBonus.closest([], [1]) == Int.max)
        // Title and body keys are 2³² apart: never close.
        #expect(ProximityBonus.closest([1], [PositionBlock.bodyKeyBase + 2]) > ProximityBonus.window)
    }

    /// The same pairs adjacent in both, but only "run" holds the three words as one run: a passage
    /// remembered word for word outranks its pairs apart, though "pairs" has "panel" twice.
    static let passage = EmbeddedEngine(
        articles: [
            article("pairs", "Notes", "solar panel waits while farms grow and panel costs fell slowly"),
            article("run", "Notes", "solar panel costs fell and farms grow slowly while birds sing"),
            article("other", "Other", "nothing here about energy at all, only gardens and their birds")
        ], name: "passage")

    @Test func wordsInOneRunOutrankTheirPairsApart() {
        let found = Self.ids(Self.passage, "solar panel costs")
        #expect(found == ["run", "pairs"])
        #expect(Self.scanIDs(Self.passage, "solar panel costs") == found)
    }

    @Test func shortestInOrderSpan() {
        #expect(ProximityBonus.shortestInOrderSpan([[1], [2], [3]]) == 2)
        #expect(ProximityBonus.shortestInOrderSpan([[1, 20], [5, 21], [22]]) == 2)
        #expect(ProximityBonus.shortestInOrderSpan([[1], [3], [2]]) == nil)
        #expect(ProximityBonus.shortestInOrderSpan([[1], []]) == nil)
        // A word the query repeats takes a later occurrence the second time.
        #expect(ProximityBonus.shortestInOrderSpan([[1, 3], [2], [1, 3]]) == 2)
        #expect(ProximityBonus.shortestInOrderSpan([[4], [9]]) == 5)
    }

    /// Filler of `count` words that are none of the query's, to set the average length.
    static func filler(_ count: Int) -> String {
        (0..<count).map { ["birds", "sing", "over", "quiet", "fields", "while", "rivers", "run"][$0 % 8] }
            .joined(separator: " ")
    }

    /// Both hold the passage once, but "long" holds three of its words far more often, apart: BM25
    /// alone ranks it first. A run counts as a term would: once in a short article says more than
    /// once in a long one.
    static let runLength = EmbeddedEngine(
        articles: [
            article(
                "long", "Notes",
                "solar panel costs fell. "
                    + String(repeating: "solar farms and panel makers cut costs. ", count: 12)),
            article("short", "Notes", "solar panel costs fell while farms grew")
        ] + (1...5).map { article("other\($0)", "Other", Self.filler(60)) }, name: "runLength")

    @Test func aRunInAShortArticleOutranksOneInALongArticle() {
        let found = Self.ids(Self.runLength, "solar panel costs fell")
        #expect(found == ["short", "long"])
        #expect(Self.scanIDs(Self.runLength, "solar panel costs fell") == found)
    }

    /// Both hold the query's words as a run and are as long: "body" six times in its text,
    /// "headline" once, in its title. Without regard for the title, six times beat once.
    static let headline = EmbeddedEngine(
        articles: [
            article(
                "body", "Weekly notes",
                String(repeating: Self.filler(6) + " news in the town. ", count: 6) + Self.filler(4)),
            article("headline", "News in the town", Self.filler(56))
        ] + (1...6).map { article("other\($0)", "Other", Self.filler(40)) }, name: "headline")

    @Test func aTitleHoldingEveryWordOutranksABodyHoldingThemOften() {
        let found = Self.ids(Self.headline, "news in town")
        #expect(found == ["headline", "body"])
        #expect(Self.scanIDs(Self.headline, "news in town") == found)
    }

    @Test func bestKeepsTheTopByScoreThenDocument() {
        let scored = (0..<300).map { QueryEvaluator.Scored(document: Int32($0), score: Float($0 % 7)) }
        let best = Set(ProximityBonus.best(10, of: scored).map { scored[$0].document })
        let expected = Set(
            scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
                .prefix(10).map(\.document))
        #expect(best == expected)
    }

    // MARK: Partial matches

    @Test func allButOneWordFindsPartialMatchesAfterTheExactOnes() {
        let store = Self.people
        #expect(Self.ids(store, "cup zebra").isEmpty)
        let partial = Fixture.partialIDs(store, "cup zebra")
        #expect(Set(partial.map(\.id)) == ["b", "d"])
        #expect(partial.allSatisfy { $0.missing == "zebra" })
        let results = store.search("cup zebra", mode: .complete)
        #expect(results.list.partialStart == 0)
        #expect(results.list.partialCount == 2)
        #expect(results.matches.allSatisfy { $0.isFuzzy && $0.isPartial })
    }

    @Test func partialMatchesFollowFewExactOnes() {
        // "taxes cup" matches d exactly; a (taxes) and b (cup) hold all but one word.
        let results = Self.people.search("taxes cup", mode: .complete)
        let ids = results.matches.map { Self.people.articles[$0.article].id }
        #expect(ids.first == "d")
        #expect(Set(ids.dropFirst()) == ["a", "b"])
        #expect(results.list.exactCount == 1)
        #expect(results.list.partialStart == 1)
        let missing = Dictionary(
            uniqueKeysWithValues: results.matches.dropFirst().map { (Self.people.articles[$0.article].id, $0.missing) })
        #expect(missing["a"] == "cup")
        #expect(missing["b"] == "taxes")
        #expect(results.matches.first?.missing == nil)
    }

    @Test func manyExactMatchesHaveNoPartialTier() {
        let store = Self.proximity
        let results = store.search("farms grow slowly", mode: .complete)
        #expect(results.list.count == 4)
        #expect(results.list.partialCount == 0)
    }

    // MARK: author: and source:

    @Test func authorAndSourceFilter() {
        let store = Self.people
        #expect(Set(Self.ids(store, "author:smith")) == ["a"])
        #expect(Set(Self.ids(store, "author:Smith cup")).isEmpty)
        #expect(Set(Self.ids(store, "author:smith taxes")) == ["a"])
        #expect(Set(Self.ids(store, "author:muller")) == ["c"])  // folded like text
        #expect(Set(Self.ids(store, "author:\"jane smith\"")) == ["a"])
        #expect(Set(Self.ids(store, "-author:smith cup")) == ["b", "d"])
        #expect(Set(Self.ids(store, "source:sport")) == ["b", "d"])
        #expect(Set(Self.ids(store, "source:sport final")) == ["b", "d"])
        #expect(Set(Self.ids(store, "source:tech cup")).isEmpty)
    }

    @Test func lastFieldWordIsAPrefixWhileTyping() {
        let store = Self.people
        #expect(Set(Self.ids(store, "author:smi", .incremental)) == ["a", "b"])
        #expect(Set(Self.ids(store, "author:smi", .complete)).isEmpty)
        #expect(Set(Self.ids(store, "cup source:sp", .incremental)) == ["b", "d"])
    }

    @Test func fieldsOnTheScanAgreeWithTheIndex() {
        let store = Self.people
        for text in ["author:smith", "author:smith taxes", "source:sport final", "-author:smith cup", "source:te"] {
            for mode in [QueryParser.Mode.complete, .incremental] {
                #expect(Set(Self.scanIDs(store, text, mode)) == Set(Self.ids(store, text, mode)), "\(text)")
            }
        }
    }

    @Test func fieldQueriesParseAsFilters() {
        let query = QueryParser.parse("author:Smith source:\"BBC News\" cup", mode: .complete)
        #expect(query.clauses.count == 1)
        #expect(
            query.filters == [
                .words(Query.FieldFilter(field: .author, tokens: [Array("smith".utf8)])),
                .words(Query.FieldFilter(field: .source, tokens: [Array("bbc".utf8), Array("news".utf8)]))
            ])
        #expect(Fields(queryName: "AUTHOR") == .author)
        #expect(Fields(queryName: "source") == .source)
    }
}
