/// The whole-query rules of `ProximityBonus` (Documentation/architecture.md §6): a passage typed
/// word for word, and a headline whose words are all typed.
extension ProximityBonus {
    /// A passage remembered word for word: when all the words occur in the query's order, the first
    /// to the last spanning at most `runSlack` more words than the query has, the run is scored as
    /// BM25 scores a term occurring once (less a share per extra word), with the words' idfs (each
    /// plus `idfFloor`) times `runWeight` as its idf and the article's length norm. Pairs alone
    /// cannot tell one such run from its pairs scattered across an article; as for any term, the
    /// run says more in a short article than in a long one. Only whether it occurs counts, not how
    /// often: counting occurrences is what a quoted phrase asks for.
    func runBonus(_ keys: [ArraySlice<UInt64>], lengthNorm: Float) -> Float {
        guard let span = Self.shortestInOrderSpan(keys) else { return 0 }
        let slack = span - (keys.count - 1)
        guard slack <= Self.runSlack else { return 0 }
        let idfs = words.reduce(Float(0)) { $0 + $1.idf + Self.idfFloor }
        let frequency = 1 - Float(slack) / Float(Self.runSlack + 1)
        return BM25.score(idf: Self.runWeight * idfs, frequency: frequency, lengthNorm: lengthNorm)
    }

    /// A headline remembered: when the title holds every word of the query, the words' idfs (each
    /// plus `idfFloor`) times `titleWeight`. BM25 weighs a title word `BM25.titleWeight` body words,
    /// which common words ("in", "the") in a long body drown; a title that holds all of them names
    /// the article a short query was typed to find.
    func titleBonus(_ keys: [ArraySlice<UInt64>]) -> Float {
        var idfs: Float = 0
        for (number, word) in words.enumerated() {
            // Keys ascend and title keys come before `bodyKeyBase`: the first says.
            guard let first = keys[number].first, first < PositionBlock.bodyKeyBase else { return 0 }
            idfs += word.idf + Self.idfFloor
        }
        return Self.titleWeight * idfs
    }

    /// The fewest positions from an occurrence of the first word to one of the last, taking the
    /// words in order, each after the one before; nil when no such run exists.
    static func shortestInOrderSpan(_ keys: [ArraySlice<UInt64>]) -> Int? {
        guard keys.count >= 2, keys.allSatisfy({ !$0.isEmpty }) else { return nil }
        var best: UInt64? = nil
        starts: for start in keys[0] {
            var at = start
            for next in keys.dropFirst() {
                // The first occurrence after `at`: the closest in-order continuation.
                var low = next.startIndex
                var high = next.endIndex
                while low < high {
                    let middle = (low + high) / 2
                    if next[middle] <= at { low = middle + 1 } else { high = middle }
                }
                guard low < next.endIndex else { break starts }
                at = next[low]
                if let best, at - start >= best { continue starts }
            }
            best = at - start
            if best == UInt64(keys.count - 1) { break }
        }
        return best.map { Int(Swift.min($0, UInt64(Int.max / 2))) }
    }
}
