import Testing

@testable import FolioCore

/// The scoring parameters, and what ties them to the snapshots that saved norms computed with them.
@Suite struct BM25Tests {
    /// The parameters each snapshot format version was written with. Changing one of `BM25`'s
    /// parameters without a new `SnapshotFormat.version` would have folio search old snapshots
    /// with length norms of other parameters: add the new version here along with the change.
    static let parametersByFormatVersion: [UInt32: (k1: Float, b: Float, titleWeight: Float)] = [
        3: (k1: 1.2, b: 0.75, titleWeight: 4),
        4: (k1: 1.2, b: 0.75, titleWeight: 4),
        5: (k1: 1.2, b: 0.75, titleWeight: 4),
        6: (k1: 1.2, b: 0.75, titleWeight: 4),
        7: (k1: 1.2, b: 0.75, titleWeight: 4),
        8: (k1: 1.2, b: 0.75, titleWeight: 4),
        9: (k1: 1.2, b: 0.75, titleWeight: 4)
    ]

    @Test func parametersMatchTheSnapshotFormatVersion() throws {
        let saved = try #require(Self.parametersByFormatVersion[SnapshotFormat.version], "no parameters recorded for this format")
        #expect(saved.k1 == BM25.k1 && saved.b == BM25.b && saved.titleWeight == BM25.titleWeight)
    }

    @Test func frequencyCountsOnlyTheFieldsSearched() {
        #expect(BM25.frequency(body: 3, title: 2, in: .text) == 3 + 2 * BM25.titleWeight)
        #expect(BM25.frequency(body: 3, title: 2, in: .title) == 2 * BM25.titleWeight)
        #expect(BM25.frequency(body: 3, title: 2, in: .body) == 3)
        #expect(BM25.frequency(body: UInt32(3), title: 0, in: .title) == 0)
    }

    @Test func lengthNormsFollowTheFormula() {
        let lengths: [Float] = [10, 30]
        let average = BM25.averageLength(lengths)
        #expect(average == 20)
        #expect(BM25.lengthNorms(lengths, average: average) == [BM25.k1 * (1 - BM25.b / 2), BM25.k1 * (1 + BM25.b / 2)])
        // No articles, or only empty ones: no division by zero.
        #expect(BM25.averageLength([]) == 1 && BM25.averageLength([0, 0]) == 1)
    }

    @Test func scoreGrowsWithFrequencyAndShrinksWithLength() {
        let idf = BM25.idf(documents: 100, frequency: 5)
        #expect(idf > 0 && BM25.idf(documents: 100, frequency: 100) > 0)
        #expect(BM25.score(idf: idf, frequency: 2, lengthNorm: 1) > BM25.score(idf: idf, frequency: 1, lengthNorm: 1))
        #expect(BM25.score(idf: idf, frequency: 1, lengthNorm: 2) < BM25.score(idf: idf, frequency: 1, lengthNorm: 1))
    }
}
