import FolioCore
import FolioUI
import Foundation
import ReadingState

/// Connects the reader to the state store: loads what was remembered for this corpus, writes each
/// change the reducer asks for, and on the first failure (read-only disk, full disk, locked or
/// corrupt file) says so once and carries on without state rather than stopping the reader.
final class StateKeeper {
    private var store: ReadingStateStore?
    private let corpus: CorpusKey
    /// Marks are stored by id and handed to the reducer by position in this store (replaced when
    /// the reader re-reads a changed folder).
    var articles: any SearchEngine
    /// The one line shown when the state store could not be opened or written.
    private(set) var problem: String?

    init(path: String?, corpus: CorpusKey, articles: any SearchEngine) {
        self.corpus = corpus
        self.articles = articles
        do {
            store = try ReadingStateStore(path: path ?? ReadingStateStore.defaultPath())
        } catch {
            problem = "reading state off: \(error.description)"
        }
    }

    /// A keeper that remembers nothing (restricted mode without a state file of its own).
    static func disabled(articles: any SearchEngine) -> StateKeeper {
        StateKeeper(corpus: CorpusKey("none"), articles: articles)
    }

    private init(corpus: CorpusKey, articles: any SearchEngine) {
        self.corpus = corpus
        self.articles = articles
        store = nil
    }

    /// The key for a corpus: its folder's real path, or the built-in corpus by name.
    static func key(forPath path: String?, builtinName: String) -> CorpusKey {
        path.map { CorpusKey.folder($0) } ?? .builtin(builtinName)
    }

    /// What the store remembers for this corpus, by article position.
    func load() -> SavedState {
        guard let store else { return SavedState() }
        do {
            var marks: [Int: ArticleMarks] = [:]
            for (id, state) in try store.states(corpus: corpus) {
                guard let position = articles.number(ofID: id) else { continue }
                marks[position] = ArticleMarks(isRead: state.isRead, isBookmarked: state.isBookmarked, position: state.position)
            }
            let lastSelected = try store.lastSelected(corpus: corpus).flatMap { articles.number(ofID: $0) }
            let sort = try store.sortOrder(corpus: corpus).flatMap(ListOrder.init(rawValue:))
            return SavedState(marks: marks, lastSelected: lastSelected, sort: sort, history: try store.history(corpus: corpus))
        } catch {
            fail(error)
            return SavedState()
        }
    }

    /// Writes one change; returns a message for the status line when that failed (once).
    func save(_ change: StateChange) -> String? {
        guard let store else { return nil }
        do {
            switch change {
            case .read(let article, let flag): try store.setRead(flag, corpus: corpus, id: id(article))
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

    private func id(_ article: Int) -> String { articles.id(at: article) }

    private func fail(_ error: ReadingStateError) {
        store = nil
        problem = "state not saved, reading on without it: \(error.description)"
    }
}
