import FolioCore

/// Everything the reader shows, as a value: `reduce` changes it, the views draw it.
public struct AppState: Sendable {
    /// The corpus and its search, through the engine seam only. Replaced whole (`corpusReplaced`)
    /// when the folder changed since the snapshot the reader opened.
    public internal(set) var engine: any SearchEngine
    public var width: Int
    public var height: Int
    public var focus: Focus = .list
    public var editor = QueryEditor()
    /// Queries submitted this session, oldest first; `historyIndex` walks it with Up/Down.
    public var history: [String] = []
    public var historyIndex: Int? = nil
    /// The text being edited before walking the history, restored when walking back past the end.
    public var historyDraft = ""
    /// The results of the current query; nil when the query is empty (the list is every article).
    public var results: SearchResults? = nil
    /// Article numbers (in `engine`) in list order, ordered only as far as they are read,
    /// since a search may hand over hundreds of thousands of matches and only the first screens show.
    public var rows: ArticleList
    /// How many of `rows` are exact matches (the rest come from the typo tier).
    public var exactCount: Int { rows.exactCount }
    public var selected = 0
    public var listOffset = 0
    public var sort: ListOrder = .relevance
    /// The list in the opposite order (`O`): newest last, Z to A, least relevant first.
    public var isReversed = false
    /// Only the articles of one source (`F`), if one was picked.
    public var sourceFilter: SourceFilter? = nil
    public var reader: ReaderState? = nil
    public var isZoomed = false
    public var isShowingHelp = false
    public var helpOffset = 0
    /// A one-line message for the status bar (errors, "no more hits"), cleared by the next key.
    public var message: String? = nil
    /// Restricted mode (SSH visitors): no pager, editor, command or suspend.
    public var isRestricted = false
    /// The keys in force (config.toml [keys] applied to the defaults); help is generated from it.
    public var keyMap: KeyMap = .standard
    public var layoutSettings: Layout.Settings = .standard
    /// Read marks, bookmarks and positions by article position (from the state store).
    public var marks: [Int: ArticleMarks] = [:]
    public var filter: ListFilter = .all
    /// How many articles of the corpus are marked read (kept with `marks`, for the status line's
    /// unread count without counting on every key).
    public internal(set) var readCount = 0
    /// Commands of the `|` prompt, oldest first (this session's; Up/Down walk them).
    public var pipeHistory: [String] = []
    /// The `|` command prompt, while it is open.
    public var prompt: PromptState? = nil
    /// The open article's link list (`u`), while it shows.
    public var linkList: LinkListState? = nil
    /// Bumped for every new query; results of an older one are dropped when they arrive.
    public var searchGeneration = 0
    /// The article the list should stay on when the next results arrive (set by re-sorting).
    public var articleToKeep: Int? = nil
    public var isSearching = false
    /// Enter (or Tab) came while the list still showed the rows of an earlier query: the article
    /// to open is the first of the results on their way, not the stale row under the selection.
    public var opensWhenResultsArrive = false
    /// How far the background index build is (0...1), nil once the index is ready. Until then
    /// searches scan the articles; the status line says "indexing 43%".
    public var indexingProgress: Double? = nil
    /// The folder changed since the snapshot the list was painted from: how far reading it again is
    /// (the status line says "folder changed: reading 43%"); nil when nothing is being re-read.
    public var reload: CorpusReload? = nil
    /// The list shows the articles like one article (the "related" key), with what it replaced.
    public var related: RelatedList? = nil
    public var shouldQuit = false

    public init(engine: any SearchEngine, width: Int, height: Int) {
        self.engine = engine
        self.width = width
        self.height = height
        rows = engine.list(sort: .date)
    }

    public var query: String { editor.text }
    public var hasQuery: Bool { results != nil }

    /// For a query that found nothing, the nearest query the engine says finds something.
    public var suggestion: String? {
        guard let results, results.isEmpty, !isSearching else { return nil }
        return results.suggestion(for: editor.text)
    }
    public var selectedArticle: Int? { rows.indices.contains(selected) ? rows[selected] : nil }

    public var layout: Layout {
        // The status-line prompt covers no pane: lay out for the focus it returns to, so a find
        // typed in the reading pane shows the article it finds in, whatever the layout.
        Layout.compute(
            width: width, height: height, focus: focus == .prompt ? prompt?.returnFocus ?? .list : focus,
            isZoomed: isZoomed, isReaderOpen: reader != nil,
            settings: layoutSettings)
    }

