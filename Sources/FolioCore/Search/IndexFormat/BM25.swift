import Foundation

/// Okapi BM25 as folio ranks: k1 and b as in the literature, a title occurrence counting
/// `titleWeight` body ones in a term's frequency and in the document's length, and each document's
/// length norm computed once at build. The index and the scan both score through here, so they rank
/// alike (Documentation/architecture.md §6).
///
/// The index keeps the length norms and the weighted lengths, and a snapshot saves them: each
/// `SnapshotFormat.version` stands for one set of these parameters, so changing any of them needs a
/// new version, or old snapshots would be searched with norms of other parameters (`BM25Tests`
/// pins the pair).
enum BM25 {
    static let k1: Float = 1.2
    static let b: Float = 0.75
    /// A title token counts this many times a body token, in term frequency and document length.
    static let titleWeight: Float = 4

    /// A document's length in weighted tokens.
    @inline(__always)
    static func documentLength(bodyTokens: Int, titleTokens: Int) -> Float {
        Float(bodyTokens) + titleWeight * Float(titleTokens)
    }

    /// The average document length the norms divide by; at least 1, so a corpus of empty articles
    /// (or none) divides by no zero.
    static func averageLength(_ lengths: [Float]) -> Float {
        lengths.isEmpty ? 1 : Swift.max(1, lengths.reduce(0, +) / Float(lengths.count))
    }

    /// k1·(1 − b + b·dl/avgdl) per document, with `average` from `averageLength`: the part of a
    /// term's score that depends on the document alone.
    static func lengthNorms(_ lengths: [Float], average: Float) -> [Float] {
        lengths.map { k1 * (1 - b + b * $0 / average) }
    }

    /// Inverse document frequency, never negative (the `1 +` inside the log).
    static func idf(documents: Int, frequency: Int) -> Float {
        let n = Float(documents)
        let df = Float(frequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// A posting's term frequency for a term that searches `fields`: title occurrences weighted,
    /// those of a field not searched left out. 0 when the term occurs in no field it searches.
    @inline(__always)
    static func frequency(body: UInt32, title: UInt32, in fields: Fields) -> Float {
        (fields.contains(.body) ? Float(body) : 0) + (fields.contains(.title) ? titleWeight * Float(title) : 0)
    }

    /// The same for counts of a phrase's occurrences.
    @inline(__always)
    static func frequency(body: Int, title: Int, in fields: Fields) -> Float {
        (fields.contains(.body) ? Float(body) : 0) + (fields.contains(.title) ? titleWeight * Float(title) : 0)
    }

    /// One term's score in one document.
    @inline(__always)
    static func score(idf: Float, frequency: Float, lengthNorm: Float) -> Float {
        idf * frequency * (k1 + 1) / (frequency + lengthNorm)
    }
}
