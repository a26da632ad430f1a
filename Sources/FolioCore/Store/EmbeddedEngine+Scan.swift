import Foundation

extension EmbeddedEngine {
    /// A search answered by reading every article (`ScanEvaluator`), for while the index is built:
    /// the same matches, scores and order as the index's exact tier (no typo tier). Nil once
    /// `isCancelled` turns true.
    func scanSearch(_ query: Query, sort: ListOrder, isCancelled: () -> Bool) -> SearchResults? {
        let started = DispatchTime.now()
        guard let outcome = ScanEvaluator(articles: articles).evaluate(query, isCancelled: isCancelled) else { return nil }
        let effectiveSort: ListOrder = query.clauses.isEmpty && sort == .relevance ? .date : sort
        return SearchResults(
            query: query, list: orderedList(exact: outcome.scored, fuzzy: [], sort: effectiveSort),
            seconds: started.secondsSince, byScan: true, highlighting: outcome.matcher)
    }
}
