import Testing

@testable import FolioCore

/// Search through `EmbeddedEngine`: query semantics on the index, ranking order, the typo tier.
@Suite struct EmbeddedEngineSearchTests {
    /// A Markdown file with the given title, date and body.
    static func markdown(_ title: String, _ date: String?, _ body: String) -> String {
        "---\ntitle: \(title)\n" + (date.map { "date: \($0)\n" } ?? "") + "---\n\n" + body + "\n"
    }

    /// Five articles about volcanoes and gardens (ids a…e) plus a Japanese one.
    static let store = Fixture.store([
        ("a.md", markdown("Volcano erupts on island", "2021-09-15", "Lava flows reached the sea. Residents left the island.")),
        ("b.md", markdown("Island news", "2021-10-02", "The volcano rumbled again. Lava flows slowed. Café owners stayed open.")),
        ("c.md", markdown("Ash clouds ground flights", "2021-10-20", "Ashes fell on the town. The flows of lava stopped.")),
        ("d.md", markdown("Garden diary", nil, "Tomatoes and beans. Teigen’s recipe. Nothing else.")),
        ("e.md", markdown("東京の天気", "2020-12-31", "今日は晴れです。Tokyo weather is fine, 2020 was warm."))
    ])

    private func ids(_ query: String, _ mode: QueryParser.Mode = .complete) -> [String] {
        Fixture.ids(Self.store, query, mode: mode)
    }

    // MARK: Query semantics

    @Test func wordsAreANDed() {
        #expect(Set(ids("lava")) == ["a.md", "b.md", "c.md"])
        #expect(Set(ids("lava island")) == ["a.md", "b.md"])
        #expect(ids("lava tomatoes").isEmpty)
    }

    @Test func orMatchesEither() {
        #expect(Set(ids("tomatoes OR residents")) == ["a.md", "d.md"])
        #expect(Set(ids("lava town OR sea")) == ["a.md", "c.md"])
    }

    @Test func stemmedFormsMatch() {
        #expect(Set(ids("ash")) == ["c.md"])  // title "Ash", body "Ashes"
        #expect(Set(ids("ashes")) == ["c.md"])
        #expect(Set(ids("flight")) == ["c.md"])
        #expect(Set(ids("erupting")) == ["a.md"])
    }

    @Test func lastWordIsAPrefixWhileTyping() {
        #expect(Set(ids("volc", .incremental)) == ["a.md", "b.md"])
        #expect(Set(ids("lava isl", .incremental)) == ["a.md", "b.md"])
        #expect(ids("volc", .complete).isEmpty)
        #expect(Set(ids("as", .incremental)) == ["c.md"])
        // The prefix ends at a space: "lava s" + space means the word "s".
        #expect(ids("lava s ", .incremental).isEmpty)
    }

    @Test func phrasesAreVerified() {
        // All three have "lava" and "flows"; only two have them adjacent and in order.
        #expect(Set(ids("\"lava flows\"")) == ["a.md", "b.md"])
        #expect(Set(ids("\"flows of lava\"")) == ["c.md"])
        #expect(ids("\"lava sea\"").isEmpty)
        #expect(Set(ids("\"lava flo", .incremental)) == ["a.md", "b.md"])
    }

    @Test func exclusions() {
        #expect(Set(ids("lava -island")) == ["c.md"])
        #expect(Set(ids("lava -\"lava flows\"")) == ["c.md"])
        #expect(Set(ids("lava -zzzz")) == ["a.md", "b.md", "c.md"])
    }

    @Test func titleOnly() {
        #expect(ids("title:volcano") == ["a.md"])
        #expect(ids("title:news") == ["b.md"])
        #expect(Set(ids("title:island")) == ["a.md", "b.md"])
        #expect(Set(ids("island")) == ["a.md", "b.md"])
        #expect(ids("title:\"island news\"") == ["b.md"])
        #expect(ids("title:volc", .incremental) == ["a.md"])
        // An excluded title word excludes only titles that have it.
        #expect(ids("island -title:volcano") == ["b.md"])
        #expect(ids("island -volcano").isEmpty)
    }

