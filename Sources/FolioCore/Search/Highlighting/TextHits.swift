/// A query's hits found in articles' own text, for an engine that keeps no index in this process
/// (a remote one, architecture.md §9): the scan's term resolution (`ScanEvaluator`) run over just
/// the articles on screen, so what is highlighted is what folio's own matching finds in them:
/// stem groups, the word being typed as a prefix, phrases.
public struct TextHits: Sendable {
    private let matcher: HitMatcher

    /// The hits of `query` in `articles` (the rows on screen, or the open article).
    public init(query: Query, in articles: [Article]) {
        guard !query.clauses.isEmpty, !articles.isEmpty else {
            matcher = .empty
            return
        }
        // Only the positive clauses are highlighted; exclusions and filters would only narrow.
        let positive = Query(clauses: query.clauses)
        matcher = ScanEvaluator(articles: articles).evaluate(positive, isCancelled: { false })?.matcher ?? .empty
    }

    /// UTF-8 byte ranges of the hits in `text`, sorted and merged.
    public func ranges(in text: String) -> [Range<Int>] { matcher.ranges(in: text) }

    /// About `length` bytes of `body` around its hits.
    public func snippet(of body: String, length: Int) -> Snippet { matcher.snippet(of: body, length: length) }
}
