/// The partial tier of a search (Documentation/architecture.md §6): when the whole query finds fewer
/// than `EmbeddedEngine.fewResults` articles, those holding every word but one follow the exact and
/// typo matches, each marked with the word it lacks, so a stray or misremembered word never empties
/// the list.
struct PartialMatches: Sendable {
    /// Queries with more words than this get no partial tier: each word left out is one more
    /// evaluation, and a pasted paragraph is no half-remembered query.
    static let maximumClauses = 12

    /// Each clause as the row shows what is missing: its words, alternatives joined by "OR".
    let words: [String]
    /// Per document, 1 + the clause it lacks; 0 for documents not in the tier.
    private let clauseOf: [UInt8]

    /// The word article `document` lacks; nil when it is not a partial match.
    func word(missingFrom document: Int32) -> String? {
        let clause = Int(clauseOf[Int(document)])
        return clause == 0 ? nil : words[clause - 1]
    }

    /// The documents matching every clause of `query` but one, not in `seen`, scored on the clauses
    /// they hold (so an article lacking a common word ranks above one lacking a rare one), with the
    /// marks that say which; nil when there are none. `resolved` is the query's resolution, each
    /// clause evaluated without one of its entries in turn.
    static func find(
        _ query: Query, resolved: QueryEvaluator.Resolution, evaluator: QueryEvaluator, seen: Set<Int32>
    ) -> (scored: [QueryEvaluator.Scored], marks: PartialMatches)? {
        guard (2...maximumClauses).contains(query.clauses.count) else { return nil }
        var found: [QueryEvaluator.Scored] = []
        var clauseOf: [UInt8] = []
        for dropped in query.clauses.indices {
            var rest = query
            rest.clauses.remove(at: dropped)
            var restResolved = resolved
            restResolved.remove(at: dropped)
            // A document holding all but one clause, for two different clauses, holds them all:
            // the sets are disjoint, and none is an exact match.
            for match in evaluator.evaluate(rest, resolved: restResolved) where !seen.contains(match.document) {
                if clauseOf.isEmpty { clauseOf = [UInt8](repeating: 0, count: evaluator.index.documentCount) }
                clauseOf[Int(match.document)] = UInt8(dropped + 1)
                found.append(match)
            }
        }
        guard !found.isEmpty else { return nil }
        let words = query.clauses.map { $0.alternatives.map(\.text).joined(separator: " OR ") }
        return (found, PartialMatches(words: words, clauseOf: clauseOf))
    }
}
