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
        let best = Self.best(Self.candidates, of: scored)
        let documents = best.map { scored[$0].document }.sorted()
        let keys = postings.proximityKeys(words, documents: documents, articles: articles)
        var slotOf: [Int32: Int] = [:]
        for (slot, document) in documents.enumerated() { slotOf[document] = slot }
        for index in best {
            let perWord = keys[slotOf[scored[index].document]!]
            scored[index].score += bonus(perWord, lengthNorm: postings.lengthNorm(of: Int(scored[index].document)))
        }
    }

    /// The bonus of one document of BM25 length norm `lengthNorm`, given each word's sorted position
    /// keys: the pairs', the in-order run's (`runBonus`) and the title's (`titleBonus`).
    func bonus(_ keys: [[UInt64]], lengthNorm: Float) -> Float {
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
    static func closest(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var best = Int.max
        var j = 0
        for p in a {
            while j < b.count && b[j] <= p { j += 1 }
            if j < b.count { best = Swift.min(best, Self.distance(b[j] - p) - 1) }
            if j > 0, b[j - 1] != p { best = Swift.min(best, Self.distance(p - b[j - 1]) + 1) }
            if best == 0 { break }
        }
        return best
    }

    private static func distance(_ gap: UInt64) -> Int { gap > UInt64(Int.max / 2) ? Int.max / 2 : Int(gap) }

    /// Indices into `scored` of its `count` best (score descending, then document ascending).
    static func best(_ count: Int, of scored: [QueryEvaluator.Scored]) -> [Int] {
        func isBetter(_ x: Int, _ y: Int) -> Bool {
            scored[x].score != scored[y].score ? scored[x].score > scored[y].score : scored[x].document < scored[y].document
        }
        guard scored.count > count else { return Array(scored.indices) }
        // A min-heap of the best so far: its root is the worst kept.
        var heap: [Int] = []
        heap.reserveCapacity(count)
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { return }
                var worst = left
                if left + 1 < heap.count && isBetter(heap[worst], heap[left + 1]) { worst = left + 1 }
                guard isBetter(heap[parent], heap[worst]) else { return }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
        for index in scored.indices {
            if heap.count < count {
                heap.append(index)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard isBetter(heap[parent], heap[child]) else { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            } else if isBetter(index, heap[0]) {
                heap[0] = index
                siftDown(0)
            }
        }
        return heap
    }
}

extension PostingsSource {
    /// Per document of `documents` (ascending), per word, the word's position keys in its fields
    /// (`PositionBlock` keys: title tokens from 0, body tokens from `bodyKeyBase`), ascending, read
    /// from the documents' text: the scan's way, which the index replaces with its positions.
    func proximityKeys(_ words: [ProximityBonus.Word], documents: [Int32], articles: ArticleTable) -> [[[UInt64]]] {
        var wordsOfTerm: [[UInt8]: [Int]] = [:]
        for (number, word) in words.enumerated() {
            for id in word.ids { wordsOfTerm[term(id), default: []].append(number) }
        }
        var tokenizer = Tokenizer()
        return documents.map { document in
            var sink = KeySink(wordsOfTerm: wordsOfTerm, words: words, keys: Array(repeating: [], count: words.count))
            articles.withTitleAndBody(at: Int(document)) { title, body in
                sink.field = .title
                tokenizer.tokenize(bytes: title, into: &sink)
                sink.field = .body
                sink.next = PositionBlock.bodyKeyBase
                tokenizer.tokenize(bytes: body, into: &sink)
            }
            return sink.keys
        }
    }
}

/// Notes the key of every token that is one of the words' terms.
private struct KeySink: TokenSink {
    let wordsOfTerm: [[UInt8]: [Int]]
    let words: [ProximityBonus.Word]
    var keys: [[UInt64]]
    var field: Fields = .title
    var next: UInt64 = 0

    mutating func token(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Tokenizer.Kind) {
        defer { next += 1 }
        guard let numbers = wordsOfTerm[Array(folded)] else { return }
        for number in numbers where words[number].fields.contains(field) { keys[number].append(next) }
    }
}

extension SearchIndex {
    /// `PostingsSource.proximityKeys` from the stored positions: one cursor per term id walks its
    /// postings once through the ascending documents.
    func proximityKeys(_ words: [ProximityBonus.Word], documents: [Int32], articles: ArticleTable) -> [[[UInt64]]] {
        var keys = [[[UInt64]]](repeating: Array(repeating: [], count: words.count), count: documents.count)
        withExtendedLifetime(self) {
            for (number, word) in words.enumerated() {
                for id in word.ids {
                    var cursor = PositionCursor(term: id, in: self)
                    for (slot, document) in documents.enumerated() where cursor.seek(Int(document)) {
                        var reader = cursor.positions(in: word.fields)
                        while let key = reader.next() { keys[slot][number].append(key) }
                    }
                }
                if word.ids.count > 1 {
                    for slot in documents.indices { keys[slot][number].sort() }
                }
            }
        }
        return keys
    }
}
