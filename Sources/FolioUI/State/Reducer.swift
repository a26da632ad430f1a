import FolioCore
import TerminalCore

/// Turns a key into an action for the current focus: bound keys become commands; in the search
/// bar, any other printable key is text (DESIGN.md §3: pass keys through while editing).
public func action(for key: Key, in state: AppState) -> Action? {
    let keyMap = state.keyMap
    if state.isShowingHelp {
        switch key {
        case .character("?"), .character("q"), .escape, .function(1): return .command(.toggleHelp)
        case .character("j"), .down, .enter: return .command(.scrollDown)
        case .character("k"), .up: return .command(.scrollUp)
        case .character(" "), .pageDown: return .command(.scrollPageDown)
        case .character("b"), .pageUp: return .command(.scrollPageUp)
        case .control("c"): return .command(.quit)
        default: return nil
        }
    }
    if let command = keyMap.command(for: key, in: state.focus) { return .command(command) }
    if state.focus == .search || state.focus == .prompt, case .character(let character) = key { return .insert(character) }
    return nil
}

/// The whole behaviour of the reader as a pure function: new state, and the effects to run.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    var before = (article: state.reader?.article, anchor: state.reader?.anchor, quitting: state.shouldQuit)
    if case .command = action { state.message = nil }
    if case .insert = action { state.message = nil }
    var effects: [Effect] = []
    switch action {
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
    case .insert(let character):
        if state.focus == .prompt {
            state.prompt?.editor.insert(character)
        } else {
            // A dropped key (past the length limit: the rest of a long paste) runs no search.
            guard state.editor.insert(character) else { return [] }
            effects += queryChanged(&state)
        }
    case .handOffFinished(let message):
        state.message = message
    case .restore(let saved):
        effects += restore(&state, saved)
    case .indexProgress(let fraction):
        state.indexingProgress = min(max(fraction, 0), 1)
    case .indexReady:
        state.indexingProgress = nil
        // Results found by the scan are the same articles; run the query on the index anyway (it
        // is what every later keystroke uses), staying on the article the user is on.
        if state.results != nil || state.isSearching {
            state.articleToKeep = state.selectedArticle
            effects += rerun(&state)
        }
    case .reloadProgress(let progress):
        state.reload = progress
    case .corpusReplaced(let store, let saved):
        effects += replaceCorpus(&state, with: store, saved: saved)
        // `before` named the open article by its old position: name it by its new one (or none, when
        // it is gone), so leaving it later saves its place under the right article.
        before.article = state.reader?.article
        before.anchor = state.reader?.anchor
    case .reloadFailed(let message):
        state.reload = nil
        state.message = message
    case .searchFinished(let generation, let results):
        guard generation == state.searchGeneration else { break }  // a newer query is on its way
        applyResults(&state, results)
    case .command(let command):
        if state.isShowingHelp {
            helpCommand(&state, command)
        } else {
            effects += perform(&state, command)
        }
    }
    // Any action may change the reader's pane (resize, zoom, focus): re-wrap to fit it, and keep
    // the reader on the selected article wherever the two are shown together.
    relayoutReader(&state)
    syncPreview(&state)
    clampList(&state)
    effects += trackReading(from: before, &state)
    return effects
}

