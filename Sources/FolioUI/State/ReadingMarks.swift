import FolioCore

/// What folio remembers about one article between sessions.
///
/// ReadingState's `ArticleState` has the same fields but stays its own type: FolioUI must not depend
/// on the SQLite store, nor the store on the UI (Package.swift), and sharing the type through
/// FolioCore would tie the store to the search engine for one struct. `folio` converts between the
/// two (StateKeeper.swift), keyed by article position here and by article id in the store.
public struct ArticleMarks: Sendable, Equatable {
    public var isRead: Bool
    public var isBookmarked: Bool
    /// The body offset (UTF-8) at the top of the reading pane when it was last left.
    public var position: Int?

    public init(isRead: Bool = false, isBookmarked: Bool = false, position: Int? = nil) {
        self.isRead = isRead
        self.isBookmarked = isBookmarked
        self.position = position
    }
}

/// Which articles the list shows.
public enum ListFilter: String, Sendable, CaseIterable {
    case all, unread, bookmarked
}

/// A change for the state store, sent to the run loop as an effect (reduce does no I/O).
public enum StateChange: Sendable, Equatable {
    case read(article: Int, Bool)
    /// Several articles marked read at once (`A`), saved in one transaction.
    case readMany(articles: [Int])
    case bookmarked(article: Int, Bool)
    case position(article: Int, offset: Int?)
    case lastSelected(article: Int?)
    case sort(ListOrder)
    case history(String)
}

/// Everything restored at start from the state store.
public struct SavedState: Sendable, Equatable {
    public var marks: [Int: ArticleMarks]
    public var lastSelected: Int?
    public var sort: ListOrder?
    public var history: [String]

    public init(marks: [Int: ArticleMarks] = [:], lastSelected: Int? = nil, sort: ListOrder? = nil, history: [String] = []) {
        self.marks = marks
        self.lastSelected = lastSelected
        self.sort = sort
        self.history = history
    }
}
