import FolioCore

// The reading pane: loading an article, wrapping it to the pane, scrolling, and moving between hits.

private func readerWidth(_ state: AppState) -> Int {
    let pane = state.layout.reader?.width ?? state.width
    // One column of margin on each side, and never wider than a comfortable measure.
    return max(1, min(state.layoutSettings.measure, pane - 2))
}

func readerHeight(_ state: AppState) -> Int { max(1, state.layout.reader?.height ?? state.height - 2) }

func maxReaderOffset(_ state: AppState, _ reader: ReaderState) -> Int {
    max(0, reader.document.lines.count - readerHeight(state))
}

/// Wide and medium layouts show the selected article beside the list; after a resize from a narrow
/// layout (where moving the selection previews nothing) the reader may hold another one, or none.
func syncPreview(_ state: inout AppState) {
    let layout = state.layout
    guard layout.list != nil, layout.reader != nil else { return }
    previewSelected(&state)
}

/// Shows the selected article in the reading pane (wide and medium layouts preview it).
func previewSelected(_ state: inout AppState) {
    guard let article = state.selectedArticle else {
        state.reader = nil
        return
    }
    if state.reader?.article == article { return }
    load(&state, article: article)
}

func openSelected(_ state: inout AppState, focusReader: Bool) {
    guard let article = state.selectedArticle else {
        state.message = state.hasQuery ? "no results" : "no articles"
        return
    }
    if state.reader?.article != article { load(&state, article: article) }
    if focusReader { state.focus = .reader }
}

/// Opens the selected article; while the results of a query just typed are still on their way
/// (type, Enter, Enter faster than a search), opens the first of them when they arrive instead of
/// the row the earlier query left selected.
func openSelectedOrWait(_ state: inout AppState) {
    if state.isSearching {
        state.opensWhenResultsArrive = true
    } else {
        openSelected(&state, focusReader: true)
    }
}

/// Lays out `article` for the reader (rendered, quotes shown); from a search, lands on its first hit.
func load(_ state: inout AppState, article: Int) {
    state.reader = nil  // a find or full headers belong to the article they were opened on
    let document = ReaderDocument(
        article: state.engine.article(at: article), width: readerWidth(state), hits: readerHits(state, article),
        header: readerHeader(state, article))
    state.reader = ReaderState(article: article, document: document, offset: 0, currentHit: nil)
    if !document.hitLines.isEmpty {
        state.reader?.currentHit = 0
        centre(&state, line: document.hitLines[0])
    } else if let position = state.marks[article]?.position {
        // Back where the reader left it last time (no search hit to land on instead).
        state.reader?.offset = document.line(containing: position)
        state.reader?.anchor = position
    }
}

/// Re-wraps the open article for a new pane width (or, with `force`, for new hits), keeping the
/// same text at the top: the line holding the body offset the reader was scrolled to. The anchor
/// is kept as it was, so resizing back and forth never drifts.
func relayoutReader(_ state: inout AppState, force: Bool = false) {
    guard let reader = state.reader else { return }
    let width = readerWidth(state)
    guard force || width != reader.document.width || readerHeader(state, reader.article) != reader.document.header else {
        // Same wrapping, but the pane may be shorter again after a taller one moved the top line
        // up (clamping): go back to the line the user scrolled to.
        if let anchor = reader.anchor { state.reader?.offset = reader.document.line(containing: anchor) }
        return
    }
    let document = ReaderDocument(
        article: state.engine.article(at: reader.article), width: width, hits: readerHits(state, reader.article),
        header: readerHeader(state, reader.article), options: reader.options)
    let offset: Int
    if let anchor = reader.anchor {
        offset = document.line(containing: anchor)
    } else {
        // At the top, or inside the title and metadata: stay there.
        offset = min(reader.offset, document.lines.firstIndex { $0.sourceRange != nil } ?? 0)
    }
    var relaid = reader
    relaid.document = document
    relaid.offset = offset
    relaid.currentHit = reader.currentHit.flatMap { $0 < document.hitLines.count ? $0 : nil }
    state.reader = relaid
}

/// What the header block shows besides the article's fields: the marks, the ids of its identical
/// copies, and the full headers when they were asked for on this article.
func readerHeader(_ state: AppState, _ article: Int) -> ReaderHeader {
    let marks = state.marks[article]
    let full = state.reader?.article == article ? state.reader?.fullHeaders : nil
    return ReaderHeader(
        isRead: marks?.isRead ?? false, isBookmarked: marks?.isBookmarked ?? false, fullHeaders: full,
        copies: state.engine.copies(of: article).map(state.engine.id(at:)))
}

func scroll(_ state: inout AppState, by lines: Int) {
    guard let reader = state.reader else { return }
    let target = lines > 0 && reader.offset > Int.max - lines ? Int.max : reader.offset + lines
    scroll(&state, to: target)
}

func scroll(_ state: inout AppState, to offset: Int) {
    guard let reader = state.reader else { return }
    let limit = maxReaderOffset(state, reader)
    let offset = max(0, min(offset, limit))
    state.reader?.offset = offset
    state.reader?.anchor =
        reader.document.lines.indices.contains(offset) ? reader.document.lines[offset].sourceRange?.lowerBound : nil
}

/// Puts `line` a third of the way down the pane, so the hit has context above it.
func centre(_ state: inout AppState, line: Int) {
    scroll(&state, to: line - readerHeight(state) / 3)
}

func moveHit(_ state: inout AppState, forward: Bool) {
    guard let reader = state.reader else { return }
    let hits = reader.document.hitLines
    guard !hits.isEmpty else {
        state.message = state.hasQuery ? "no hits in this article's text" : "no search: press / to search"
        return
    }
    var index = reader.currentHit ?? (forward ? -1 : hits.count)
    index += forward ? 1 : -1
    if index >= hits.count {
        index = 0
        state.message = "search wrapped to the first hit"
    }
    if index < 0 {
        index = hits.count - 1
        state.message = "search wrapped to the last hit"
    }
    state.reader?.currentHit = index
    centre(&state, line: hits[index])
}

/// `H`: the full header lines of a mail or Usenet article, read from its file by the run loop; again,
/// the parsed fields.
func toggleFullHeaders(_ state: inout AppState) -> [Effect] {
    guard let reader = state.reader else {
        state.message = "no article open"
        return []
    }
    if reader.fullHeaders != nil {
        state.reader?.fullHeaders = nil
        return []
    }
    return [.readFullHeaders(article: reader.article)]
}
