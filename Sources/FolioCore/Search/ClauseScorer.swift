/// What scoring needs of an inverted index: the index itself, or the postings a scan gathered for
/// one query's tokens (`ScanPostings`) while the index is still being built.
protocol PostingsSource {
    var documentCount: Int { get }
    /// Documents holding term `id`.
    func documentFrequency(of id: Int) -> Int
    /// BM25's k1·(1 − b + b·dl/avgdl) for a document.
    func lengthNorm(of document: Int) -> Float
    /// (document, body tf, title tf) for every document holding term `id`, in document order.
    func forEachPosting(of id: Int, _ body: (Int, UInt32, UInt32) -> Void)
}

extension SearchIndex: PostingsSource {
    func documentFrequency(of id: Int) -> Int { Int(documentFrequency[id]) }
    func lengthNorm(of document: Int) -> Float { lengthNorm.base[document] }
}

/// The matching and BM25 scoring of a query's clauses and exclusions, written once for both the
/// index and the scan, so the two cannot drift apart (they must rank alike: DESIGN.md §4).
struct ClauseScorer<Source: PostingsSource> {
    let postings: Source
    let articles: ArticleTable

    /// Matching documents with their scores, unordered, for a query with at least one clause: the
    /// cheapest clause first (it fixes the candidates; later clauses skip what it rejected), AND
    /// across clauses, BM25 summed over each clause's alternatives. Nil when `isCancelled` (asked
    /// every 256 phrase candidates) turns true.
    func score(
        _ resolved: QueryEvaluator.Resolution, tokenizer: inout Tokenizer, isCancelled: () -> Bool
    ) -> [QueryEvaluator.Scored]? {
        let count = postings.documentCount
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
                accumulator.collect(term: term, ids: ids, postings: postings)
                if term.isPhrase {
                    let finished = accumulator.keepPhrases(
                        term, articles: articles, alive: { matched[$0] >= required }, tokenizer: &tokenizer, isCancelled: isCancelled)
                    if !finished { return nil }
                }
                let idf = QueryEvaluator.idf(documents: count, frequency: accumulator.touched.count)
                matched.withUnsafeMutableBufferPointer { matched in
                    score.withUnsafeMutableBufferPointer { score in
                        accumulator.frequency.withUnsafeBufferPointer { frequencies in
                            for document in accumulator.touched {
                                let doc = Int(document)
                                let state = matched[doc]
                                if state >= required {
                                    if state == required {
                                        matched[doc] = required + 1
                                        if step == 0 { first.append(document) }
                                    }
                                    let frequency = frequencies[doc]
                                    score[doc] += idf * frequency * (QueryEvaluator.k1 + 1) / (frequency + postings.lengthNorm(of: doc))
                                    any = true
                                }
                            }
                        }
                    }
                }
                accumulator.reset()
            }
            if !any { return [] }
        }
        let all = UInt32(order.count)
        return matched.withUnsafeBufferPointer { matched in
            score.withUnsafeBufferPointer { score in
                first.compactMap { matched[Int($0)] == all ? QueryEvaluator.Scored(document: $0, score: score[Int($0)]) : nil }
            }
        }
    }

    /// Documents holding any of the exclusions (a phrase verified in them); nil when cancelled.
    func excluded(
        _ exclusions: [(term: Query.Term, ids: [[Int]])], tokenizer: inout Tokenizer, isCancelled: () -> Bool
    ) -> Set<Int32>? {
        var excluded = Set<Int32>()
        var accumulator = Accumulator(count: postings.documentCount)
        for (term, ids) in exclusions {
            accumulator.collect(term: term, ids: ids, postings: postings)
            if term.isPhrase {
                let finished = accumulator.keepPhrases(
                    term, articles: articles, alive: { _ in true }, tokenizer: &tokenizer, isCancelled: isCancelled)
                if !finished { return nil }
            }
            excluded.formUnion(accumulator.touched)
            accumulator.reset()
        }
        return excluded
    }

    /// A clause's cost: its alternatives' postings; a phrase costs its rarest word (the intersection
    /// is at most that).
    private func cost(_ alternatives: [(term: Query.Term, ids: [[Int]])]) -> Int {
        alternatives.reduce(0) { total, alternative in
            let perToken = alternative.ids.map { ids in ids.reduce(0) { $0 + postings.documentFrequency(of: $1) } }
            return total + (alternative.term.isPhrase ? (perToken.min() ?? 0) : (perToken.first ?? 0))
        }
    }
}

