/// What a linear scan found: the same as the index's exact tier (`QueryEvaluator.evaluate` with
/// `typoTolerant: false`) and the matcher that highlights what matched.
struct ScanOutcome: Sendable {
    /// Matching documents with their scores, unordered (order them as the store orders the index's).
    var scored: [QueryEvaluator.Scored]
    var matcher: HitMatcher
}

/// Searches the articles by reading them all, for the seconds while the index is still being built:
/// every article is tokenized once per query, and the result is what the index would return, same
/// documents and same BM25 scores, so the list does not reshuffle when the index arrives.
///
/// It follows `QueryEvaluator` step by step on postings the scan gathers for the query's tokens only
/// (`ScanPostings`): the index's corpus statistics are all recomputed in the same pass (document
/// lengths, document frequencies, the prefix budget's choice). No typo tier: that waits for the index.
struct ScanEvaluator {
    let articles: ArticleTable

    init(articles: ArticleTable) { self.articles = articles }

    init(articles: [Article]) { self.articles = ArticleTable(articles) }

    /// Matching documents and the matcher for their highlights; nil when `isCancelled` turns true
    /// (a newer keystroke): it is asked every 256 articles.
    func evaluate(_ query: Query, isCancelled: () -> Bool) -> ScanOutcome? {
        // An empty or date-only query needs no pass: every (filtered) article, as the index lists them.
        guard !query.clauses.isEmpty || !query.exclusions.isEmpty else {
            let all = articles.indices.map { QueryEvaluator.Scored(document: Int32($0), score: 0) }
            return ScanOutcome(scored: datesFiltered(all, query), matcher: .empty)
        }
        guard let postings = ScanPostings.collect(articles, terms: ScanTermTable(query), isCancelled: isCancelled) else { return nil }
        let terms = postings.terms
        let resolved: QueryEvaluator.Resolution = zip(query.clauses, terms.clauseSlots).map { clause, slots in
            zip(clause.alternatives, slots).map { term, tokenSlots in (term, tokenSlots.map(terms.resolvedIDs(ofSlot:))) }
        }
        let exclusions = zip(query.exclusions, terms.exclusionSlots).map { term, tokenSlots in
            (term: term, ids: tokenSlots.map(terms.resolvedIDs(ofSlot:)))
        }
        var tokenizer = Tokenizer()
        var result: [QueryEvaluator.Scored]
        if query.clauses.isEmpty {
            result = articles.indices.map { QueryEvaluator.Scored(document: Int32($0), score: 0) }
        } else {
            guard let scored = score(resolved, postings, tokenizer: &tokenizer, isCancelled: isCancelled) else { return nil }
            result = scored
        }
        // Exclusions and date filters last, on the survivors only, as `QueryEvaluator.filter`.
        result = datesFiltered(result, query)
        if !exclusions.isEmpty && !result.isEmpty {
            guard let excluded = excluded(exclusions, postings, tokenizer: &tokenizer, isCancelled: isCancelled) else { return nil }
            result.removeAll { excluded.contains($0.document) }
        }
        return ScanOutcome(scored: result, matcher: Self.matcher(resolved, terms: terms))
    }

    /// `QueryEvaluator.evaluate` for a query with clauses: cheapest clause first, AND across clauses,
    /// BM25 summed over each clause's alternatives. Nil when cancelled.
    private func score(
        _ resolved: QueryEvaluator.Resolution, _ postings: ScanPostings, tokenizer: inout Tokenizer, isCancelled: () -> Bool
    ) -> [QueryEvaluator.Scored]? {
        let count = postings.documentCount
        let frequencies = postings.terms.documentFrequency
        func cost(_ alternatives: [(term: Query.Term, ids: [[Int]])]) -> Int {
            alternatives.reduce(0) { total, alternative in
                let perToken = alternative.ids.map { ids in ids.reduce(0) { $0 + Int(frequencies[$1]) } }
                return total + (alternative.term.isPhrase ? (perToken.min() ?? 0) : (perToken.first ?? 0))
            }
        }
        let order = resolved.indices.sorted { cost(resolved[$0]) < cost(resolved[$1]) }
        var matched = [UInt32](repeating: 0, count: count)
        var score = [Float](repeating: 0, count: count)
        var accumulator = ScanAccumulator(count: count)
        var first: [Int32] = []
        for (step, clauseNumber) in order.enumerated() {
            let required = UInt32(step)
            var any = false
            for (term, ids) in resolved[clauseNumber] {
                accumulator.collect(term: term, ids: ids, postings: postings)
                if term.isPhrase {
                    let kept = accumulator.keepPhrases(
                        term, articles: articles, alive: { matched[$0] >= required }, tokenizer: &tokenizer, isCancelled: isCancelled)
                    if !kept { return nil }
                }
                let idf = QueryEvaluator.idf(documents: count, frequency: accumulator.touched.count)
                for document in accumulator.touched {
                    let doc = Int(document)
                    let state = matched[doc]
                    if state >= required {
                        if state == required {
                            matched[doc] = required + 1
                            if step == 0 { first.append(document) }
                        }
                        let frequency = accumulator.frequency[doc]
                        score[doc] += idf * frequency * (QueryEvaluator.k1 + 1) / (frequency + postings.lengthNorm[doc])
                        any = true
                    }
                }
                accumulator.reset()
            }
            if !any { return [] }
        }
        let all = UInt32(order.count)
        return first.compactMap { matched[Int($0)] == all ? QueryEvaluator.Scored(document: $0, score: score[Int($0)]) : nil }
    }

    private func datesFiltered(_ candidates: [QueryEvaluator.Scored], _ query: Query) -> [QueryEvaluator.Scored] {
        guard !query.dateFilters.isEmpty else { return candidates }
        return candidates.filter { scored in
            let date = articles.date(at: Int(scored.document))
            return query.dateFilters.allSatisfy { $0.accepts(date) }
        }
    }

    /// Documents holding any exclusion (a phrase verified in them); nil when cancelled.
    private func excluded(
        _ exclusions: [(term: Query.Term, ids: [[Int]])], _ postings: ScanPostings, tokenizer: inout Tokenizer,
        isCancelled: () -> Bool
    ) -> Set<Int32>? {
        var excluded = Set<Int32>()
        var accumulator = ScanAccumulator(count: postings.documentCount)
        for (term, ids) in exclusions {
            accumulator.collect(term: term, ids: ids, postings: postings)
            if term.isPhrase {
                let kept = accumulator.keepPhrases(
                    term, articles: articles, alive: { _ in true }, tokenizer: &tokenizer, isCancelled: isCancelled)
                if !kept { return nil }
            }
            excluded.formUnion(accumulator.touched)
            accumulator.reset()
        }
        return excluded
    }

    /// `HitMatcher(resolved:index:)` with the scan's tokens: the words that matched, the prefixes as
    /// typed, the phrases.
    private static func matcher(_ resolved: QueryEvaluator.Resolution, terms: ScanTermTable) -> HitMatcher {
        var words = Set<[UInt8]>()
        var prefixes: [[UInt8]] = []
        var phrases: [PhraseMatcher] = []
        for clause in resolved {
            for (term, tokenIDs) in clause {
                if term.isPhrase {
                    phrases.append(PhraseMatcher(tokens: term.tokens, lastIsPrefix: term.isPrefix))
                    continue
                }
                if term.isPrefix { prefixes.append(term.tokens[0]) }
                for ids in tokenIDs {
                    for id in ids { words.insert(terms.token(id)) }
                }
            }
        }
        return HitMatcher(words: words, prefixes: prefixes, phrases: phrases)
    }
}
