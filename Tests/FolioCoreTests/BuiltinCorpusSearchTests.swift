import Testing

@testable import FolioCore

/// Search quality on the five built-in articles (Data/), with the orders a reader would expect.
///
/// 000 "Watch Chrissy Teigen’s Daughter Luna … Ashes …": Luna's therapy teddy beside Jack's ashes.
/// 001 (2021-10-25) the family travels with Jack's ashes; quotes "the son we almost had".
/// 002 (2021-10-01) "On a healing journey…": the anniversary ceremony; no ashes, no phrase.
/// 003 "Chrissy Teigen brings her son's ashes with her when she travels.": the phrase twice.
/// 004 "Chrissy Teigen is sharing an emotional tribute to late son Jack.": the phrase once.
@Suite struct BuiltinCorpusSearchTests {
    static let store = Fixture.builtin

    static let a000 = "000_28476d52775e6d63.txt"
    static let a001 = "001_2bcd1fa24314d7c1.txt"
    static let a002 = "002_b78156dc43225a05.txt"
    static let a003 = "003_3879b8bc088c5fb4.txt"
    static let a004 = "004_e8d9254e75741f33.txt"

    private func ids(_ query: String, _ mode: QueryParser.Mode = .complete) -> [String] {
        Fixture.ids(Self.store, query, mode: mode)
    }

    @Test func theFiveArticlesLoad() {
        #expect(Self.store.articles.count == 5)
        #expect(Self.store.report.skippedCount == 0)
        #expect(Self.store.name == "built-in")
        for article in Self.store.articles {
            #expect(TerminalSafety.violations(article.title + article.body).isEmpty)
        }
    }

    /// 000 has "Ashes" in its title and four times in its body; 003 has it in its title and three
    /// times in a longer body; 001 only in its body. 002 and 004 never mention ashes.
    @Test func ashes() {
        #expect(ids("ashes") == [Self.a000, Self.a003, Self.a001])
        #expect(ids("ash") == ids("ashes"))
        #expect(ids("Ashes") == ids("ashes"))
    }

    /// Only 000 has Luna's therapy teddy.
    @Test func lunaTherapyTeddy() {
        #expect(ids("Luna therapy teddy") == [Self.a000])
        #expect(ids("luna therapy ted", .incremental).first == Self.a000)
    }

    /// The phrase is in 001, 003 (twice) and 004; 002 quotes the same letter from its second sentence
    /// on, so it has "the son" and "we" and "almost"… but never the phrase.
    @Test func theSonWeAlmostHad() {
        let found = ids("\"the son we almost had\"")
        #expect(Set(found) == [Self.a001, Self.a003, Self.a004])
        #expect(found.count == 3)
        // 003 quotes it twice; 001 and 004 once.
        #expect(found.first == Self.a003)
        #expect(!Self.store.search("\"the son we almost had\"").matches.contains { $0.isFuzzy })
        // Without quotes the words match anywhere, so more articles qualify.
        #expect(ids("the son we almost had").count >= 3)
    }

    /// Every article names Teigen, in any spelling of the possessive.
    @Test func teigensInEverySpelling() {
        let straight = ids("Teigen's")
        #expect(Set(straight) == [Self.a000, Self.a001, Self.a002, Self.a003, Self.a004])
        #expect(ids("Teigen’s") == straight)
        #expect(ids("teigen") == straight)
        #expect(ids("TEIGEN") == straight)
    }

    /// 003 is about exactly this (both words in its title); 001 mentions travelling with the ashes in
    /// its body; 000 has ashes but no travel.
    @Test func travelAshes() {
        #expect(ids("travel ashes") == [Self.a003, Self.a001])
        #expect(ids("travels ashes") == [Self.a003, Self.a001])
    }

    @Test func filtersOnTheBuiltinDates() {
        #expect(Set(ids("teigen date:2021-10")) == [Self.a001, Self.a002])
        #expect(ids("teigen date:>2021-10-01") == [Self.a001])
        #expect(ids("teigen date:<=2021-10-01") == [Self.a002])
        #expect(ids("ashes -travel") == [Self.a000])
        #expect(Set(ids("title:ashes")) == [Self.a000, Self.a003])
    }

    @Test func listingIsNewestFirstThenUndatedByTitle() {
        let order = Self.store.listing().map { Self.store.articles[$0].id }
        // 001 (Oct 25), 002 (Oct 1), then the undated ones by title: "Chrissy Teigen brings…",
        // "Chrissy Teigen is sharing…", "Watch Chrissy…".
        #expect(order == [Self.a001, Self.a002, Self.a003, Self.a004, Self.a000])
    }
}
