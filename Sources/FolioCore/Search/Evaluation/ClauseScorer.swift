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
    /// The folded bytes of term `id`.
    func term(_ id: Int) -> [UInt8]
    /// The index, when this source is one: phrases are then checked on its token positions
    /// (`PositionalPhraseMatcher`); nil for the scan, which checks them on the candidates' text.
    var positionalIndex: SearchIndex? { get }
    /// Adds the title-weighted frequencies of the terms `ids` into `frequency` (title occurrences
    /// only when `titleOnly`), and writes each document whose frequency was 0 to `touched`; returns
    /// how many it wrote. The hot loop of every search (a one-letter prefix walks 100,000s of postings).
    func accumulate(
        _ ids: [Int], titleOnly: Bool, into frequency: UnsafeMutableBufferPointer<Float>, touched: UnsafeMutableBufferPointer<Int32>
    ) -> Int
}

extension PostingsSource {
    func accumulate(
        _ ids: [Int], titleOnly: Bool, into frequency: UnsafeMutableBufferPointer<Float>, touched: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        var found = 0
        for id in ids {
            forEachPosting(of: id) { document, body, title in
                found = PostingsAccumulation.add(
                    document: document, body: body, title: title, titleOnly: titleOnly, frequency: frequency, touched: touched, found: found)
            }
        }
        return found
    }
}

/// The step `accumulate` takes per posting, written once for the index's inlined loop and the
/// closure-based one of other sources.
enum PostingsAccumulation {
    @inline(__always)
    static func add(
        document: Int, body: UInt32, title: UInt32, titleOnly: Bool, frequency: UnsafeMutableBufferPointer<Float>,
        touched: UnsafeMutableBufferPointer<Int32>, found: Int
    ) -> Int {
        if titleOnly && title == 0 { return found }
        let value = (titleOnly ? 0 : Float(body)) + SearchIndex.titleWeight * Float(title)
        var found = found
        if frequency[document] == 0 {
            // More documents than the postings counted: a damaged index, not a write past the end.
            precondition(found < touched.count, "postings disagree with their document frequencies")
            touched[found] = Int32(truncatingIfNeeded: document)
            found &+= 1
        }
        frequency[document] += value
        return found
    }
}

extension SearchIndex: PostingsSource {
    func documentFrequency(of id: Int) -> Int { Int(documentFrequency[id]) }
    func lengthNorm(of document: Int) -> Float { lengthNorm.base[document] }
    func term(_ id: Int) -> [UInt8] { terms.term(id) }
    var positionalIndex: SearchIndex? { self }

    /// The postings walked in place, the step inlined: through `forEachPosting` the per-posting
    /// closure stayed a call (a fifth of a one-letter keystroke at a million articles).
    func accumulate(
        _ ids: [Int], titleOnly: Bool, into frequency: UnsafeMutableBufferPointer<Float>, touched: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        var found = 0
        postings.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            for (number, id) in ids.enumerated() {
                var position = postingsStart.base[id]
                let end = postingsStart.base[id + 1]
                var document = -1
                if number == 0 && !titleOnly {
                    // The first term meets only zeros, one posting per document: no frequency to read
                    // first (a one-letter word like "i" has a posting in nearly every document).
                    while position < end {
                        document += Int(VarInt.read(base, at: &position))
                        let body = VarInt.read(base, at: &position)
                        let title = VarInt.read(base, at: &position)
                        precondition(found < touched.count, "postings disagree with their document frequencies")
                        frequency[document] = Float(body) + SearchIndex.titleWeight * Float(title)
                        touched[found] = Int32(truncatingIfNeeded: document)
                        found &+= 1
                    }
                    continue
                }
                while position < end {
                    document += Int(VarInt.read(base, at: &position))
                    let body = VarInt.read(base, at: &position)
                    let title = VarInt.read(base, at: &position)
                    found = PostingsAccumulation.add(
                        document: document, body: body, title: title, titleOnly: titleOnly, frequency: frequency, touched: touched,
                        found: found)
                }
            }
        }
        return found
    }
}

/// The matching and BM25 scoring of a query's clauses and exclusions, written once for both the
/// index and the scan, so the two cannot drift apart (they must rank alike: DESIGN.md §4).
struct ClauseScorer<Source: PostingsSource> {
    let postings: Source
    let articles: ArticleTable

