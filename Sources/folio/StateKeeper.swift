import FolioCore
import FolioUI
import Foundation
import ReadingState

/// Connects the reader to the state store: loads what was remembered for this corpus, writes each
/// change the reducer asks for, and on the first failure (read-only disk, full disk, locked,
/// damaged or newer file) says so once and carries on without the store rather than stopping the
/// reader.
///
/// This session's marks are also kept in memory by article id, so a re-read of a changed folder
/// keeps them when no store does (session-only state in restricted mode, or after a failure).
final class StateKeeper {
    private var store: ReadingStateStore?
    private let corpus: CorpusKey
    private let keepsHistory: Bool
    /// Every article with state in this session, by id: what was loaded, then each change.
    private var session: [String: ArticleState] = [:]
    /// Marks are stored by id and handed to the reducer by position in this store (replaced when
    /// the reader re-reads a changed folder).
    var articles: any SearchEngine
    /// The one line shown when the state store could not be opened or written, or when state is
    /// kept for the session only although more was asked.
    private(set) var problem: String?

    init(plan: StatePlan, corpus: CorpusKey, articles: any SearchEngine) {
        self.articles = articles
        switch plan {
        case .file(let path, let visitor, let keepsHistory):
            self.corpus = visitor.map(corpus.visitor) ?? corpus
            self.keepsHistory = keepsHistory
            do {
                store = try ReadingStateStore(path: path)
            } catch {
                problem = "reading state off: \(error.description)"
            }
        case .sessionOnly(let notice):
            self.corpus = corpus
            keepsHistory = false
            problem = notice
        }
    }

    /// The key for a corpus: its folder's real path, or the built-in corpus by name.
    static func key(forPath path: String?, builtinName: String) -> CorpusKey {
        path.map { CorpusKey.folder($0) } ?? .builtin(builtinName)
    }

    /// What the store remembers for this corpus, by article position. Without a store, or when it
    /// fails, this session's marks (none at start: a damaged file gives a reader without state).
    func load() -> SavedState {
        guard let store else { return SavedState(marks: marks(session)) }
        do {
            let states = try store.states(corpus: corpus)
            let lastSelected = try store.lastSelected(corpus: corpus).flatMap { articles.number(ofID: $0) }
            let sort = try store.sortOrder(corpus: corpus).flatMap(ListOrder.init(rawValue:))
            let history = keepsHistory ? try store.history(corpus: corpus) : []
            session = states
            return SavedState(marks: marks(states), lastSelected: lastSelected, sort: sort, history: history)
        } catch {
            fail(error)
            return SavedState(marks: marks(session))
        }
    }

    /// Writes one change; returns a message for the status line when that failed (once).
    func save(_ change: StateChange) -> String? {
        remember(change)
        if case .history = change, !keepsHistory { return nil }
        guard let store else { return nil }
        do {
            switch change {
            case .read(let article, let flag): try store.setRead(flag, corpus: corpus, id: id(article))
            case .readMany(let articles): try store.setRead(true, corpus: corpus, ids: articles.map(id))
            case .bookmarked(let article, let flag): try store.setBookmarked(flag, corpus: corpus, id: id(article))
            case .position(let article, let offset): try store.setPosition(offset, corpus: corpus, id: id(article))
            case .lastSelected(let article): try store.setLastSelected(article.map(id), corpus: corpus)
            case .sort(let order): try store.setSortOrder(order.rawValue, corpus: corpus)
            case .history(let query): try store.appendHistory(query, corpus: corpus)
            }
            return nil
        } catch {
            fail(error)
            return problem
        }
    }

    /// Records a change of an article's marks in this session's memory.
    private func remember(_ change: StateChange) {
        switch change {
        case .read(let article, let flag): session[id(article), default: .unmarked].isRead = flag
        case .readMany(let articles):
            for article in articles { session[id(article), default: .unmarked].isRead = true }
        case .bookmarked(let article, let flag): session[id(article), default: .unmarked].isBookmarked = flag
        case .position(let article, let offset): session[id(article), default: .unmarked].position = offset
        case .lastSelected, .sort, .history: break
        }
    }

    /// Marks by id, as the reducer wants them: by position in the current articles.
    private func marks(_ states: [String: ArticleState]) -> [Int: ArticleMarks] {
        var marks: [Int: ArticleMarks] = [:]
        for (id, state) in states {
            guard let position = articles.number(ofID: id) else { continue }
            marks[position] = ArticleMarks(isRead: state.isRead, isBookmarked: state.isBookmarked, position: state.position)
        }
        return marks
    }

    private func id(_ article: Int) -> String { articles.id(at: article) }

    private func fail(_ error: ReadingStateError) {
        store = nil
        problem =
            error.operation == .write
            ? "state not saved, reading on without it: \(error.description)"
            : "reading state off: \(error.description)"
    }
}
