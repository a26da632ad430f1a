/// The matching and BM25 scoring of a query's clauses and exclusions, written once for both the
/// index and the scan, so the two cannot drift apart (they must rank alike: Documentation/architecture.md §6).
struct ClauseScorer<Source: PostingsSource> {
    let postings: Source
    let articles: ArticleTable

    /// The query's matches with their scores, unordered: its clauses scored (every document when it
    /// has none), then its filters and exclusions applied to the survivors only, then the best of
    /// them given their proximity bonus (`ProximityBonus`). The index and the
    /// scan both filter here. Nil when `isCancelled` turned true; `scratch` as `score` leaves it.
    func matches(
        _ resolved: QueryEvaluator.Resolution, exclusions: [(term: Query.Term, ids: [[Int]])], filters: [Query.Filter],
        tokenizer: inout Tokenizer, scratch: inout SearchScratch, isCancelled: () -> Bool
    ) -> [QueryEvaluator.Scored]? {
        var candidates: [QueryEvaluator.Scored]
        if resolved.isEmpty {
            candidates = (0..<postings.documentCount).map { QueryEvaluator.Scored(document: Int32($0), score: 0) }
        } else {
            guard let scored = score(resolved, tokenizer: &tokenizer, scratch: &scratch, isCancelled: isCancelled) else {
                return nil
            }
            candidates = scored
        }
        Query.Filter.apply(filters, to: &candidates, articles: articles)
        if !exclusions.isEmpty && !candidates.isEmpty {
            guard
                removeExcluded(exclusions, from: &candidates, tokenizer: &tokenizer, scratch: &scratch, isCancelled: isCancelled)
            else { return nil }
        }
        if !resolved.isEmpty {
            ProximityBonus(resolved, postings: postings).apply(to: &candidates, postings: postings, articles: articles)
        }
        return candidates
    }

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
        // have more words than a 16-bit count holds.
        var matched: [UInt32] = []
        var score: [Float] = []
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
            return accumulator.scored(idf: BM25.idf(documents: count, frequency: accumulator.touched.count), postings: postings)
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
                let idf = BM25.idf(documents: count, frequency: accumulator.touched.count)
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
                                    score[doc] += BM25.score(
                                        idf: idf, frequency: frequency, lengthNorm: postings.lengthNorm(of: doc))
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

    /// Removes from `candidates` the documents holding any of the exclusions (a phrase verified in
    /// them); false when cancelled. Marks the excluded in `scratch` rather than a `Set` (a common
    /// excluded word holds 100,000s of documents to hash) and clears the marks again.
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