    @Test func dateFilters() {
        #expect(Set(ids("lava date:2021")) == ["a.md", "b.md", "c.md"])
        #expect(Set(ids("lava date:2021-10")) == ["b.md", "c.md"])
        #expect(ids("lava date:2021-10-20") == ["c.md"])
        #expect(Set(ids("lava date:>2021-09-30")) == ["b.md", "c.md"])
        #expect(ids("lava date:<2021-10") == ["a.md"])
        #expect(ids("date:2020") == ["e.md"])
        // Undated articles never pass a date filter.
        #expect(!ids("date:>1000").contains("d.md"))
    }

    @Test func filterOnlyAndEmptyQueriesListByDate() {
        let all = ["c.md", "b.md", "a.md", "e.md", "d.md"]  // newest first, undated last
        #expect(ids("") == all)
        #expect(ids("   ") == all)
        #expect(ids("!!!") == all)
        #expect(ids("date:2021") == ["c.md", "b.md", "a.md"])
        #expect(ids("-lava") == ["e.md", "d.md"])
        #expect(Self.store.listing() == [2, 1, 0, 4, 3])
        #expect(Self.store.listing(sort: .title).map { Self.store.articles[$0].id } == ["c.md", "d.md", "b.md", "a.md", "e.md"])
    }

    @Test func diacriticsFold() {
        #expect(ids("cafe") == ["b.md"])
        #expect(ids("CAFÉ") == ["b.md"])
        #expect(ids("cafe\u{301}") == ["b.md"])
    }

    @Test func apostrophesFold() {
        #expect(ids("Teigen's") == ["d.md"])
        #expect(ids("Teigen’s") == ["d.md"])
        #expect(ids("teigen") == ["d.md"])
    }

    @Test func cjkBigrams() {
        #expect(ids("東京") == ["e.md"])
        #expect(ids("天気") == ["e.md"])
        #expect(ids("晴れ") == ["e.md"])
        #expect(ids("京の天", .incremental) == ["e.md"])
        #expect(ids("東京の天気") == ["e.md"])
        #expect(ids("大阪").isEmpty)
    }

    @Test func digits() {
        #expect(ids("2020") == ["e.md"])
        #expect(ids("2021").isEmpty)  // dates are metadata, not text
    }

    @Test func veryLongWords() {
        let long = String(repeating: "pneumono", count: 20)  // 160 letters
        let store = Fixture.store([("long.txt", "Long\n\nA \(long) word."), ("other.txt", "Other\n\nText.")])
        #expect(Fixture.ids(store, long) == ["long.txt"])
        #expect(Fixture.ids(store, String(long.prefix(64))) == ["long.txt"])
        #expect(Fixture.ids(store, String(long.prefix(30)), mode: .incremental) == ["long.txt"])
    }

    @Test func malformedQueriesStillSearch() {
        #expect(Set(ids("\"lava flows")) == ["a.md", "b.md"])
        #expect(Set(ids("lava -")) == ["a.md", "b.md", "c.md"])
        let soon = Self.store.search("lava date:soon")
        #expect(soon.matches.count == 3)
        #expect(soon.query.warnings.count == 1)
        #expect(Self.store.search("((( ))) \"\" OR -").matches.count == 5)
        #expect(ids(String(repeating: "lava ", count: 2_000)).count == 3)
    }

    @Test func tenThousandCharacterQueryDoesNotCrash() {
        var random = SplitMix64(seed: 7)
        let pieces = ["lava", "\"", "-", "OR", "title:", "date:", "(", "東京", "é", " ", "island", "volc", "x"]
        for _ in 0..<3 {
            var text = ""
            while text.count < 10_000 { text += pieces[Int.random(in: 0..<pieces.count, using: &random)] }
            for mode in [QueryParser.Mode.complete, .incremental] {
                let results = Self.store.search(text, mode: mode)
                #expect(results.matches.count <= Self.store.articles.count)
            }
        }
        #expect(ids(String(repeating: "q", count: 10_000)).isEmpty)
    }

