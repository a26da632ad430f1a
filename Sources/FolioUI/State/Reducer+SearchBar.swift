import FolioCore

// The search bar: the query, its results, and this session's history.

/// The query text changed: start a new generation and ask for it to run.
func queryChanged(_ state: inout AppState) -> [Effect] {
    state.historyIndex = nil
    state.related = nil  // a query of one's own replaces the related list for good
    state.articleToKeep = nil  // new results: start from the best match
    return rerun(&state)
}

func rerun(_ state: inout AppState) -> [Effect] {
    state.searchGeneration += 1
    if let related = state.related, related.kind == .copies {
        listCopies(&state, of: related.article)
        return []
    }
    if let related = state.related {
        state.isSearching = true
        return [.related(article: related.article, generation: state.searchGeneration)]
    }
    let text = state.editor.text
    if text.allSatisfy({ $0 == " " }) {
        // No query: the list is every article, which needs no search (and no waiting).
        state.isSearching = false
        state.results = nil
        state.rows = listed(state, state.engine.list(sort: state.sort))
        resetSelection(&state)
        return []
    }
    state.isSearching = true
    return [.search(text: text, sort: state.sort, generation: state.searchGeneration)]
}

func applyResults(_ state: inout AppState, _ results: SearchResults) {
    state.isSearching = false
    state.results = results
    // The usual case, up to a million matches, takes the list as it is: no per-match filter call,
    // no copy, and nothing ordered beyond the first screens.
    state.rows = listed(state, results.list)
    resetSelection(&state)
    if state.opensWhenResultsArrive {
        state.opensWhenResultsArrive = false
        openSelected(&state, focusReader: true)
    }
}

/// The results shown, now counted (`SearchEngine.settled`): the same rows in the same order, with
/// the rest of them reachable. The selection, the scroll and the open article stay.
func applyCount(_ state: inout AppState, _ results: SearchResults) {
    let selected = state.selectedArticle
    state.results = results
    state.rows = listed(state, results.list)
    state.selected = selected.flatMap { state.rows.position(of: $0) } ?? min(state.selected, max(0, state.rows.count - 1))
}

/// The rows as the list shows them: filtered (unread, bookmarked, one source) and in reverse when
/// asked. Without either, the list is taken as it is: no per-row call, no copy, nothing ordered
/// beyond the first screens.
private func listed(_ state: AppState, _ list: ArticleList) -> ArticleList {
    let filtered = isFiltering(state) ? list.filtered { passesFilter(state, $0) } : list
    return state.isReversed ? filtered.inReverse() : filtered
}

/// New rows (a new query, or a new order): select the first, or, while reading (only `s` re-sorts
/// from the reader), keep the article being read. The reader is laid out again either way, since
/// a new query highlights other hits.
private func resetSelection(_ state: inout AppState) {
    let reading = state.focus == .reader ? state.reader?.article : nil
    let keep = state.articleToKeep ?? reading
    state.articleToKeep = nil
    state.selected = keep.flatMap { state.rows.position(of: $0) } ?? 0
    state.listOffset = 0
    if let reading, state.selectedArticle == reading {
        relayoutReader(&state, force: true)  // same article, same place; the hits may differ
    } else if state.layout.mode == .single && state.focus != .reader {
        state.reader = nil
    } else if let article = state.selectedArticle {
        load(&state, article: article)
    } else {
        state.reader = nil
    }
    if state.reader == nil && state.focus == .reader {
        // Nothing left to read: back to the list, which a zoomed reader would hide.
        state.focus = .list
        state.isZoomed = false
    }
}

/// Adds the query to this session's history; true when it is worth saving.
func rememberQuery(_ state: inout AppState) -> Bool {
    let text = state.editor.text.trimmingCharacters(in: " ")
    state.historyIndex = nil
    guard !text.isEmpty else { return false }
    // Re-running a query moves it to the end, as the state store does.
    state.history.removeAll { $0 == text }
    state.history.append(text)
    return true
}

func walkHistory(_ state: inout AppState, by step: Int) -> [Effect] {
    guard !state.history.isEmpty else { return [] }
    var index = state.historyIndex ?? state.history.count
    if state.historyIndex == nil { state.historyDraft = state.editor.text }
    index = max(0, min(state.history.count, index + step))
    state.historyIndex = index == state.history.count ? nil : index
    state.editor = QueryEditor(index == state.history.count ? state.historyDraft : state.history[index])
    return rerun(&state)
}

/// "Did you mean": the query the engine suggests for one that found nothing replaces it and runs.
func acceptSuggestion(_ state: inout AppState) -> [Effect] {
    guard let suggestion = state.suggestion else {
        state.message = "no suggestion"
        return []
    }
    state.editor = QueryEditor(suggestion)
    return queryChanged(&state)
}