private func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
    // Restricted mode is for strangers over SSH: nothing that reaches a shell, a program or a file.
    if state.isRestricted && [.suspend, .openInPager, .openInEditor, .pipeArticle].contains(command) {
        state.message = "not available in restricted mode"
        return []
    }
    if state.focus == .prompt && command != .quit && command != .suspend { return performInPrompt(&state, command) }
    switch command {
    case .quit: state.shouldQuit = true
    case .suspend: return [.suspend]
    case .openInPager, .openInEditor, .pipeArticle, .copyArticle, .copyID:
        return handOff(&state, command)
    case .runPrompt, .cancelPrompt: break
    case .toggleRead, .toggleBookmark, .showUnreadOnly, .showBookmarkedOnly:
        return performMarkCommand(&state, command)
    case .toggleHelp: state.isShowingHelp = true; state.helpOffset = 0
    case .focusSearch:
        state.focus = .search
        state.isZoomed = false  // the results show in the list, so the list must be on screen
        state.historyIndex = nil
    case .toggleFocus:
        if state.focus == .list, state.layout.mode != .single || state.reader != nil {
            openSelected(&state, focusReader: true)
        } else {
            state.focus = .list
            state.isZoomed = false  // a zoomed reader hides the list: focus on it must show it
        }
    case .toggleZoom:
        if !state.isZoomed {
            // Zoom what is selected (a reader left over from a narrow layout may be another article),
            // and nothing when there is nothing to read.
            openSelected(&state, focusReader: false)
            guard state.reader != nil else { return [] }
        }
        state.isZoomed.toggle()
        if state.isZoomed { state.focus = .reader }
    case .cycleSort:
        state.sort = state.sort.next
        // Re-sorting moves the rows, not the reader's attention: stay on the same article.
        state.articleToKeep = state.selectedArticle
        state.message = "sorted by \(state.sort.rawValue)"
        return rerun(&state) + [.save(.sort(state.sort))]
    case .selectNext: select(&state, state.selected + 1)
    case .selectPrevious: select(&state, state.selected - 1)
    case .selectPageDown: select(&state, state.selected + state.visibleListRows)
    case .selectPageUp: select(&state, state.selected - state.visibleListRows)
    case .selectFirst: select(&state, 0)
    case .selectLast: select(&state, state.rows.count - 1)
    case .openSelected: openSelected(&state, focusReader: true)
    case .clearQuery:
        if !state.editor.text.isEmpty {
            state.editor.clear()
            return queryChanged(&state)
        }
    case .scrollDown: scroll(&state, by: 1)
    case .scrollUp: scroll(&state, by: -1)
    case .scrollPageDown: scroll(&state, by: max(1, readerHeight(state) - 2))
    case .scrollPageUp: scroll(&state, by: -max(1, readerHeight(state) - 2))
    case .scrollTop: scroll(&state, to: 0)
    case .scrollBottom: scroll(&state, to: Int.max)
    case .nextHit: moveHit(&state, forward: true)
    case .previousHit: moveHit(&state, forward: false)
    case .closeReader:
        state.focus = .list
        state.isZoomed = false
        if state.layout.mode == .single { state.reader = nil } else { previewSelected(&state) }
    case .submitSearch:
        state.focus = .list
        if rememberQuery(&state) { return [.save(.history(state.history.last!))] }
    case .cancelSearch:
        state.focus = .list
        state.historyIndex = nil
    case .deleteBackward: state.editor.deleteBackward(); return queryChanged(&state)
    case .deleteForward: state.editor.deleteForward(); return queryChanged(&state)
    case .deleteWord: state.editor.deleteWord(); return queryChanged(&state)
    case .clearLine: state.editor.clear(); return queryChanged(&state)
    case .cursorLeft: state.editor.moveLeft()
    case .cursorRight: state.editor.moveRight()
    case .cursorStart: state.editor.moveToStart()
    case .cursorEnd: state.editor.moveToEnd()
    case .historyPrevious: return walkHistory(&state, by: -1)
    case .historyNext: return walkHistory(&state, by: 1)
    }
    return []
}

/// The article a hand-off acts on: the one being read, else the selected one.
private func currentArticle(_ state: AppState) -> Int? {
    if state.focus == .reader, let reader = state.reader { return reader.article }
    return state.selectedArticle
}

private func handOff(_ state: inout AppState, _ command: Command) -> [Effect] {
    guard let article = currentArticle(state) else {
        state.message = "no article selected"
        return []
    }
    switch command {
    case .openInPager: return [.handOff(.pager(article: article))]
    case .openInEditor: return [.handOff(.editor(article: article))]
    case .copyArticle: return [.handOff(.copyText(article: article))]
    case .copyID: return [.handOff(.copyID(article: article))]
    case .pipeArticle:
        state.prompt = PromptState(article: article, returnFocus: state.focus)
        state.focus = .prompt
        return []
    default: return []
    }
}

