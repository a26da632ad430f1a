import Foundation

/// Runs a parsed query against the index: BM25 (k1 1.2, b 0.75) with the title weighted, AND across
/// clauses, OR within one, phrases verified on the candidates, exclusions and date filters last.
struct QueryEvaluator {
    let store: ArticleStore
    /// Fetched once: the store hands its index out under a lock (it may still be building).
    let index: SearchIndex

    init(store: ArticleStore) {
        self.store = store
        index = store.index
    }

    static let k1: Float = 1.2
    static let b: Float = 0.75

    struct Scored { var document: Int32; var score: Float }

    /// Per clause, each alternative with the raw term ids of each of its tokens.
    typealias Resolution = [[(term: Query.Term, ids: [[Int]])]]

    /// Resolves every alternative of every clause once; the search and its `HitMatcher` share the
    /// result, since the typo tier's dictionary scan is most of a search's time.
    func resolve(_ query: Query, typoTolerant: Bool) -> Resolution {
        let resolver = TermResolver(index: index)
        return query.clauses.map { clause in
            clause.alternatives.map { ($0, resolver.resolve($0, typoTolerant: typoTolerant)) }
        }
    }

    /// Matching documents with their scores, unordered.
    func evaluate(_ query: Query, typoTolerant: Bool) -> [Scored] {
        evaluate(query, resolved: resolve(query, typoTolerant: typoTolerant))
    }

    /// Matching documents with their scores, unordered, for clauses already resolved.
    func evaluate(_ query: Query, resolved: Resolution) -> [Scored] {
        let count = index.documentCount
        let resolver = TermResolver(index: index)
        var tokenizer = Tokenizer()
        var candidates: [Scored]
        if query.clauses.isEmpty {
            candidates = (0..<count).map { Scored(document: Int32($0), score: 0) }
        } else {
            // Run the cheapest clause first: it fixes the candidates, and later clauses skip
            // everything it rejected.
            let order = resolved.indices.sorted { cost(resolved[$0]) < cost(resolved[$1]) }
            // How many clauses each document has matched so far; 32 bits, since a pasted query can
            // have more words than a 16-bit count holds (that overflowed and crashed).
            var matched = [UInt32](repeating: 0, count: count)
            var score = [Float](repeating: 0, count: count)
            var accumulator = Accumulator(count: count)
            var first: [Int32] = []
            for (step, clauseNumber) in order.enumerated() {
                let required = UInt32(step)
                var any = false
                for (term, ids) in resolved[clauseNumber] {
                    accumulator.collect(term: term, ids: ids, index: index)
                    if term.isPhrase {
                        accumulator.keepPhrases(term, store: store, alive: { matched[$0] >= required }, tokenizer: &tokenizer)
                    }
                    let idf = Self.idf(documents: count, frequency: accumulator.touched.count)
                    for document in accumulator.touched {
                        let doc = Int(document)
                        let state = matched[doc]
                        if state >= required {
                            if state == required {
                                matched[doc] = required + 1
                                if step == 0 { first.append(document) }
                            }
                            let frequency = accumulator.frequency[doc]
                            score[doc] += idf * frequency * (Self.k1 + 1) / (frequency + index.lengthNorm[doc])
                            any = true
                        }
                    }
                    accumulator.reset()
                }
                if !any { return [] }
            }
            let all = UInt32(order.count)
            candidates = first.compactMap { matched[Int($0)] == all ? Scored(document: $0, score: score[Int($0)]) : nil }
        }
        return filter(candidates, query, resolver: resolver, tokenizer: &tokenizer)
    }

    /// Exclusions and date filters, applied to the surviving candidates only.
    private func filter(_ candidates: [Scored], _ query: Query, resolver: TermResolver, tokenizer: inout Tokenizer) -> [Scored] {
        var result = candidates
        if !query.dateFilters.isEmpty {
            result.removeAll { scored in
                let date = store.date(of: Int(scored.document))
                return !query.dateFilters.allSatisfy { $0.accepts(date) }
            }
        }
        if !query.exclusions.isEmpty && !result.isEmpty {
            var excluded = Set<Int32>()
            var accumulator = Accumulator(count: index.documentCount)
            for term in query.exclusions {
                accumulator.collect(term: term, ids: resolver.resolve(term), index: index)
                if term.isPhrase {
                    accumulator.keepPhrases(term, store: store, alive: { _ in true }, tokenizer: &tokenizer)
                }
                excluded.formUnion(accumulator.touched)
                accumulator.reset()
            }
            result.removeAll { excluded.contains($0.document) }
        }
        return result
    }

