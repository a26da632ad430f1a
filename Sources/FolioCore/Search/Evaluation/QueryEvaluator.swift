// Stage: evaluation. Matches and scores resolved clauses (BM25, AND across clauses, OR within one),
// checks phrases, applies exclusions and filters; `ClauseScorer` serves the index and the scan alike.

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
        let resolver = TermResolver(index: index)
        let scorer = ClauseScorer(postings: index, articles: store.articles)
        var tokenizer = Tokenizer()
        var scratch = store.scratchShelf.borrow(count: index.documentCount)
        defer { store.scratchShelf.giveBack(scratch) }
        var candidates: [Scored]
        if query.clauses.isEmpty {
            candidates = (0..<index.documentCount).map { Scored(document: Int32($0), score: 0) }
        } else {
            // Not cancellable, so never nil.
            candidates = scorer.score(resolved, tokenizer: &tokenizer, scratch: &scratch, isCancelled: { false })!
        }
        // Exclusions and date filters last, on the survivors only.
        if !query.dateFilters.isEmpty {
            candidates.removeAll { scored in
                let date = store.date(of: Int(scored.document))
                return !query.dateFilters.allSatisfy { $0.accepts(date) }
            }
        }
        if !query.exclusions.isEmpty && !candidates.isEmpty {
            let exclusions = query.exclusions.map { (term: $0, ids: resolver.resolve($0)) }
            // Not cancellable, so always finishes.
            _ = scorer.removeExcluded(exclusions, from: &candidates, tokenizer: &tokenizer, scratch: &scratch, isCancelled: { false })
        }
        return candidates
    }

    static func idf(documents: Int, frequency: Int) -> Float {
        let n = Float(documents), df = Float(frequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }
}