/// Keys while the `|` prompt is open: line editing, Enter runs, Esc cancels.
private func performInPrompt(_ state: inout AppState, _ command: Command) -> [Effect] {
    guard var prompt = state.prompt else {
        state.focus = .list
        return []
    }
    switch command {
    case .runPrompt, .cancelPrompt:
        state.prompt = nil
        state.focus = prompt.returnFocus
        let text = prompt.editor.text.trimmingCharacters(in: " ")
        if command == .runPrompt && !text.isEmpty { return [.handOff(.pipe(article: prompt.article, command: text))] }
        return []
    case .deleteBackward: prompt.editor.deleteBackward()
    case .deleteForward: prompt.editor.deleteForward()
    case .deleteWord: prompt.editor.deleteWord()
    case .clearLine: prompt.editor.clear()
    case .cursorLeft: prompt.editor.moveLeft()
    case .cursorRight: prompt.editor.moveRight()
    case .cursorStart: prompt.editor.moveToStart()
    case .cursorEnd: prompt.editor.moveToEnd()
    default: break
    }
    state.prompt = prompt
    return []
}

private func helpCommand(_ state: inout AppState, _ command: Command) {
    switch command {
    case .toggleHelp: state.isShowingHelp = false
    case .quit: state.shouldQuit = true
    case .scrollDown: state.helpOffset += 1
    case .scrollUp: state.helpOffset -= 1
    case .scrollPageDown: state.helpOffset += max(1, state.height - 3)
    case .scrollPageUp: state.helpOffset -= max(1, state.height - 3)
    default: break
    }
    clampHelp(&state)
}

/// The help fills the screen between the search bar and the status line: scroll no further than
/// its last line at the bottom (also after a resize).
private func clampHelp(_ state: inout AppState) {
    let lines = state.keyMap.helpLines().count
    state.helpOffset = max(0, min(state.helpOffset, lines - max(1, state.height - 2)))
}

// MARK: - Search

/// The query text changed: start a new generation and ask for it to run.
private func queryChanged(_ state: inout AppState) -> [Effect] {
    state.historyIndex = nil
    state.articleToKeep = nil  // new results: start from the best match
    return rerun(&state)
}

func rerun(_ state: inout AppState) -> [Effect] {
    state.searchGeneration += 1
    let text = state.editor.text
    if text.allSatisfy({ $0 == " " }) {
        // No query: the list is every article, which needs no search (and no waiting).
        state.isSearching = false
        state.results = nil
        let all = state.store.articleList(sort: state.sort)
        state.rows = state.filter == .all ? all : all.filtered { passesFilter(state, $0) }
        resetSelection(&state)
        return []
    }
    state.isSearching = true
    return [.search(text: text, sort: state.sort, generation: state.searchGeneration)]
}

private func applyResults(_ state: inout AppState, _ results: SearchResults) {
    state.isSearching = false
    state.results = results
    // The usual case, up to a million matches, takes the list as it is: no per-match filter call,
    // no copy, and nothing ordered beyond the first screens.
    state.rows = state.filter == .all ? results.list : results.list.filtered { passesFilter(state, $0) }
    resetSelection(&state)
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
    if state.reader == nil && state.focus == .reader { state.focus = .list }  // nothing left to read
}

/// Adds the query to this session's history; true when it is worth saving.
private func rememberQuery(_ state: inout AppState) -> Bool {
    let text = state.editor.text.trimmingCharacters(in: " ")
    state.historyIndex = nil
    guard !text.isEmpty else { return false }
    // Re-running a query moves it to the end, as the store does.
    state.history.removeAll { $0 == text }
    state.history.append(text)
    return true
}

private func walkHistory(_ state: inout AppState, by step: Int) -> [Effect] {
    guard !state.history.isEmpty else { return [] }
    var index = state.historyIndex ?? state.history.count
    if state.historyIndex == nil { state.historyDraft = state.editor.text }
    index = max(0, min(state.history.count, index + step))
    state.historyIndex = index == state.history.count ? nil : index
    state.editor = QueryEditor(index == state.history.count ? state.historyDraft : state.history[index])
    return rerun(&state)
}

// MARK: - List

func select(_ state: inout AppState, _ index: Int) {
    guard !state.rows.isEmpty else { return }
    state.selected = max(0, min(state.rows.count - 1, index))
    if state.layout.mode != .single { previewSelected(&state) }
}

/// Keeps the selection inside the rows and on screen.
func clampList(_ state: inout AppState) {
    state.selected = state.rows.isEmpty ? 0 : max(0, min(state.rows.count - 1, state.selected))
    let visible = state.visibleListRows
    if state.selected < state.listOffset { state.listOffset = state.selected }
    if state.selected >= state.listOffset + visible { state.listOffset = state.selected - visible + 1 }
    state.listOffset = max(0, min(state.listOffset, max(0, state.rows.count - visible)))
    if state.isShowingHelp { clampHelp(&state) }
    if let reader = state.reader {
        let limit = maxReaderOffset(state, reader)
        state.reader?.offset = max(0, min(reader.offset, limit))
    }
}

