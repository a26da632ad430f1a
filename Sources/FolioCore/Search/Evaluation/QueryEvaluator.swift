// Stage: evaluation. Matches and scores resolved clauses (BM25, AND across clauses, OR within one),
// checks phrases, applies exclusions and filters; `ClauseScorer` serves the index and the scan alike.

import Foundation

/// Runs a parsed query against the index: BM25 with the title weighted, AND across clauses, OR
/// within one, phrases verified on the candidates, filters and exclusions last (`ClauseScorer`).
struct QueryEvaluator {
    let index: SearchIndex
    let articles: ArticleTable
    /// Lends each evaluation its corpus-sized arrays.
    let scratchShelf: ScratchShelf

    struct Scored {
        var document: Int32
        var score: Float
    }

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
        let scorer = ClauseScorer(postings: index, articles: articles)
        var tokenizer = Tokenizer()
        var scratch = scratchShelf.borrow(count: index.documentCount)
        defer { scratchShelf.giveBack(scratch) }
        let exclusions = query.exclusions.map { (term: $0, ids: resolver.resolve($0)) }
        // Not cancellable, so never nil.
        return scorer.matches(
            resolved, exclusions: exclusions, filters: query.filters, tokenizer: &tokenizer, scratch: &scratch,
            isCancelled: { false })!
    }
}
