import FolioCore
import Foundation

extension XapianEngine {
    /// How many of an article's most distinctive words make its "more like this" query, as in the
    /// embedded engine.
    static let relatedWordCount = 20

    /// "More like this" (Documentation/architecture.md §9): Xapian's relevance feedback names the
    /// article's most distinctive words (an expand set of the article alone, by the databases' own
    /// statistics, so remote shards take part), which run as one OR clause ranked by BM25 like any
    /// query, the article itself left out. Nil for an article with no such word or when no shard
    /// answers.
    public func related(to number: Int, limit: Int) -> SearchResults? {
        guard number >= 0, limit > 0 else { return nil }
        let started = DispatchTime.now()
        do {
            let words = try reader.relatedWords(of: number, limit: Self.relatedWordCount)
            guard !words.isEmpty else { return nil }
            let query = Query(clauses: [Query.Clause(words.map { Query.Term(tokens: [$0]) })])
            let matches = try reader.enquire(query, sort: .relevance)
            // `folio search --related ID --limit 0` asks for every article: no more rows than there are.
            let wanted = min(limit, documentCount) + 1
            let rows = try matches.window(from: 0, count: wanted).filter { $0.article != number }.prefix(limit)
            for match in rows.prefix(Self.prefetchedRows) { _ = fetch(match.article) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            return SearchResults(
                query: query, list: ArticleList(rows: XapianMatchRows(Array(rows))), seconds: seconds, highlighting: query)
        } catch {
            report(error)
            return nil
        }
    }
}