// MARK: - Reader

private func readerWidth(_ state: AppState) -> Int {
    let pane = state.layout.reader?.width ?? state.width
    // One column of margin on each side, and never wider than a comfortable measure.
    return max(1, min(state.layoutSettings.measure, pane - 2))
}

func readerHeight(_ state: AppState) -> Int { max(1, state.layout.reader?.height ?? state.height - 2) }

private func maxReaderOffset(_ state: AppState, _ reader: ReaderState) -> Int {
    max(0, reader.document.lines.count - readerHeight(state))
}

/// Wide and medium layouts show the selected article beside the list; after a resize from a narrow
/// layout (where moving the selection previews nothing) the reader may hold another one, or none.
private func syncPreview(_ state: inout AppState) {
    let layout = state.layout
    guard layout.list != nil, layout.reader != nil else { return }
    previewSelected(&state)
}

/// Shows the selected article in the reading pane (wide and medium layouts preview it).
private func previewSelected(_ state: inout AppState) {
    guard let article = state.selectedArticle else {
        state.reader = nil
        return
    }
    if state.reader?.article == article { return }
    load(&state, article: article)
}

private func openSelected(_ state: inout AppState, focusReader: Bool) {
    guard let article = state.selectedArticle else {
        state.message = state.hasQuery ? "no results" : "no articles"
        return
    }
    if state.reader?.article != article { load(&state, article: article) }
    if focusReader { state.focus = .reader }
}

/// Lays out `article` for the reader; from a search, lands on its first hit.
private func load(_ state: inout AppState, article: Int) {
    let document = ReaderDocument(
        article: state.store.articles[article], width: readerWidth(state), matcher: state.results?.matcher)
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
    guard force || width != reader.document.width else {
        // Same wrapping, but the pane may be shorter again after a taller one moved the top line
        // up (clamping): go back to the line the user scrolled to.
        if let anchor = reader.anchor { state.reader?.offset = reader.document.line(containing: anchor) }
        return
    }
    let document = ReaderDocument(article: state.store.articles[reader.article], width: width, matcher: state.results?.matcher)
    let offset: Int
    if let anchor = reader.anchor {
        offset = document.line(containing: anchor)
    } else {
        // At the top, or inside the title and metadata: stay there.
        offset = min(reader.offset, document.lines.firstIndex { $0.sourceRange != nil } ?? 0)
    }
    let currentHit = reader.currentHit.flatMap { $0 < document.hitLines.count ? $0 : nil }
    state.reader = ReaderState(
        article: reader.article, document: document, offset: offset, currentHit: currentHit, anchor: reader.anchor)
}

private func scroll(_ state: inout AppState, by lines: Int) {
    guard let reader = state.reader else { return }
    let target = lines > 0 && reader.offset > Int.max - lines ? Int.max : reader.offset + lines
    scroll(&state, to: target)
}

private func scroll(_ state: inout AppState, to offset: Int) {
    guard let reader = state.reader else { return }
    let limit = maxReaderOffset(state, reader)
    let offset = max(0, min(offset, limit))
    state.reader?.offset = offset
    state.reader?.anchor = reader.document.lines.indices.contains(offset) ? reader.document.lines[offset].sourceRange?.lowerBound : nil
}

/// Puts `line` a third of the way down the pane, so the hit has context above it.
private func centre(_ state: inout AppState, line: Int) {
    scroll(&state, to: line - readerHeight(state) / 3)
}

private func moveHit(_ state: inout AppState, forward: Bool) {
    guard let reader = state.reader else { return }
    let hits = reader.document.hitLines
    guard !hits.isEmpty else {
        state.message = state.hasQuery ? "no hits in this article's text" : "no search: press / to search"
        return
    }
    var index = reader.currentHit ?? (forward ? -1 : hits.count)
    index += forward ? 1 : -1
    if index >= hits.count { index = 0; state.message = "search wrapped to the first hit" }
    if index < 0 { index = hits.count - 1; state.message = "search wrapped to the last hit" }
    state.reader?.currentHit = index
    centre(&state, line: hits[index])
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
