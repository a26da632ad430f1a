// The seam between front ends and search (issue #16): the reader, the CLI commands and folio-bench
// hold an `any SearchEngine` and none of the index behind it. `EmbeddedEngine` (the in-process index,
// with its snapshot, background build and scan) is the default; a remote engine implements the same.

/// A searchable corpus, as every front end uses it.
///
/// Articles are numbered 0..<`articleCount` in id order; rows, hits and fetches name them by number.
/// Lists and results come as `ArticleList`s, whose rows are read window by window, so a list of ten
/// million rows is never made whole for a screenful. Queries cross as parsed `Query` values; what
/// comes back is numbers, scores, counts, text and UTF-8 byte ranges, never an engine's term ids,
/// postings or files.
///
/// Any member may be called from any thread, several at once. `prepare` blocks until the engine is
/// ready, so it belongs on a thread of its own; `search` takes as long as the query does (a few ms
/// on the embedded index, a scan of every article while it builds), so a front end that must not
/// wait runs it off its UI thread and passes `isCancelled`.
public protocol SearchEngine: AnyObject, Sendable {
    /// Where the corpus came from, for display ("Data", "bbc").
    var name: String { get }
    var articleCount: Int { get }
    /// Article `number`, whole.
    func article(at number: Int) -> Article
    /// The id of article `number` without fetching the rest of it.
    func id(at number: Int) -> String
    /// The number of the article with this id (its path relative to the corpus root).
    func number(ofID id: String) -> Int?
    /// The other articles with the same title and text as article `number`, in id order; empty for
    /// most. Lists and counts show each group once: its first article by id, or, when a query's
    /// field (`source:`, `author:`) matches only later copies, the first of those.
    func copies(of number: Int) -> [Int]
    /// How many articles lists leave out as identical copies of another.
    var foldedCopyCount: Int { get }

    /// Every article in the given order (`.relevance`, having nothing to rank by, lists by date).
    func list(sort: ListOrder) -> ArticleList
    /// The articles matching `query` in the given order, with their exact count. Nil once
    /// `isCancelled` turned true (a newer keystroke made it pointless); it is asked as the search goes.
    func search(_ query: Query, sort: ListOrder, isCancelled: () -> Bool) -> SearchResults?
    /// The first rows of `search` as soon as they are certain, for a front end that shows a screen
    /// while the user types. An engine that must score every match to count them (Xapian,
    /// architecture.md §9) may answer with the count estimated (`ArticleList.estimatedCount`,
    /// `count` then the rows known to exist), to be made exact by `settled`. Default: `search`.
    func searchFirst(_ query: Query, sort: ListOrder, isCancelled: () -> Bool) -> SearchResults?
    /// The same results with their exact count, for results whose count was estimated; nil when
    /// cancelled, when the count is exact already, or when the engine could not count (it says why
    /// in `problem`).
    func settled(_ results: SearchResults, isCancelled: () -> Bool) -> SearchResults?
    /// For the rows on screen: each article's title hits and a snippet of about `snippetLength` bytes
    /// of its body around its hits, for the query of `results`.
    func rowHits(of articles: [Int], in results: SearchResults, snippetLength: Int) -> [RowHits]
    /// For the open article: its title and body hits for the query of `results`.
    func hits(of article: Int, in results: SearchResults) -> ArticleHits
    /// "More like this": up to `limit` articles most like article `number`, ranked, the article
    /// itself left out, as results whose hits highlight what they share with it. Nil when the
    /// engine cannot say (the embedded one: before its index is ready). Each engine chooses how
    /// (the embedded one: its most distinctive words as one OR query, ranked by BM25).
    func related(to number: Int, limit: Int) -> SearchResults?

    /// Whether searches are answered at full speed yet.
    var state: EngineState { get }
    /// Makes the engine ready (the embedded one builds or checks its index, then saves a snapshot if
    /// one is due). Blocks; returns at once when ready or when another thread is preparing it.
    func prepare()
    /// One search whose results are dropped, so that the first keystroke finds the search path warm.
    /// Blocks as long as a search does; does nothing while the engine is not ready.
    func warmUp()
    /// What loading found, and the time the index took once it is ready.
    var report: LoadReport { get }
    /// Sizes and where the index lives, for `folio stats`; waits until the engine is ready.
    var statistics: EngineStatistics { get }
    /// True once what the engine opened (the embedded one: its snapshot) was found damaged behind the
    /// list: its results may be wrong, so the corpus should be read again.
    var isDamaged: Bool { get }
    /// A line for the reader's status bar at start when the engine refused something worth knowing
    /// about (the embedded one: a snapshot not to be trusted); nil otherwise.
    var notice: String? { get }
    /// What is wrong now, for the status line while it lasts ("shard db2:7001 unavailable"); nil
    /// when nothing is. Read on the UI thread after each search, so it must not block.
    var problem: String? { get }
    /// True when a search is computed in this process (well under a frame for a small corpus, so a
    /// front end may run it inline); false when it may wait on a network or another process.
    var searchesInProcess: Bool { get }
}

extension SearchEngine {
    public var problem: String? { nil }

    /// Engines whose counts cost nothing extra answer `searchFirst` with the whole search.
    public func searchFirst(_ query: Query, sort: ListOrder, isCancelled: () -> Bool) -> SearchResults? {
        search(query, sort: sort, isCancelled: isCancelled)
    }

    public func settled(_ results: SearchResults, isCancelled: () -> Bool) -> SearchResults? { nil }
    public var searchesInProcess: Bool { true }

    /// An engine that does not fold identical articles lists every one.
    public func copies(of number: Int) -> [Int] { [] }
    public var foldedCopyCount: Int { 0 }

    /// Whether article `number` is an identical copy of an earlier one, which the list with no
    /// query leaves out.
    public func isCopy(_ number: Int) -> Bool { copies(of: number).first.map { $0 < number } ?? false }

    /// Parses and runs `text` to the end (not cancellable).
    public func search(_ text: String, mode: QueryParser.Mode = .complete, sort: ListOrder = .relevance) -> SearchResults {
        search(QueryParser.parse(text, mode: mode), sort: sort)
    }

    /// Runs `query` to the end (not cancellable).
    public func search(_ query: Query, sort: ListOrder = .relevance) -> SearchResults {
        // Not cancellable, so never nil.
        search(query, sort: sort, isCancelled: { false })!
    }

    public func article(withID id: String) -> Article? { number(ofID: id).map(article(at:)) }

    /// The snippet of one article for the query of `results`.
    public func snippet(of article: Int, in results: SearchResults, length: Int = 160) -> Snippet {
        rowHits(of: [article], in: results, snippetLength: length)[0].snippet
    }

    /// Every article's number in the given order, whole (`folio list`).
    public func listing(sort: ListOrder = .date) -> [Int] {
        list(sort: sort).allMatches().map(\.article)
    }
}
