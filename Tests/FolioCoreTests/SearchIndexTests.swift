import Testing

@testable import FolioCore

/// The inverted index, built in parallel chunks and merged: postings, document frequencies, lengths.
@Suite struct SearchIndexTests {
    /// 60 articles, more than the indexing workers, so several chunks are merged. Article i has its
    /// own word "uniq<i>", every one has "shared", even ones "even", and article i says "rep" i times.
    static let store = Fixture.store(
        (0..<60).map { number in
            let id = "doc\(number < 10 ? "0" : "")\(number).txt"
            let even = number % 2 == 0 ? " even" : ""
            let repeats = String(repeating: " rep", count: number)
            return (id, "Title \(number) uniq\(number)\n\nshared\(even)\(repeats) body uniq\(number)")
        })

    private func id(of term: String) -> Int? { Self.store.index.terms.find(Array(term.utf8)) }

    /// (document, body tf, title tf) for every posting of `term`.
    private func postings(_ term: String) throws -> [(Int, UInt32, UInt32)] {
        let termID = try #require(id(of: term))
        var result: [(Int, UInt32, UInt32)] = []
        Self.store.index.forEachPosting(of: termID) { result.append(($0, $1, $2)) }
        return result
    }

    @Test func countsAndFrequencies() throws {
        let index = Self.store.index
        #expect(index.documentCount == 60)
        // title, 0…59, uniq0…59, shared, even, rep, body.
        #expect(index.termCount == 1 + 60 + 60 + 4)
        #expect(index.documentFrequency[try #require(id(of: "shared"))] == 60)
        #expect(index.documentFrequency[try #require(id(of: "even"))] == 30)
        #expect(index.documentFrequency[try #require(id(of: "rep"))] == 59)
        #expect(index.documentFrequency[try #require(id(of: "uniq37"))] == 1)
        #expect(index.memoryBytes > 0)
    }

    @Test func postingsAreInDocumentOrderWithBodyAndTitleCounts() throws {
        let rep = try postings("rep")
        #expect(rep.map(\.0) == Array(1..<60))
        #expect(rep.map(\.1) == (1..<60).map { UInt32($0) })
        #expect(rep.allSatisfy { $0.2 == 0 })
        let unique = try postings("uniq42")
        #expect(unique.count == 1)
        #expect(unique[0] == (42, 1, 1))
        let title = try postings("title")
        #expect(title.count == 60 && title.allSatisfy { $0.1 == 0 && $0.2 == 1 })
    }

    @Test func documentLengthsWeighTitleTokens() {
        let index = Self.store.index
        // Article 5: title "Title 5 uniq5" (3 tokens, weighted), body "shared rep×5 body uniq5" (8 tokens).
        #expect(index.documentLength[5] == 8 + BM25.titleWeight * 3)
        let average = index.documentLength.reduce(0, +) / Float(index.documentCount)
        #expect(abs(index.averageDocumentLength - average) < 0.001)
    }

    @Test func termsAreSortedForPrefixRanges() {
        let terms = Self.store.index.terms
        let all = (0..<terms.count).map { terms.term($0) }
        #expect(all == all.sorted { $0.lexicographicallyPrecedes($1) })
        let range = terms.prefixRange(Array("uniq1".utf8))
        // uniq1, uniq10…uniq19
        #expect(range.count == 11)
        #expect(range.allSatisfy { String(decoding: terms.term($0), as: UTF8.self).hasPrefix("uniq1") })
        #expect(terms.prefixRange(Array("zzz".utf8)).isEmpty)
        #expect(terms.find(Array("uniq".utf8)) == nil)
        #expect(terms.find([]) == nil)
    }

    @Test func searchesAcrossChunks() {
        #expect(Fixture.ids(Self.store, "shared").count == 60)
        #expect(Fixture.ids(Self.store, "even").count == 30)
        // One exact match; the typo tier adds the uniq words one edit away (uniq3, uniq17, uniq30…) after it.
        let unique = Self.store.search("uniq37").matches
        #expect(unique.first.map { Self.store.articles[$0.article].id } == "doc37.txt")
        #expect(unique.map(\.isFuzzy) == [false] + Array(repeating: true, count: unique.count - 1))
        #expect(unique.count == 16)
        // More "rep" ranks higher: the last article first, and "rep" is in every article but the first.
        let rep = Fixture.ids(Self.store, "rep")
        #expect(rep.count == 59)
        #expect(rep.first == "doc59.txt")
        #expect(
            Fixture.ids(Self.store, "uniq3", mode: .incremental).sorted() == [
                "doc03.txt", "doc30.txt", "doc31.txt", "doc32.txt", "doc33.txt", "doc34.txt", "doc35.txt", "doc36.txt",
                "doc37.txt", "doc38.txt", "doc39.txt"
            ])
    }

    @Test func stemGroupsJoinWordForms() {
        let store = Fixture.store([("a.txt", "A\n\nconnect connected connection connecting"), ("b.txt", "B\n\nconnections")])
        let group = Set(
            store.index.termsWithStem(of: Array("connects".utf8)).map {
                String(decoding: store.index.terms.term($0), as: UTF8.self)
            })
        #expect(group == ["connect", "connected", "connection", "connecting", "connections"])
        #expect(Fixture.ids(store, "connects") == ["a.txt", "b.txt"])
    }

    @Test func emptyStoreSearchesToNothing() {
        let store = EmbeddedEngine(articles: [])
        #expect(store.index.documentCount == 0)
        #expect(store.index.termCount == 0)
        #expect(store.search("anything").matches.isEmpty)
        #expect(store.search("").matches.isEmpty)
        #expect(store.search("an", mode: .incremental).matches.isEmpty)
        #expect(store.search("typotolerant").matches.isEmpty)
        #expect(store.listing().isEmpty)
    }

    @Test func corpusWithoutAnyWordStillSearches() {
        // Files of punctuation only are articles (they are not blank) but give the index no terms.
        let store = Fixture.store([("dash.txt", "—\n\n!!! ... ???"), ("stars.txt", "* * *")])
        #expect(store.articles.count == 2)
        #expect(store.index.termCount == 0)
        #expect(store.search("anything").matches.isEmpty)
        #expect(store.search("").matches.count == 2)
    }

    @Test func oneEmbeddedEngine() {
        let store = Fixture.store([("only.txt", "Only\n\nOne article here.")])
        #expect(Fixture.ids(store, "article") == ["only.txt"])
        #expect(Fixture.ids(store, "articel") == ["only.txt"])
        #expect(store.search("articel").matches.first?.isFuzzy == true)
    }
}
