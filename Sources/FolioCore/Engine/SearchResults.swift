/// One ranked match.
public struct SearchMatch: Sendable, Equatable {
    /// The article's number in its engine.
    public var article: Int
    public var score: Float
    /// Found only by the typo tier or as a partial match (ranked after every exact match).
    public var isFuzzy: Bool
    /// A partial match: the query's word (or phrase, folded) this article lacks; it holds all the
    /// others. Nil for exact and typo matches.
    public var missing: String?

    public init(article: Int, score: Float, isFuzzy: Bool, missing: String? = nil) {
        self.article = article
        self.score = score
        self.isFuzzy = isFuzzy
        self.missing = missing
    }

    /// Holds every word of the query but one (`missing`).
    public var isPartial: Bool { missing != nil }
}

/// What one search gives a front end: the matches in list order, read window by window, their exact
/// count, and what the engine needs to find their hits when rows are drawn (only for the rows shown).
public struct SearchResults: Sendable {
    public var query: Query
    /// The matches in list order: exact ones first, then the typo tier's.
    public var list: ArticleList
    public var seconds: Double
    /// Answered by reading every article because the index was still being built (no typo tier).
    public var byScan: Bool
    /// Opaque to front ends: what the engine that answered reads to find this query's hits in an
    /// article (`SearchEngine.rowHits`, `hits`).
    public let highlighting: any Sendable
    /// When nothing matched, the words to change for a query that finds something ("did you mean"):
    /// folded word as typed → the corpus's nearest word. Empty when the engine has none to offer
    /// (another engine may never fill it).
    public var corrections: [String: String] = [:]

    public init(query: Query, list: ArticleList, seconds: Double, byScan: Bool = false, highlighting: any Sendable) {
        self.query = query
        self.list = list
        self.seconds = seconds
        self.byScan = byScan
        self.highlighting = highlighting
    }

    public var isEmpty: Bool { list.isEmpty }

    /// "Did you mean": `text` (the query as typed) with `corrections` made; nil when there are none.
    public func suggestion(for text: String) -> String? { QuerySuggestion.apply(corrections, to: text) }

    /// Every match in order, as an array: reads all of them (a front end that shows a screen at a
    /// time reads `list` instead).
    public var matches: [SearchMatch] { list.allMatches() }
}

/// How the list is ordered when there is no query to rank by (or when the user asks).
public enum ListOrder: String, Sendable, CaseIterable, Codable {
    case relevance, date, title, source
}

/// Where a query matched in one article: UTF-8 byte ranges, sorted and merged.
public struct ArticleHits: Sendable, Equatable {
    public var title: [Range<Int>]
    public var body: [Range<Int>]

    public init(title: [Range<Int>], body: [Range<Int>]) {
        self.title = title
        self.body = body
    }

    public static let none = ArticleHits(title: [], body: [])
}

/// What a list row shows of a query's hits: those in the title, and a snippet of the body around its hits.
public struct RowHits: Sendable, Equatable {
    /// UTF-8 byte ranges in the whole title.
    public var title: [Range<Int>]
    public var snippet: Snippet

    public init(title: [Range<Int>], snippet: Snippet) {
        self.title = title
        self.snippet = snippet
    }
}
