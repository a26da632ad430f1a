import FolioCore

// "More like this" (Documentation/architecture.md §3): the list becomes the articles most like the
// selected or open one; Esc or the same key puts the list, query and selection back.

func toggleRelated(_ state: inout AppState) -> [Effect] {
    if state.related?.kind == .related {
        leaveRelated(&state)
        return []
    }
    let article = state.focus == .reader ? state.reader?.article : state.selectedArticle
    guard let article else { return [] }
    // From the list of an article's copies (`D`): back to the list it replaced first.
    leaveRelated(&state)
    state.related = RelatedList(
        kind: .related, article: article, title: state.engine.article(at: article).title, editor: state.editor,
        results: state.results,
        rows: state.rows, selected: state.selected, listOffset: state.listOffset, focus: state.focus)
    state.editor.clear()
    state.focus = .list
    state.isZoomed = false
    state.articleToKeep = nil
    return rerun(&state)
}

/// Back to the list the related one replaced: its query, rows, selection and focus.
func leaveRelated(_ state: inout AppState) {
    guard let related = state.related else { return }
    state.related = nil
    state.searchGeneration += 1  // a related answer still on its way is dropped
    state.isSearching = false
    state.opensWhenResultsArrive = false
    state.editor = related.editor
    state.results = related.results
    state.rows = related.rows
    state.selected = related.selected
    state.listOffset = related.listOffset
    state.focus = related.focus
    state.isZoomed = false  // the list it puts back must be on screen
    if state.focus == .reader, let article = state.selectedArticle, state.reader?.article != article {
        load(&state, article: article)
    }
    if state.reader == nil && state.focus == .reader { state.focus = .list }
}

/// The engine's answer: the related articles, best first; nil (no index yet, no distinctive word)
/// puts the list back and says so.
func applyRelated(_ state: inout AppState, generation: Int, results: SearchResults?) {
    guard generation == state.searchGeneration, state.related?.kind == .related else { return }
    guard let results, !results.list.isEmpty else {
        leaveRelated(&state)
        state.message =
            state.indexingProgress != nil ? "related articles: wait for the index" : "no related articles"
        return
    }
    applyResults(&state, results)
}