/// Per-document term frequencies of one alternative, over a dense array reused across terms.
struct Accumulator {
    var frequency: [Float]
    var touched: [Int32] = []

    init(count: Int) { frequency = [Float](repeating: 0, count: count) }

    /// Adds up the (title-weighted) frequencies of every id; for a phrase, keeps the documents that
    /// hold all its tokens (verified later), scored on the sum of its tokens' frequencies.
    mutating func collect<Source: PostingsSource>(term: Query.Term, ids: [[Int]], postings: Source) {
        let weight = SearchIndex.titleWeight
        let titleOnly = term.titleOnly
        if ids.count == 1 {
            // The hot loop of every search (a prefix walks up to 250,000 postings): raw pointers, so
            // no bounds or uniqueness checks per posting.
            var touched = self.touched
            self.touched = []
            frequency.withUnsafeMutableBufferPointer { frequency in
                for id in ids[0] {
                    postings.forEachPosting(of: id) { document, body, title in
                        if titleOnly && title == 0 { return }
                        let value = (titleOnly ? 0 : Float(body)) + weight * Float(title)
                        if frequency[document] == 0 { touched.append(Int32(truncatingIfNeeded: document)) }
                        frequency[document] += value
                    }
                }
            }
            self.touched = touched
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
                postings.forEachPosting(of: id) { document, body, title in
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
    /// Many candidates are checked on all cores (reading their text is most of a phrase search).
    /// False when `isCancelled` turned true (asked every 256 candidates, from any of the workers).
    mutating func keepPhrases(
        _ term: Query.Term, articles: ArticleTable, alive: (Int) -> Bool, tokenizer: inout Tokenizer, isCancelled: () -> Bool
    ) -> Bool {
        let matcher = PhraseMatcher(tokens: term.tokens, lastIsPrefix: term.isPrefix)
        let documents = touched
        func occurrences(_ range: Range<Int>, _ tokenizer: inout Tokenizer) -> [Float]? {
            var found = [Float](repeating: 0, count: range.count)
            for (offset, position) in range.enumerated() {
                if offset % 256 == 255 && isCancelled() { return nil }
                let document = Int(documents[position])
                guard alive(document) else { continue }
                found[offset] = articles.withTitleAndBody(at: document) { title, body in
                    var count = SearchIndex.titleWeight * Float(matcher.occurrenceCount(inBytes: title, tokenizer: &tokenizer))
                    if !term.titleOnly { count += Float(matcher.occurrenceCount(inBytes: body, tokenizer: &tokenizer)) }
                    return count
                }
            }
            return found
        }
        let parts = documents.count >= Self.parallelPhraseCandidates
            ? Parallel.ranges(documents.count, parts: Parallel.workerCount) : [0..<documents.count]
        let results: [[Float]?] = parts.count == 1
            ? [occurrences(parts[0], &tokenizer)]
            : Parallel.map(parts.count) { part in
                var own = Tokenizer()
                return occurrences(parts[part], &own)
            }
        var kept: [Int32] = []
        for (range, found) in zip(parts, results) {
            guard let found else { return false }
            for (offset, position) in range.enumerated() {
                let document = documents[position]
                frequency[Int(document)] = found[offset]
                if found[offset] > 0 { kept.append(document) }
            }
        }
        touched = kept
        return true
    }

    /// From this many phrase candidates on, they are checked on all cores.
    static let parallelPhraseCandidates = 2048

    mutating func reset() {
        for document in touched { frequency[Int(document)] = 0 }
        touched.removeAll(keepingCapacity: true)
    }
}
