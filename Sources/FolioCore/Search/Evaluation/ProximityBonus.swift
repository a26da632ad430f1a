/// Term proximity on top of BM25 (Documentation/architecture.md §6): among the best-scored matches,
/// an article where the query's words stand close together, in the query's order, gains on one where
/// they are scattered. Only the `candidates` best by BM25 are read, so the cost per keystroke is
/// bounded; the bonus is never negative, so nothing below them can overtake them.
///
/// Per pair of neighbouring words in the query, the closest their occurrences come in one field:
/// `cost` 0 when adjacent in order, one more per word between, two more when reversed. The pair adds
/// `weight · (min(idf) + idfFloor) · (1 − cost / window)` while `cost < window`. Two more rules
/// add on top: all the words in one run in the query's order (a remembered passage, `runBonus`),
/// and all the words in the title (a remembered headline, `titleBonus`).
/// Phrases are exact already and OR clauses have no single order: only clauses of one plain word
/// take part, and a word being typed whose prefix spans more than `maximumIDs` words (one or two
/// letters) does not.
///
/// The index reads the candidates' stored positions (`SearchIndex.proximityKeys`), the scan their
/// text (`PostingsSource.proximityKeys`), both numbering tokens as `PositionBlock` does, so both
/// add the same bonus.
struct ProximityBonus {
    static let candidates = 1000
    static let window = 8
    static let weight: Float = 2
    /// Added to a pair's idf: common words next to each other ("said the") still say much of which
    /// article was meant when a passage is remembered word for word.
    static let idfFloor: Float = 1
    static let maximumIDs = 64
    /// A run of the query's words in order counts with up to this many other words inside.
    static let runSlack = 2
    static let runWeight: Float = 2
    /// Per word's idf (plus `idfFloor`) when the title holds every word of the query.
    static let titleWeight: Float = 2

    /// A clause that takes part: its position in the query, its term's ids and fields, its idf.
    struct Word {
        var ids: [Int]
        var fields: Fields
        var idf: Float
    }

    let words: [Word]

    /// The query's plain-word clauses, in query order; empty when fewer than two take part.
    init<Source: PostingsSource>(_ resolved: QueryEvaluator.Resolution, postings: Source) {
        var words: [Word] = []
        for clause in resolved {
            guard clause.count == 1, let (term, ids) = clause.first, !term.isPhrase, let tokenIDs = ids.first,
                !tokenIDs.isEmpty, tokenIDs.count <= Self.maximumIDs
            else { continue }
            let frequency = Swift.min(
                postings.documentCount, tokenIDs.reduce(0) { $0 + postings.documentFrequency(of: $1) })
            words.append(
                Word(
                    ids: tokenIDs, fields: term.fields,
                    idf: BM25.idf(documents: postings.documentCount, frequency: frequency)))
        }
        self.words = words.count >= 2 ? words : []
    }

    /// Adds the bonus to the `candidates` best of `scored` (by score, then document number).
    func apply<Source: PostingsSource>(to scored: inout [QueryEvaluator.Scored], postings: Source, articles: ArticleTable) {
        guard !words.isEmpty, !scored.isEmpty else { return }
        // In document order, which is the order the keys are read in: a candidate's slot is its place here.
        let best = Self.best(Self.candidates, of: scored).sorted { scored[$0].document < scored[$1].document }
        let keys = postings.proximityKeys(words, documents: best.map { scored[$0].document }, articles: articles)
        var perWord = [ArraySlice<UInt64>](repeating: [], count: words.count)
        for (slot, index) in best.enumerated() {
            for word in words.indices { perWord[word] = keys[word][slot] }
            scored[index].score += bonus(perWord, lengthNorm: postings.lengthNorm(of: Int(scored[index].document)))
        }
    }

    /// The bonus of one document of BM25 length norm `lengthNorm`, given each word's sorted position
    /// keys: the pairs', the in-order run's (`runBonus`) and the title's (`titleBonus`).
    func bonus(_ keys: [ArraySlice<UInt64>], lengthNorm: Float) -> Float {
        var total: Float = runBonus(keys, lengthNorm: lengthNorm) + titleBonus(keys)
        for pair in 0..<(words.count - 1) {
            let cost = Self.closest(keys[pair], keys[pair + 1])
            guard cost < Self.window else { continue }
            let idf = Swift.min(words[pair].idf, words[pair + 1].idf) + Self.idfFloor
            total += Self.weight * idf * (1 - Float(cost) / Float(Self.window))
        }
        return total
    }

    /// The least cost between an occurrence of `a` and one of `b` (both ascending): b right after a
    /// costs 0, each word between 1, b before a 2 more. `Int.max` when either is empty.
    static func closest(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Int {
        var best = Int.max
        var j = b.startIndex
        for p in a {
            while j < b.endIndex && b[j] <= p { j += 1 }
            if j < b.endIndex { best = Swift.min(best, Self.distance(b[j] - p) - 1) }
            if j > b.startIndex, b[j - 1] != p { best = Swift.min(best, Self.distance(p - b[j - 1]) + 1) }
            if best == 0 { break }
        }
        return best
    }

    private static func distance(_ gap: UInt64) -> Int { gap > UInt64(Int.max / 2) ? Int.max / 2 : Int(gap) }
}
