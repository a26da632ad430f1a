import FolioCore

// Read marks, bookmarks, filters and remembered positions: the reducer's side of the state store.
// Reduce only records changes and returns `.save` effects; the run loop writes them.

/// m, f, U, B.
func performMarkCommand(_ state: inout AppState, _ command: Command) -> [Effect] {
    switch command {
    case .toggleRead, .toggleBookmark:
        let article = state.focus == .reader ? state.reader?.article : state.selectedArticle
        guard let article else {
            state.message = "no article selected"
            return []
        }
        var marks = state.marks[article] ?? ArticleMarks()
        let change: StateChange
        if command == .toggleRead {
            marks.isRead.toggle()
            change = .read(article: article, marks.isRead)
            state.message = marks.isRead ? "marked read" : "marked unread"
        } else {
            marks.isBookmarked.toggle()
            change = .bookmarked(article: article, marks.isBookmarked)
            state.message = marks.isBookmarked ? "bookmarked" : "bookmark removed"
        }
        setRead(&state, article, marks.isRead)
        state.marks[article] = marks
        // Marking moves on, as in mutt and newsboat, so a run of articles is quick to mark.
        if state.focus == .list { select(&state, state.selected + 1) }
        return [.save(change)]
    case .showUnreadOnly, .showBookmarkedOnly:
        let wanted: ListFilter = command == .showUnreadOnly ? .unread : .bookmarked
        state.filter = state.filter == wanted ? .all : wanted
        state.message = state.filter == .all ? "showing all articles" : "showing \(state.filter.rawValue) articles only"
        state.articleToKeep = state.selectedArticle
        return rerun(&state)
    default:
        return []
    }
}

/// Whether any filter (marks or source) is on.
func isFiltering(_ state: AppState) -> Bool { state.filter != .all || state.sourceFilter != nil }

/// Whether the list filters let `article` through.
func passesFilter(_ state: AppState, _ article: Int) -> Bool {
    // A row stands for its identical copies too (architecture.md §3): it is from a source when one is.
    if let source = state.sourceFilter, !source.articles.contains(article),
        !state.engine.copies(of: article).contains(where: source.articles.contains)
    {
        return false
    }
    switch state.filter {
    case .all: return true
    case .unread: return state.marks[article]?.isRead != true
    case .bookmarked: return state.marks[article]?.isBookmarked == true
    }
}

/// Applies what the store remembered: marks, the sort, the history, the last selected article.
func restore(_ state: inout AppState, _ saved: SavedState) -> [Effect] {
    state.marks = saved.marks
    recountRead(&state)
    state.history = saved.history
    if let sort = saved.sort { state.sort = sort }
    state.articleToKeep = saved.lastSelected
    return rerun(&state)
}

/// After every action: an article shown with focus is read; leaving an article remembers where it
/// was left; quitting remembers the selection.
func trackReading(from before: (article: Int?, anchor: Int?, quitting: Bool), _ state: inout AppState) -> [Effect] {
    var effects: [Effect] = []
    if let previous = before.article, state.reader?.article != previous || (state.shouldQuit && !before.quitting) {
        let anchor = state.reader?.article == previous ? state.reader?.anchor : before.anchor
        if state.marks[previous]?.position != anchor, state.marks[previous] != nil || anchor != nil {
            state.marks[previous, default: ArticleMarks()].position = anchor
            effects.append(.save(.position(article: previous, offset: anchor)))
        }
    }
    if state.focus == .reader, let article = state.reader?.article, state.marks[article]?.isRead != true {
        setRead(&state, article, true)
        effects.append(.save(.read(article: article, true)))
    }
    if state.shouldQuit && !before.quitting {
        effects.append(.save(.lastSelected(article: state.selectedArticle)))
    }
    return effects
}
