/// Articles in list order (a search's matches, or the whole corpus), read row by row or window by
/// window from the engine's `ArticleRows`: the embedded engine orders its matches only as far as they
/// are read, a remote one fetches the windows asked for. Counting them is free.
///
/// A value: its rows never change once made; copies share the rows behind them, which any thread
/// may read. Exact matches come first, then the typo tier's, then partial matches (every word of
/// the query but one; `partialStart`).
public struct ArticleList: Sendable, RandomAccessCollection, Equatable {
    /// The engine's rows, for the engine that made them (`SearchEngine.settled`).
    public let rows: any ArticleRows
    public let count: Int
    /// How many leading rows are exact matches; the rest were found by the typo tier.
    public let exactCount: Int
    /// The first row of the partial matches (`SearchMatch.missing`); `count` when there are none.
    public let partialStart: Int
    /// How many rows there are likely to be when the engine has not counted them yet
    /// (`SearchEngine.searchFirst`): `count` is then only the rows known to exist. Nil when exact.
    public let estimatedCount: Int?

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public init(rows: any ArticleRows) {
        self.rows = rows
        count = rows.count
        exactCount = rows.exactCount
        partialStart = count - rows.partialCount
        estimatedCount = rows.estimatedCount
    }

    /// How many trailing rows are partial matches.
    public var partialCount: Int { count - partialStart }

    /// Articles already in order; the first `exactCount` are exact matches.
    public init(ordered articles: [Int], exactCount: Int? = nil) {
        self.init(rows: FixedRows(articles, exactCount: Swift.min(exactCount ?? articles.count, articles.count)))
    }

    /// The article at `position` (its number in the engine).
    public subscript(position: Int) -> Int { rows.match(at: position).article }

    /// The match at `position`, with its score and tier.
    public func match(at position: Int) -> SearchMatch { rows.match(at: position) }

    /// The matches in rows `window` (clamped to the list), in order.
    public func matches(in window: Range<Int>) -> [SearchMatch] { rows.matches(in: window.clamped(to: 0..<count)) }

    /// Every match, in order.
    public func allMatches() -> [SearchMatch] { rows.matches(in: 0..<count) }

    /// How many leading rows cost nothing more to read (ordered, or fetched).
    public var orderedCount: Int { rows.orderedCount }

    /// The row of `article`, nil when it is not in the list.
    public func position(of article: Int) -> Int? { rows.position(of: article) }

    /// The rows that pass `isIncluded`, in the same order.
    public func filtered(_ isIncluded: (Int) -> Bool) -> ArticleList { ArticleList(rows: rows.filtered(isIncluded)) }

    /// The rows a filter or a count over a remote engine's list reads (`SearchEngine.searchesInProcess`
    /// false): its rows come a window at a time from servers, and a list of millions must not come
    /// whole to the reading host on the reader's thread (architecture.md §9).
    public static let remoteFilterRows = 2_000

    /// The same rows backwards: the exact matches reversed, then the near ones reversed, so the
    /// first `exactCount` rows are still the exact ones. Reading the first row of a list ordered
    /// only as it is read orders it all.
    public func inReverse() -> ArticleList { ArticleList(rows: ReversedRows(rows)) }

    public static func == (a: ArticleList, b: ArticleList) -> Bool {
        a.rows === b.rows
            || (a.count == b.count && a.exactCount == b.exactCount
                && a.allMatches().elementsEqual(b.allMatches()) { $0.article == $1.article && $0.score == $1.score })
    }
}

/// Where an `ArticleList` reads its rows: an engine's list or result set. Rows are numbered from 0;
/// the first `exactCount` are exact matches. Read from any thread.
public protocol ArticleRows: AnyObject, Sendable {
    var count: Int { get }
    var exactCount: Int { get }
    /// How many trailing rows are partial matches (after the exact and the typo tier's).
    var partialCount: Int { get }
    /// How many leading rows cost nothing more to read.
    var orderedCount: Int { get }
    /// How many rows there are likely to be, while only `count` are known to exist; nil when `count`
    /// is exact (`ArticleList.estimatedCount`).
    var estimatedCount: Int? { get }
    func match(at row: Int) -> SearchMatch
    /// The matches in `rows` (within 0..<count), in order.
    func matches(in rows: Range<Int>) -> [SearchMatch]
    /// The row of `article`, nil when it is not among the rows.
    func position(of article: Int) -> Int?
    /// The rows whose article passes `isIncluded`, in the same order.
    func filtered(_ isIncluded: (Int) -> Bool) -> any ArticleRows
}

extension ArticleRows {
    /// Rows of an engine without partial matches.
    public var partialCount: Int { 0 }
    /// Rows counted exactly.
    public var estimatedCount: Int? { nil }
}

/// Rows given in order, all at once (a list kept across a corpus reload, tests).
final class FixedRows: ArticleRows {
    private let articles: [Int]
    let exactCount: Int

    init(_ articles: [Int], exactCount: Int) {
        self.articles = articles
        self.exactCount = exactCount
    }

    var count: Int { articles.count }
    var orderedCount: Int { articles.count }

    func match(at row: Int) -> SearchMatch {
        precondition(row >= 0 && row < articles.count, "article list index out of range")
        return SearchMatch(article: articles[row], score: 0, isFuzzy: row >= exactCount)
    }

    func matches(in rows: Range<Int>) -> [SearchMatch] { rows.map(match(at:)) }

    func position(of article: Int) -> Int? { articles.firstIndex(of: article) }

    func filtered(_ isIncluded: (Int) -> Bool) -> any ArticleRows {
        let kept = articles.enumerated().filter { isIncluded($0.element) }
        return FixedRows(kept.map(\.element), exactCount: kept.count { $0.offset < exactCount })
    }
}

/// Another list's rows backwards, exact and near parts each on their own (`ArticleList.inReverse`).
final class ReversedRows: ArticleRows {
    private let base: any ArticleRows

    init(_ base: any ArticleRows) { self.base = base }

    var count: Int { base.count }
    var exactCount: Int { base.exactCount }
    var orderedCount: Int { base.orderedCount == base.count ? base.count : 0 }
    var estimatedCount: Int? { base.estimatedCount }

    /// The base's row shown at `row` (the map is its own inverse).
    private func baseRow(_ row: Int) -> Int {
        let exact = base.exactCount
        return row < exact ? exact - 1 - row : exact + (base.count - 1 - row)
    }

    func match(at row: Int) -> SearchMatch { base.match(at: baseRow(row)) }

    func matches(in rows: Range<Int>) -> [SearchMatch] { rows.map(match(at:)) }

    func position(of article: Int) -> Int? { base.position(of: article).map(baseRow) }

    func filtered(_ isIncluded: (Int) -> Bool) -> any ArticleRows { ReversedRows(base.filtered(isIncluded)) }
}
