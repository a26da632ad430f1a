/// The whole-query rules of `ProximityBonus` (Documentation/architecture.md §6): a passage typed
/// word for word, and a headline whose words are all typed.
extension ProximityBonus {
    /// A passage remembered word for word: each run of all the words in the query's order, the first
    /// to the last spanning at most `runSlack` more words than the query has, counts as one
    /// occurrence of the passage (less a share per extra word), scored as BM25 scores a term whose
    /// idf is the words' idfs (each plus `idfFloor`) times `runWeight`. Pairs alone cannot tell one
    /// such run from its pairs scattered across an article; as for any term, a run in a short
    /// article says more than one in a long article, and two runs more than one.
    func runBonus(_ keys: [[UInt64]], lengthNorm: Float) -> Float {
        let runs = Self.inOrderRuns(keys)
        guard runs > 0 else { return 0 }
        let idfs = words.reduce(Float(0)) { $0 + $1.idf + Self.idfFloor }
        return BM25.score(idf: Self.runWeight * idfs, frequency: runs, lengthNorm: lengthNorm)
    }

    /// A headline remembered: when the title holds every word of the query, the words' idfs (each
    /// plus `idfFloor`) times `titleWeight`. BM25 weighs a title word `BM25.titleWeight` body words,
    /// which common words ("in", "the") in a long body drown; a title that holds all of them names
    /// the article a short query was typed to find.
    func titleBonus(_ keys: [[UInt64]]) -> Float {
        var idfs: Float = 0
        for (number, word) in words.enumerated() {
            // Keys ascend and title keys come before `bodyKeyBase`: the first says.
            guard let first = keys[number].first, first < PositionBlock.bodyKeyBase else { return 0 }
            idfs += word.idf + Self.idfFloor
        }
        return Self.titleWeight * idfs
    }

    /// The runs of all the words in order, each from an occurrence of the first word taking each
    /// next word's first occurrence after the one before, that span at most `runSlack` more words
    /// than there are words: 1 each, less `1 / (runSlack + 1)` per extra word. 0 for fewer than two
    /// words or a word with no occurrence.
    static func inOrderRuns(_ keys: [[UInt64]]) -> Float {
        guard keys.count >= 2, keys.allSatisfy({ !$0.isEmpty }) else { return 0 }
        let longest = UInt64(keys.count - 1 + runSlack)
        var runs: Float = 0
        starts: for start in keys[0] {
            var at = start
            for next in keys.dropFirst() {
                // The first occurrence after `at`: the closest in-order continuation.
                var low = 0
                var high = next.count
                while low < high {
                    let middle = (low + high) / 2
                    if next[middle] <= at { low = middle + 1 } else { high = middle }
                }
                guard low < next.count else { break starts }
                at = next[low]
                if at - start > longest { continue starts }
            }
            let slack = Int(at - start) - (keys.count - 1)
            runs += 1 - Float(slack) / Float(runSlack + 1)
        }
        return runs
    }
}
