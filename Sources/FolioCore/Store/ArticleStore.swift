import Foundation

/// A loaded corpus and its index: the one API every front end uses (TUI, CLI, tests, benchmarks).
/// Immutable after creation, so any thread may search it at once.
public final class ArticleStore: Sendable {
    /// Articles in id order; `SearchResults` refer to them by position.
    public let articles: [Article]
    public let index: SearchIndex
    public let report: LoadReport
    /// Where the corpus came from, for display ("Data", "/srv/news").
    public let name: String
    /// Sort keys computed once: date ordinal (Int.min for none) and position in title order.
    let dateKey: [Int]
    let titleRank: [Int32]
    private let positionByID: [String: Int]

    public init(articles: [Article], report: LoadReport = LoadReport(), name: String = "corpus") {
        let started = DispatchTime.now()
        self.articles = articles
        self.name = name
        index = IndexBuilder.build(articles)
        dateKey = articles.map { $0.date?.ordinal ?? Int.min }
        var rank = [Int32](repeating: 0, count: articles.count)
        // Lower-cased bytes compare fast and well enough for titles; locale collation (Foundation)
        // was most of the store's set-up time.
        let titleKeys = articles.map { Array($0.title.lowercased().utf8) }
        let byTitle = articles.indices.sorted { a, b in
            titleKeys[a] != titleKeys[b]
                ? titleKeys[a].lexicographicallyPrecedes(titleKeys[b])
                : articles[a].id.utf8.lexicographicallyPrecedes(articles[b].id.utf8)
        }
        for (position, article) in byTitle.enumerated() { rank[article] = Int32(position) }
        titleRank = rank
        positionByID = Dictionary(articles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var report = report
        report.indexSeconds = started.secondsSince
        report.articleCount = articles.count
        self.report = report
    }

    /// Loads and indexes the corpus at `path` (a folder, searched recursively, or one file).
    public static func load(path: String, options: LoadOptions = LoadOptions()) throws(CorpusError) -> ArticleStore {
        let (articles, report) = try CorpusLoader(options: options).load(path: path)
        return ArticleStore(articles: articles, report: report, name: CorpusScanner.displayName(ofFolder: path))
    }

    /// Loads and indexes in-memory documents (the built-in corpus, tests).
    public static func load(documents: [CorpusLoader.Document], name: String, options: LoadOptions = LoadOptions()) -> ArticleStore {
        let (articles, report) = CorpusLoader(options: options).load(documents: documents)
        return ArticleStore(articles: articles, report: report, name: name)
    }

    /// The position of the article with this id (its path relative to the corpus root).
    public func position(ofID id: String) -> Int? { positionByID[id] }

    public func article(withID id: String) -> Article? { position(ofID: id).map { articles[$0] } }
}
