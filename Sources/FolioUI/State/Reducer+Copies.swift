import FolioCore

// Identical copies (Documentation/architecture.md §3): lists show each group of articles with the
// same title and text once, marked ×N; `D` lists the group in the related list's place (ids in the
// rows' metadata), and Esc or `D` puts the list, query and selection back.

func toggleCopies(_ state: inout AppState) {
    if state.related?.kind == .copies {
        leaveRelated(&state)
        return
    }
    let article = state.focus == .reader ? state.reader?.article : state.selectedArticle
    guard let article else { return }
    guard !state.engine.copies(of: article).isEmpty else {
        state.message = "no identical copies"
        return
    }
    // From a related list: back to the list it replaced first, so Esc leads to the query.
    leaveRelated(&state)
    state.related = RelatedList(
        kind: .copies, article: article, title: state.engine.article(at: article).title, editor: state.editor,
        results: state.results, rows: state.rows, selected: state.selected, listOffset: state.listOffset,
        focus: state.focus)
    state.editor.clear()
    state.focus = .list
    state.isZoomed = false
    state.articleToKeep = nil
    state.searchGeneration += 1  // a search still on its way is dropped
    listCopies(&state, of: article)
}

/// The group of `article` in id order (no search, no highlights), the article itself selected.
func listCopies(_ state: inout AppState, of article: Int) {
    let group = ([article] + state.engine.copies(of: article)).sorted()
    state.isSearching = false
    state.results = nil
    state.rows = ArticleList(ordered: group)
    state.selected = group.firstIndex(of: article) ?? 0
    state.listOffset = 0
}
