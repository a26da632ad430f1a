import FolioCore

/// Moves the reader onto a re-read corpus (the folder changed since the snapshot it painted from).
/// Positions shift when files are added or removed before them, so everything that names an article
/// by position — the list, the selection, the open article, the marks — follows its id instead, and
/// what no longer exists is dropped. The current query is then run again on the new corpus.
func replaceCorpus(_ state: inout AppState, with engine: any SearchEngine, saved: SavedState) -> [Effect] {
    let old = state.engine
    // The related list names its article by its old position: back to the list it replaced first.
    leaveRelated(&state)
    let moved: (Int) -> Int? = { position in
        // The id alone: building whole articles for a million rows would stall the reload.
        (0..<old.articleCount).contains(position) ? engine.number(ofID: old.id(at: position)) : nil
    }
    // Every row, ordered (a rare event: the folder changed under the reader).
    let all = state.rows.allMatches()
    let exact = all.prefix(state.exactCount).compactMap { moved($0.article) }
    let rest = all.dropFirst(state.exactCount).compactMap { moved($0.article) }
    let selected = state.selectedArticle.flatMap(moved)
    state.engine = engine
    state.marks = saved.marks
    recountRead(&state)
    state.indexingProgress = engine.state.progress
    state.reload = nil
    // Until the query's new results arrive, the list shows the old rows that still exist.
    state.rows = ArticleList(ordered: exact + rest, exactCount: exact.count)
    state.selected = selected.flatMap { state.rows.position(of: $0) } ?? 0
    if let prompt = state.prompt {
        state.prompt = nil
        state.focus = prompt.returnFocus == .prompt ? .list : prompt.returnFocus
    }
    if let reader = state.reader {
        if let position = moved(reader.article) {
            state.reader?.article = position
            // A find's ranges and the header lines were read from the old text.
            state.reader?.find = nil
            state.reader?.currentHit = nil
            state.reader?.fullHeaders = nil
            relayoutReader(&state, force: true)  // the text itself may have changed
        } else {
            state.reader = nil
            if state.focus == .reader { state.focus = .list }
        }
    }
    let change = engine.articleCount - old.articleCount
    let difference = change == 0 ? "" : change > 0 ? ", \(change.formatted()) more" : ", \((-change).formatted()) fewer"
    state.message = "\(CorpusReload.cause(old)): reloaded, \(engine.articleCount.formatted()) articles\(difference)"
    if let source = state.sourceFilter?.name {
        state.sourceFilter = SourceFilter(
            name: source, articles: Set((0..<engine.articleCount).filter { engine.article(at: $0).source == source }))
    }
    state.articleToKeep = state.selectedArticle
    return rerun(&state)
}
