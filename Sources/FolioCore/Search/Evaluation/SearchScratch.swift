import Synchronization

/// The corpus-sized arrays one search works in, lent to each search by its store instead of
/// allocated per keystroke, which would have the kernel zero-fill megabytes page by page for every key.
/// Lent and returned all zeros: whoever writes an entry clears it before giving the scratch back.
struct SearchScratch: Sendable {
    /// How many clauses each document has matched so far (`ClauseScorer.score`).
    var matched: [UInt32]
    /// Each candidate's BM25 sum over the clauses so far.
    var score: [Float]
    /// One alternative's title-weighted term frequencies (`Accumulator`).
    var frequency: [Float]
    /// How many of a phrase's tokens a document holds so far (`Accumulator.collect`).
    var tokensSeen: [UInt8]
    /// Documents an exclusion removes (`ClauseScorer.removeExcluded`).
    var excluded: [UInt8]

    init(count: Int) {
        matched = [UInt32](repeating: 0, count: count)
        score = [Float](repeating: 0, count: count)
        frequency = [Float](repeating: 0, count: count)
        tokensSeen = [UInt8](repeating: 0, count: count)
        excluded = [UInt8](repeating: 0, count: count)
    }

    var count: Int { matched.count }

    /// Every entry zero: checked in debug builds when a scratch is given back (a leftover count or
    /// score would silently change the next search's results).
    var isClear: Bool {
        matched.allSatisfy { $0 == 0 } && score.allSatisfy { $0 == 0 } && frequency.allSatisfy { $0 == 0 }
            && tokensSeen.allSatisfy { $0 == 0 } && excluded.allSatisfy { $0 == 0 }
    }

    /// Sets `array` back to zero at `documents`: entry by entry for a few, in one sweep for many.
    static func clear<Element: BinaryInteger>(_ array: inout [Element], at documents: [Int32]) {
        array.withUnsafeMutableBufferPointer { clear($0, at: documents, zero: 0) }
    }

    static func clear(_ array: inout [Float], at documents: [Int32]) {
        array.withUnsafeMutableBufferPointer { clear($0, at: documents, zero: 0) }
    }

    private static func clear<Element>(_ buffer: UnsafeMutableBufferPointer<Element>, at documents: [Int32], zero: Element) {
        if documents.count > buffer.count / 8 {
            buffer.update(repeating: zero)
        } else {
            for document in documents { buffer[Int(document)] = zero }
        }
    }
}

/// A store's spare `SearchScratch`. The reader runs one search at a time (its search queue), so
/// one spare serves every keystroke; a search that starts while another holds it (tests, a second
/// caller) makes its own, and the spare kept is whichever comes back last.
final class ScratchShelf: Sendable {
    private let spare = Mutex<SearchScratch?>(nil)

    init() {}

    func borrow(count: Int) -> SearchScratch {
        let taken = spare.withLock { spare -> SearchScratch? in
            defer { spare = nil }
            return spare
        }
        if let taken, taken.count == count { return taken }
        return SearchScratch(count: count)
    }

    func giveBack(_ scratch: SearchScratch) {
        assert(scratch.isClear, "a search gave its scratch back with entries left set")
        spare.withLock { $0 = scratch }
    }
}