    @Test func queryWithMoreWordsThanAClauseCounterHolds() {
        // 70,000 words: more clauses than a 16-bit count; the query is odd but must not crash.
        #expect(Set(ids(String(repeating: "lava ", count: 70_000))) == ["a.md", "b.md", "c.md"])
    }

    @Test func longQuotedPassageIsFound() {
        // A pasted paragraph of 300 words, quoted: every word is in the article, in order.
        let words = (0..<300).map { "w\($0 % 97)x" }
        let paragraph = words.joined(separator: " ")
        let store = Fixture.store([
            ("long.txt", "Long\n\n\(paragraph)"), ("shuffled.txt", "Shuffled\n\n" + words.reversed().joined(separator: " "))
        ])
        #expect(Fixture.ids(store, "\"\(paragraph)\"") == ["long.txt"])
    }

    // MARK: Ranking

    @Test func titleMatchesOutrankBodyMatches() {
        let store = Fixture.store([
            ("body.md", Self.markdown("Island news", "2021-10-02", "The volcano rumbled.")),
            ("title.md", Self.markdown("Volcano news", "2020-01-01", "The island rumbled."))
        ])
        #expect(Fixture.ids(store, "volcano") == ["title.md", "body.md"])
    }

    @Test func moreOccurrencesRankHigher() {
        let store = Fixture.store([
            ("once.md", Self.markdown("One", nil, "Lava here, and other words to match length.")),
            ("twice.md", Self.markdown("Two", nil, "Lava here, and lava there to match length."))
        ])
        #expect(Fixture.ids(store, "lava") == ["twice.md", "once.md"])
    }

    @Test func shorterDocumentsRankHigherForTheSameCount() {
        let filler = String(repeating: "filler words ", count: 40)
        let store = Fixture.store([
            ("long.md", Self.markdown("Long", nil, "Lava. " + filler)),
            ("short.md", Self.markdown("Short", nil, "Lava. Filler words."))
        ])
        #expect(Fixture.ids(store, "lava") == ["short.md", "long.md"])
    }

    @Test func rarerWordsWeighMore() {
        // "common" is everywhere, "rare" in two: an article with "rare" twice beats one with "common" twice.
        var files = (0..<6).map { ("n\($0).md", Self.markdown("Note \($0)", nil, "common filler")) }
        files.append(("rare.md", Self.markdown("X", nil, "rare rare common")))
        files.append(("common.md", Self.markdown("Y", nil, "common common rare")))
        let store = Fixture.store(files)
        #expect(Fixture.ids(store, "rare OR common").prefix(2) == ["rare.md", "common.md"])
    }

    @Test func phrasesRankByHowOftenThePhraseOccurs() {
        // "twice" has the phrase twice; "words" has it once but its words many times apart. The
        // phrase is what was asked for, so it is the phrase that counts.
        let store = Fixture.store([
            ("twice.md", Self.markdown("One", nil, "The solar wind rose. Later the solar wind fell. Quiet filler text here.")),
            ("words.md", Self.markdown("Two", nil, "Solar solar solar panels. The solar wind. Wind wind wind farms."))
        ])
        #expect(Fixture.ids(store, "\"solar wind\"") == ["twice.md", "words.md"])
        #expect(Fixture.ids(store, "solar wind") == ["words.md", "twice.md"])
    }

    @Test func tiesAreNewestFirstThenTitle() {
        // Same body, same title length: equal scores. Order: newest, then title A–Z, then undated.
        let store = Fixture.store([
            ("1.md", Self.markdown("Beta note", "2021-01-01", "quartz")),
            ("2.md", Self.markdown("Alpha note", "2021-01-01", "quartz")),
            ("3.md", Self.markdown("Gamma note", "2021-06-01", "quartz")),
            ("4.md", Self.markdown("Delta note", nil, "quartz")),
            ("5.md", Self.markdown("Aardvark note", nil, "quartz"))
        ])
        let results = store.search("quartz")
        #expect(Set(results.matches.map(\.score)).count == 1)
        #expect(Fixture.ids(store, "quartz") == ["3.md", "2.md", "1.md", "5.md", "4.md"])
    }