    /// Matching documents with their scores, unordered, for a query with at least one clause: the
    /// cheapest clause first (it fixes the candidates; later clauses skip what it rejected), AND
    /// across clauses, BM25 summed over each clause's alternatives. Nil when `isCancelled` (asked
    /// every 256 phrase candidates or position blocks) turns true. Works in `scratch` (one entry per
    /// document) and leaves it all zeros, whichever way it returns.
    func score(
        _ resolved: QueryEvaluator.Resolution, tokenizer: inout Tokenizer, scratch: inout SearchScratch,
        isCancelled: () -> Bool
    ) -> [QueryEvaluator.Scored]? {
        let count = postings.documentCount
        precondition(scratch.count == count, "scratch for another corpus size")
        let order = resolved.indices.sorted { cost(resolved[$0]) < cost(resolved[$1]) }
        // How many clauses each document has matched so far; 32 bits, since a pasted query can
        // have more words than a 16-bit count holds (that overflowed and crashed).
        var matched: [UInt32] = [], score: [Float] = []
        swap(&matched, &scratch.matched)
        swap(&score, &scratch.score)
        var accumulator = Accumulator(taking: &scratch)
        // Every document the first clause matched: the only ones whose count and score are set.
        var first: [Int32] = []
        defer {
            accumulator.giveBack(to: &scratch)
            SearchScratch.clear(&matched, at: first)
            SearchScratch.clear(&score, at: first)
            swap(&matched, &scratch.matched)
            swap(&score, &scratch.score)
        }
        if resolved.count == 1 && resolved[0].count == 1 {
            // One word or phrase, as while the first word is typed: every document it touches
            // matches, so no per-document clause count or running score is needed.
            let (term, ids) = resolved[0][0]
            guard collectWhole(term, ids: ids, into: &accumulator, tokenizer: &tokenizer, isCancelled: isCancelled) else {
                return nil
            }
            return accumulator.scored(idf: QueryEvaluator.idf(documents: count, frequency: accumulator.touched.count), postings: postings)
        }
        for (step, clauseNumber) in order.enumerated() {
            let required = UInt32(step)
            var any = false
            for (term, ids) in resolved[clauseNumber] {
                accumulator.collect(term: term, ids: ids, postings: postings)
                if term.isPhrase {
                    let finished = accumulator.keepPhrases(
                        term, ids: ids, postings: postings, articles: articles, alive: { matched[$0] >= required },
                        tokenizer: &tokenizer, isCancelled: isCancelled)
                    if !finished { return nil }
                }
                let idf = QueryEvaluator.idf(documents: count, frequency: accumulator.touched.count)
                if step == 0 { first.reserveCapacity(first.count + accumulator.touched.count) }
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

    /// Removes from `candidates` the documents holding any of the exclusions (a phrase verified in
    /// them); false when cancelled. Marks the excluded in `scratch` (a set of 100,000s of documents
    /// was most of a `-word` keystroke) and clears the marks again.
    /// Every document `term` touches into `accumulator`; for a phrase, only those holding it in
    /// order. False when cancelled midway.
    private func collectWhole(
        _ term: Query.Term, ids: [[Int]], into accumulator: inout Accumulator, tokenizer: inout Tokenizer,
        isCancelled: () -> Bool
    ) -> Bool {
        accumulator.collect(term: term, ids: ids, postings: postings)
        guard term.isPhrase else { return true }
        return accumulator.keepPhrases(
            term, ids: ids, postings: postings, articles: articles, alive: { _ in true },
            tokenizer: &tokenizer, isCancelled: isCancelled)
    }

    func removeExcluded(
        _ exclusions: [(term: Query.Term, ids: [[Int]])], from candidates: inout [QueryEvaluator.Scored],
        tokenizer: inout Tokenizer, scratch: inout SearchScratch, isCancelled: () -> Bool
    ) -> Bool {
        precondition(scratch.count == postings.documentCount, "scratch for another corpus size")
        var excluded: [UInt8] = []
        swap(&excluded, &scratch.excluded)
        var accumulator = Accumulator(taking: &scratch)
        var marked: [Int32] = []
        defer {
            accumulator.giveBack(to: &scratch)
            SearchScratch.clear(&excluded, at: marked)
            swap(&excluded, &scratch.excluded)
        }
        for (term, ids) in exclusions {
            guard collectWhole(term, ids: ids, into: &accumulator, tokenizer: &tokenizer, isCancelled: isCancelled) else {
                return false
            }
            excluded.withUnsafeMutableBufferPointer { excluded in
                for document in accumulator.touched where excluded[Int(document)] == 0 {
                    excluded[Int(document)] = 1
                    marked.append(document)
                }
            }
            accumulator.reset()
        }
        excluded.withUnsafeBufferPointer { excluded in
            candidates.removeAll { excluded[Int($0.document)] != 0 }
        }
        return true
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
