extension Query.Filter {
    /// Drops the candidates that fail any of `filters`, keeping the others in order: where the
    /// index's and the scan's matches are filtered (`ClauseScorer.matches`, and the scan of a query
    /// with nothing to match).
    static func apply(_ filters: [Query.Filter], to candidates: inout [QueryEvaluator.Scored], articles: ArticleTable) {
        guard !filters.isEmpty else { return }
        var tokenizer = Tokenizer()
        candidates.removeAll { scored in
            !filters.allSatisfy { $0.accepts(Int(scored.document), in: articles, tokenizer: &tokenizer) }
        }
    }
}
