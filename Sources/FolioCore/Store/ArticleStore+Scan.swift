import Foundation

extension ArticleStore {
    /// A search answered by reading every article (`ScanEvaluator`), for while the index is built:
    /// the same matches, scores and order as the index's exact tier (no typo tier). Nil once
    /// `isCancelled` turns true.
    func scanSearch(_ query: Query, sort: ListOrder, isCancelled: () -> Bool) -> SearchResults? {
        let started = DispatchTime.now()
        guard var outcome = ScanEvaluator(articles: articles).evaluate(query, isCancelled: isCancelled) else { return nil }
        let effectiveSort: ListOrder = query.clauses.isEmpty && sort == .relevance ? .date : sort
        order(&outcome.scored, by: effectiveSort)
        var results = SearchResults(
            query: query, matches: outcome.scored.map { SearchMatch(article: Int($0.document), score: $0.score, isFuzzy: false) },
            matcher: outcome.matcher, seconds: started.secondsSince)
        results.byScan = true
        return results
    }
}
