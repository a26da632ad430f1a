// Stage: scan. Answers a query by reading every article while the index is still being built,
// with the same matches and scores as the index's exact tier.

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
        // An empty or filter-only query needs no pass: every (filtered) article, as the index lists them.
        guard !query.clauses.isEmpty || !query.exclusions.isEmpty else {
            var all = articles.indices.map { QueryEvaluator.Scored(document: Int32($0), score: 0) }
            Query.Filter.apply(query.filters, to: &all, articles: articles)
            return ScanOutcome(scored: all, matcher: .empty)
        }
        guard let postings = ScanPostings.collect(articles, terms: ScanTermTable(query), isCancelled: isCancelled) else {
            return nil
        }
        let terms = postings.terms
        let resolved: QueryEvaluator.Resolution = zip(query.clauses, terms.clauseSlots).map { clause, slots in
            zip(clause.alternatives, slots).map { term, tokenSlots in (term, tokenSlots.map(terms.resolvedIDs(ofSlot:))) }
        }
        let exclusions = zip(query.exclusions, terms.exclusionSlots).map { term, tokenSlots in
            (term: term, ids: tokenSlots.map(terms.resolvedIDs(ofSlot:)))
        }
        var tokenizer = Tokenizer()
        // The index's own matching and scoring, on the scan's postings.
        let scorer = ClauseScorer(postings: postings, articles: articles)
        // Its own scratch: the scan is rare (while the index builds) and reads every article anyway.
        var scratch = SearchScratch(count: postings.documentCount)
        guard
            let scored = scorer.matches(
                resolved, exclusions: exclusions, filters: query.filters, tokenizer: &tokenizer, scratch: &scratch,
                isCancelled: isCancelled)
        else { return nil }
        return ScanOutcome(scored: scored, matcher: HitMatcher(resolved: resolved, termBytes: terms.token))
    }
}
