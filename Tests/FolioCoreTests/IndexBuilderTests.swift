import Testing

@testable import FolioCore

/// The parallel, chunked build gives exactly the index the plainest build gives (`ReferenceIndex`),
/// however the documents are cut into chunks: the same bytes in every column.
@Suite struct IndexBuilderTests {
    /// One chunk per document, a few chunks, and the default (at least two per core).
    static let chunkSizes = [1, 4_000, IndexBuilder.chunkBytes]

    @Test(arguments: chunkSizes)
    func generatedCorpusMatchesTheReference(chunkBytes: Int) {
        let articles = GeneratedCorpus.articles(seed: 7, count: 150, longBodies: true)
        let index = IndexBuilder.build(ArticleTable(articles), chunkBytes: chunkBytes)
        #expect(ReferenceIndex(columnsOf: index) == ReferenceIndex(articles))
    }

    /// Frequencies that saturate (a word 70,000 times: its block then carries its counts), words
    /// past the longest token, long words sharing their first 16 bytes, empty and wordless
    /// documents, CJK, and a term only in the title.
    @Test(arguments: chunkSizes)
    func edgeCasesMatchTheReference(chunkBytes: Int) {
        let articles = Self.edgeCases
        let index = IndexBuilder.build(ArticleTable(articles), chunkBytes: chunkBytes)
        #expect(ReferenceIndex(columnsOf: index) == ReferenceIndex(articles))
    }

    @Test func chunkingChangesNothingElse() {
        let articles = GeneratedCorpus.articles(seed: 11, count: 120)
        let one = IndexBuilder.build(ArticleTable(articles), chunkBytes: 1)
        let many = IndexBuilder.build(ArticleTable(articles), chunkBytes: IndexBuilder.chunkBytes)
        #expect(Array(one.stems.bytes) == Array(many.stems.bytes))
        #expect(Array(one.groupStart) == Array(many.groupStart) && Array(one.groupTerms) == Array(many.groupTerms))
        #expect(Array(one.lengthNorm) == Array(many.lengthNorm))
        #expect(one.averageDocumentLength == many.averageDocumentLength)
        #expect(Array(one.termsByLength.order) == Array(many.termsByLength.order))
    }

    @Test func chunkRangesCoverEveryDocumentInOrder() {
        let articles = ArticleTable(GeneratedCorpus.articles(seed: 3, count: 57))
        for chunkBytes in [1, 500, 5_000, 1 << 30] {
            let ranges = IndexBuilder.chunkRanges(articles, chunkBytes: chunkBytes)
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == 57)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(ranges.allSatisfy { !$0.isEmpty })
        }
        #expect(IndexBuilder.chunkRanges(articles, chunkBytes: 1).count == 57)
    }

    @Test func chunkEndsCutTheTailFiner() {
        let ends = IndexBuilder.chunkEnds(total: 250 << 20, chunkBytes: 16 << 20, workers: 2)
        #expect(ends.last == 250 << 20 && zip(ends, ends.dropFirst()).allSatisfy { $0 < $1 })
        let sizes = zip([0] + ends, ends).map { $1 - $0 }
        #expect(sizes.prefix(sizes.count - 8).allSatisfy { $0 <= 16 << 20 && $0 > 15 << 20 })
        #expect(sizes.suffix(8).allSatisfy { $0 == 4 << 20 })
        // A small corpus: two chunks per core, equal.
        #expect(IndexBuilder.chunkEnds(total: 1_000, chunkBytes: 16 << 20, workers: 2) == [250, 500, 750, 1_000])
    }

    static var edgeCases: [Article] {
        let shared = "internationalisation"  // 20 bytes: the first 16 decide nothing
        let longWord = String(repeating: "abcdefghij", count: 9)  // 90 letters, cut at 64
        return [
            Article(id: "a", title: "Saturation", source: "t", body: String(repeating: "again ", count: 70_000) + "end"),
            Article(id: "b", title: String(repeating: "title ", count: 66_000), source: "t", body: "title body"),
            Article(id: "c", title: "", source: "t", body: ""),
            Article(id: "d", title: "... !!!", source: "t", body: "— – ¿?"),
            Article(
                id: "e", title: "Long", source: "t", body: "\(longWord) \(longWord)x \(shared)a \(shared)b \(shared)ab \(shared)a"
            ),
            Article(id: "f", title: "東京都 Москва", source: "t", body: "北京 東 中国人 naïve Café 2021 don't"),
            Article(id: "g", title: "only", source: "t", body: "again \(shared)b again")
        ]
    }
}
