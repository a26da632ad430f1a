import Foundation

extension ArticleStore {
    /// A search answered by reading every article (`ScanEvaluator`), for while the index is built:
    /// the same matches, scores and order as the index's exact tier (no typo tier). Nil once
    /// `isCancelled` turns true.
    func scanSearch(_ query: Query, sort: ListOrder, isCancelled: () -> Bool) -> SearchResults? {
        let started = DispatchTime.now()
        guard let outcome = ScanEvaluator(articles: articles).evaluate(query, isCancelled: isCancelled) else { return nil }
        let effectiveSort: ListOrder = query.clauses.isEmpty && sort == .relevance ? .date : sort
        var results = SearchResults(
            query: query, list: list(exact: outcome.scored, fuzzy: [], sort: effectiveSort),
            matcher: outcome.matcher, seconds: started.secondsSince)
        results.byScan = true
        return results
    }
}