    /// Screen rows per list entry: a title line, plus a snippet line while a query is active.
    public var listRowHeight: Int { hasQuery ? 2 : 1 }

    /// How many entries fit in the list pane.
    public var visibleListRows: Int { max(1, (layout.list?.height ?? 1) / listRowHeight) }
}

/// A source of the corpus and its number of articles (`F`'s choices).
public struct SourceCount: Sendable, Equatable {
    public var name: String
    public var count: Int
}

/// One source picked with `F`: its name and its articles, found once when it was picked so the
/// list filter is a set look-up per row.
public struct SourceFilter: Sendable, Equatable {
    public var name: String
    public var articles: Set<Int>
}

/// How far the background re-read of a changed corpus folder is.
public enum CorpusReload: Sendable, Equatable {
    case reading(done: Int, total: Int)
    case indexing(Double)

    /// Why the corpus is read again, for the status line and the closing message: the folder
    /// changed, or (no file changed) the snapshot painted from failed its check behind the list.
    public static func cause(_ engine: any SearchEngine) -> String {
        engine.isDamaged ? "snapshot damaged" : "folder changed"
    }

    /// "reading 43%" / "indexing 12%", for the status line.
    public var description: String {
        switch self {
        case .reading(let done, let total): "reading \(total > 0 ? min(100, done * 100 / total) : 0)%"
        case .indexing(let fraction): "indexing \(Int(min(max(fraction, 0), 1) * 100))%"
        }
    }
}

/// The article open in the reading pane and where it is scrolled to.
public struct ReaderState: Sendable, Equatable {
    public var article: Int
    public var document: ReaderDocument
    /// Index of the first visible line.
    public var offset: Int
    /// Index into `document.hitLines` of the current hit (n/N), if any.
    public var currentHit: Int?
    /// The find inside this article (`/` in the reading pane), while there is one: its hits replace
    /// the query's in the pane.
    public var find: ReaderFind? = nil
    /// Whether the header block shows every header line of the original mail or Usenet article.
    public var fullHeaders: [String]? = nil
    /// The body offset (UTF-8) of the first visible line as the user last scrolled it; nil at the
    /// top or in the title. A re-wrap (resize) puts the line holding it at the top again, and keeps
    /// it unchanged, so resizing back and forth returns to the same line.
    public var anchor: Int? = nil
    /// Rendered or as written, quotes folded or not (`M`, `T`); back to the defaults for another article.
    public var options = ReaderDocument.Options()
}

/// A find inside the open article (`/` in the reading pane, as in less).
public struct ReaderFind: Sendable, Equatable {
    public var text: String
    /// UTF-8 ranges of the body where `text` occurs.
    public var hits: [Range<Int>]
    /// Where the pane was scrolled when the find began: Esc goes back there.
    public var returnOffset: Int
    public var returnAnchor: Int?
}

/// The one-line prompt in the status line: a shell command the article is piped to, the text to
/// find in the open article, a yes/no question, or a source to show.
public struct PromptState: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        /// `|`: the command reads this article's text.
        case pipe(article: Int)
        /// `/` in the reading pane: typed incrementally, hits shown as they are found.
        case find
        /// `A`: mark these many articles (the current list) read; y confirms, anything else cancels.
        case confirmMarkAllRead(count: Int)
        /// `F`: show the articles of one source (Tab completes, Enter picks).
        case source
    }

    public var purpose: Purpose
    public var editor = QueryEditor()
    /// Where focus returns when the prompt closes.
    public var returnFocus: Focus
    /// The position in the pipe history while walking it with Up/Down; nil when editing.
    public var historyIndex: Int? = nil
    public var historyDraft = ""
    /// For `F`: the corpus's sources and how many articles each has, most first.
    public var sources: [SourceCount] = []

    public init(purpose: Purpose, returnFocus: Focus) {
        self.purpose = purpose
        self.returnFocus = returnFocus
    }

    /// Whether printable keys answer the prompt at once instead of being typed (y/n).
    public var isQuestion: Bool {
        if case .confirmMarkAllRead = purpose { return true }
        return false
    }
}
