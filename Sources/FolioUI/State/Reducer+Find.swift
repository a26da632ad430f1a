import FolioCore

// `/` in the reading pane: find in the open article, as less and mutt's pager do. The find reads
// this one article's text (never the index, never another article), so it costs what laying the
// article out costs, whatever the corpus's size (architecture.md §3).

/// Opens the find prompt; the pane's place is remembered so Esc can return to it.
func startFind(_ state: inout AppState) {
    guard let reader = state.reader else {
        state.message = "no article open"
        return
    }
    // A second `/` starts a new find but keeps the place the first one started from.
    let start = reader.find.map { ($0.returnOffset, $0.returnAnchor) } ?? (reader.offset, reader.anchor)
    state.reader?.find = ReaderFind(text: "", hits: [], returnOffset: start.0, returnAnchor: start.1)
    state.prompt = PromptState(purpose: .find, returnFocus: .reader)
    state.focus = .prompt
    relayoutReader(&state, force: true)
}

/// The find text changed: find it again and show the first hit at or after where the find began.
func findChanged(_ state: inout AppState) {
    guard let reader = state.reader, var find = reader.find, let prompt = state.prompt else { return }
    find.text = prompt.editor.text
    let finder = TextFinder(find.text)
    find.hits = finder.isEmpty ? [] : finder.occurrences(in: state.engine.article(at: reader.article).body)
    state.reader?.find = find
    state.reader?.currentHit = nil
    relayoutReader(&state, force: true)
    guard let document = state.reader?.document else { return }
    guard !document.hitLines.isEmpty else {
        if !finder.isEmpty { state.message = "not found" }
        restoreFindStart(&state, find)
        return
    }
    // As less does: the first hit from where the find began, else from the top.
    let after = document.hitLines.firstIndex { $0 >= find.returnOffset }
    if after == nil { state.message = "search wrapped to the first hit" }
    let first = after ?? 0
    state.reader?.currentHit = first
    centre(&state, line: document.hitLines[first])
}

/// Ends the find: the query's hits come back, and the pane returns to where the find began.
func endFind(_ state: inout AppState) {
    guard let find = state.reader?.find else { return }
    state.reader?.find = nil
    state.reader?.currentHit = nil
    relayoutReader(&state, force: true)
    restoreFindStart(&state, find)
}

private func restoreFindStart(_ state: inout AppState, _ find: ReaderFind) {
    guard let reader = state.reader else { return }
    state.reader?.offset = find.returnAnchor.map { reader.document.line(containing: $0) } ?? find.returnOffset
    state.reader?.anchor = find.returnAnchor
}

/// The hits the reading pane shows for `article`: the find's while one is open, else the query's.
func readerHits(_ state: AppState, _ article: Int) -> ArticleHits {
    if let reader = state.reader, reader.article == article, let find = reader.find {
        return ArticleHits(title: [], body: find.hits)
    }
    return state.results.map { state.engine.hits(of: article, in: $0) } ?? .none
}
