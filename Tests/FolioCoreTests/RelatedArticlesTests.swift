import Testing

@testable import FolioCore

/// "More like this": an article's most distinctive words, run as one ranked OR query.
@Suite struct RelatedArticlesTests {
    /// Three articles about a volcano, three about a football cup, two about an election, one short.
    static let store = Fixture.store([
        ("v1.md", "Volcano erupts near the harbour\n\nLava and ash poured from the volcano crater; the harbour closed."),
        ("v2.md", "Crater glows again\n\nThe volcano sent lava towards the harbour road. Ash fell on the town."),
        ("v3.md", "Ash cloud drifts\n\nAsh from the crater grounded flights; the town swept the ash away."),
        ("f1.md", "Cup final tonight\n\nThe striker scored twice in the semi final; the cup final is in the town stadium."),
        ("f2.md", "Striker injured\n\nThe cup holders lost their striker before the final."),
        ("f3.md", "Stadium sold out\n\nEvery seat of the stadium is sold for the cup final."),
        ("e1.md", "Election called\n\nVoters go to the polls; the election campaign starts in the town."),
        ("e2.md", "Polls open early\n\nVoters queued before the polls opened for the election."),
        ("x.md", "A\n\nThe.")
    ])

    private func related(_ id: String, limit: Int = 10) -> [String]? {
        let number = Self.store.number(ofID: id)!
        return Self.store.related(to: number, limit: limit).map { results in
            results.list.allMatches().map { Self.store.id(at: $0.article) }
        }
    }

    @Test func theArticlesOnTheSameSubjectComeFirst() throws {
        let volcano = try #require(related("v1.md"))
        #expect(Set(volcano.prefix(2)) == ["v2.md", "v3.md"], "\(volcano)")
        #expect(!volcano.contains("v1.md"), "the article itself is left out")
        let cup = try #require(related("f1.md"))
        #expect(Set(cup.prefix(2)) == ["f2.md", "f3.md"], "\(cup)")
        let election = try #require(related("e2.md"))
        #expect(election.first == "e1.md", "\(election)")
    }

    @Test func theLimitHoldsAndTheOrderIsTheSameEveryTime() {
        #expect(related("v1.md", limit: 1)?.count == 1)
        #expect(related("f1.md") == related("f1.md"))
    }

    @Test func anArticleWithoutADistinctiveWordHasNone() {
        #expect(related("x.md") == nil)
        #expect(Self.store.related(to: 999, limit: 10) == nil)
        #expect(Self.store.related(to: 0, limit: 0) == nil)
    }

    @Test func theWordsAreTheArticlesRarestFrequentOnes() throws {
        let index = try #require(Self.store.readyIndex)
        let words = Self.store.distinctiveWords(of: Self.store.article(withID: "v1.md")!, in: index)
            .map { String(decoding: $0, as: UTF8.self) }
        // Each in the title and the body, in two of nine articles: the highest tf·idf, ties by bytes.
        #expect(Array(words.prefix(2)) == ["harbour", "volcano"], "\(words)")
        #expect(!words.contains("the"), "in nearly every article")
        #expect(words.count <= EmbeddedEngine.relatedTermCount)
    }
}