    private func cost(_ alternatives: [(term: Query.Term, ids: [[Int]])]) -> Int {
        alternatives.reduce(0) { total, alternative in
            // A phrase costs its rarest word (the intersection is at most that).
            let perToken = alternative.1.map { ids in ids.reduce(0) { $0 + Int(index.documentFrequency[$1]) } }
            return total + (alternative.0.isPhrase ? (perToken.min() ?? 0) : (perToken.first ?? 0))
        }
    }

    static func idf(documents: Int, frequency: Int) -> Float {
        let n = Float(documents), df = Float(frequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }
}

/// Per-document term frequencies of one alternative, over a dense array reused across terms.
struct Accumulator {
    var frequency: [Float]
    var touched: [Int32] = []

    init(count: Int) { frequency = [Float](repeating: 0, count: count) }

    /// Adds up the (title-weighted) frequencies of every id; for a phrase, keeps the documents that
    /// hold all its tokens (verified later), scored on the sum of its tokens' frequencies.
    mutating func collect(term: Query.Term, ids: [[Int]], index: SearchIndex) {
        let weight = SearchIndex.titleWeight
        let titleOnly = term.titleOnly
        if ids.count == 1 {
            for id in ids[0] {
                index.forEachPosting(of: id) { document, body, title in
                    if titleOnly && title == 0 { return }
                    let value = (titleOnly ? 0 : Float(body)) + weight * Float(title)
                    if frequency[document] == 0 { touched.append(Int32(document)) }
                    frequency[document] += value
                }
            }
            return
        }
        // A phrase: count, per document, how many of its tokens occur; keep those with all of them.
        // The count is a byte, so only the first 255 tokens pick the candidates (a pasted paragraph
        // can be longer); `keepPhrases` checks the whole phrase on them.
        let counted = ids.prefix(Int(UInt8.max))
        var tokensSeen = [UInt8](repeating: 0, count: frequency.count)
        var seenDocuments: [Int32] = []
        for (position, tokenIDs) in counted.enumerated() {
            for id in tokenIDs {
                index.forEachPosting(of: id) { document, body, title in
                    if titleOnly && title == 0 { return }
                    guard Int(tokensSeen[document]) >= position else { return }
                    if Int(tokensSeen[document]) == position {
                        tokensSeen[document] = UInt8(truncatingIfNeeded: position + 1)
                        if position == 0 { seenDocuments.append(Int32(document)) }
                    }
                    frequency[document] += (titleOnly ? 0 : Float(body)) + weight * Float(title)
                }
            }
        }
        for document in seenDocuments {
            if Int(tokensSeen[Int(document)]) == counted.count { touched.append(document) } else { frequency[Int(document)] = 0 }
        }
    }

    /// Drops touched documents where the phrase's tokens are not adjacent in title or body.
    /// Kept documents score on how often the phrase itself occurs (title occurrences weighted), not
    /// on its words' counts: "the son we almost had" twice outranks once, however many "the"s either has.
    mutating func keepPhrases(_ term: Query.Term, store: ArticleStore, alive: (Int) -> Bool, tokenizer: inout Tokenizer) {
        let matcher = PhraseMatcher(tokens: term.tokens, lastIsPrefix: term.isPrefix)
        var kept: [Int32] = []
        for document in touched {
            var occurrences: Float = 0
            if alive(Int(document)) {
                occurrences = store.articles.withTitleAndBody(at: Int(document)) { title, body in
                    var found = SearchIndex.titleWeight * Float(matcher.occurrenceCount(inBytes: title, tokenizer: &tokenizer))
                    if !term.titleOnly { found += Float(matcher.occurrenceCount(inBytes: body, tokenizer: &tokenizer)) }
                    return found
                }
            }
            frequency[Int(document)] = occurrences
            if occurrences > 0 { kept.append(document) }
        }
        touched = kept
    }

    mutating func reset() {
        for document in touched { frequency[Int(document)] = 0 }
        touched.removeAll(keepingCapacity: true)
    }
}