    @Test func otherSortOrders() {
        let store = Self.store
        let byTitle = store.search("lava", sort: .title).matches.map { store.articles[$0.article].title }
        #expect(byTitle == ["Ash clouds ground flights", "Island news", "Volcano erupts on island"])
        let byDate = store.search("lava", sort: .date).matches.map { store.articles[$0.article].id }
        #expect(byDate == ["c.md", "b.md", "a.md"])
    }

    @Test func scoresAreDescending() {
        let scores = Self.store.search("lava OR island OR volcano").matches.map(\.score)
        #expect(scores == scores.sorted(by: >))
        #expect(scores.allSatisfy { $0 > 0 })
    }

    // MARK: Typo tier

    static let typoStore = Fixture.store([
        ("honour.md", markdown("Honour", nil, "A story of honour.")),
        ("honor.md", markdown("Honor honor honor", nil, "honor honor honor honor")),
        ("teddy.md", markdown("Teddy", nil, "A therapy teddy by the window. Luna's bear.")),
        ("emotional.md", markdown("Emotional", nil, "An emotional tribute."))
    ])

    @Test(arguments: [
        ("ted", [String]()),  // 3 letters: no typo allowed
        ("tedy", ["teddy.md"]),  // 4 letters: one
        ("lunna", ["teddy.md"]),  // 5 letters: one
        ("theraphy", ["teddy.md"]),  // 8 letters: one
        ("thearpy", ["teddy.md"]),  // a transposition counts as one
        ("theraphyy", ["teddy.md"]),  // 9 letters: two
        ("emmotionel", ["emotional.md"]),  // 10 letters: two
        ("emmotionnel", [String]()),  // three is too many
        ("windoow", ["teddy.md"])
    ])
    func typoAllowance(query: String, expected: [String]) {
        let results = Self.typoStore.search(query)
        #expect(results.matches.map { Self.typoStore.articles[$0.article].id } == expected)
        #expect(results.matches.allSatisfy { $0.isFuzzy })
    }

    @Test func fuzzyMatchesComeAfterExactOnesAndAreFlagged() {
        let results = Self.typoStore.search("honour")
        let ids = results.matches.map { Self.typoStore.articles[$0.article].id }
        // "honor" is one edit away and its article mentions it far more, yet it ranks after the exact match.
        #expect(ids == ["honour.md", "honor.md"])
        #expect(results.matches.map(\.isFuzzy) == [false, true])
    }

    @Test func noTypoTierWhenExactMatchesAreEnough() {
        let files =
            (0..<6).map { ("h\($0).md", Self.markdown("Honour \($0)", nil, "honour")) } + [
                ("x.md", Self.markdown("X", nil, "honor"))
            ]
        let store = Fixture.store(files)
        let results = store.search("honour")
        #expect(results.matches.count == 6)
        #expect(!results.matches.contains { $0.isFuzzy })
    }

    @Test func prefixesAndPhrasesGetNoTypos() {
        #expect(Fixture.ids(Self.typoStore, "therp", mode: .incremental).isEmpty)
        #expect(Fixture.ids(Self.typoStore, "\"theraphy teddy\"").isEmpty)
    }
}

@Suite struct SingleCJKCharacterTests {
    @Test func oneCJKCharacterFindsTheRunsItStarts() {
        let store = EmbeddedEngine.load(
            documents: [
                CorpusLoader.Document(id: "zh.txt", folderName: "t", bytes: Array("中文的文章\n\n这是一篇中文文章。".utf8)),
                CorpusLoader.Document(id: "en.txt", folderName: "t", bytes: Array("English\n\nNothing here.".utf8))
            ], name: "t")
        let results = store.search("文", mode: .complete)
        #expect(results.matches.map { store.articles[$0.article].id } == ["zh.txt"])
    }
}
