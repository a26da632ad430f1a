import FolioCore
import TerminalCore

/// Turns a key into an action for the help screen while it shows, else for the current focus: bound
/// keys become commands; in the search bar, any other printable key is text (Documentation/architecture.md §3: pass
/// keys through while editing).
public func action(for key: Key, in state: AppState) -> Action? {
    let keyMap = state.keyMap
    if state.isShowingHelp { return keyMap.helpScreenCommand(for: key).map { .command($0) } }
    if let command = keyMap.command(for: key, in: state.focus) { return .command(command) }
    if state.focus == .search || state.focus == .prompt, case .character(let character) = key { return .insert(character) }
    // In the link list a digit picks a link by its number.
    if state.focus == .links, case .character(let character) = key, character.isASCII, character.isNumber {
        return .insert(character)
    }
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
            effects += typeInPrompt(&state, character)
        } else if state.focus == .links {
            typeLinkNumber(&state, character)
        } else {
            // A dropped key (past the length limit: the rest of a long paste) runs no search.
            guard state.editor.insert(character) else { return [] }
            effects += queryChanged(&state)
        }
    case .handOffFinished(let message):
        state.message = message
    case .fullHeadersRead(let article, let lines):
        guard state.reader?.article == article else { break }
        if let lines, !lines.isEmpty {
            state.reader?.fullHeaders = lines
        } else {
            // An engine that searches elsewhere (Xapian, architecture.md §9) keeps no article files.
            state.message =
                state.engine.searchesInProcess
                ? "no mail or Usenet headers in this article's file" : "articles in Xapian have no file to read headers from"
        }
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
    case .corpusReplaced(let engine, let saved):
        effects += replaceCorpus(&state, with: engine, saved: saved)
        // `before` named the open article by its old position: name it by its new one (or none, when
        // it is gone), so leaving it later saves its place under the right article.
        before.article = state.reader?.article
        before.anchor = state.reader?.anchor
    case .corpusReloaded(let engine, let saved, let change):
        let cause = CorpusReload.cause(state.engine)
        effects += replaceCorpus(&state, with: engine, saved: saved)
        before.article = state.reader?.article
        before.anchor = state.reader?.anchor
        state.message = "\(cause): \(change.description)"
    case .corpusUnchanged:
        state.reload = nil
        state.message = "the folder has not changed"
    case .reloadFailed(let message):
        state.reload = nil
        state.message = message
    case .relatedFinished(let generation, let results):
        applyRelated(&state, generation: generation, results: results)
    case .searchFinished(let generation, let results):
        guard generation == state.searchGeneration else { break }  // a newer query is on its way
        if !state.isSearching, state.results?.list.estimatedCount != nil {
            applyCount(&state, results)  // the results shown, now counted (architecture.md §9)
        } else {
            applyResults(&state, results)
        }
    case .pointer(let pointer):
        state.message = nil
        performPointer(&state, pointer)
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
    closeStaleLinkList(&state)
    clampList(&state)
    effects += trackReading(from: before, &state)
    if let reader = state.reader, readerHeader(state, reader.article) != reader.document.header {
        relayoutReader(&state, force: true)  // a mark just set shows in the header block
        clampList(&state)
    }
    return effects
}

private func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
    // Restricted mode is for strangers over SSH: nothing that reaches a shell, a program or a file.
    if state.isRestricted && [.suspend, .openInPager, .openInEditor, .pipeArticle].contains(command) {
        state.message = "not available in restricted mode"
        return []
    }
    if state.focus == .prompt && command != .quit && command != .suspend { return performInPrompt(&state, command) }
    if state.focus == .links && command != .quit && command != .suspend { return performInLinks(&state, command) }
    // Any key after Enter says what the user wants now: an open still waiting for results is dropped.
    state.opensWhenResultsArrive = false
    switch command {
    case .quit: state.shouldQuit = true
    case .suspend: return [.suspend]
    case .reloadCorpus:
        state.message = "checking the folder for changes"
        return [.reload]
    case .openInPager, .openInEditor, .pipeArticle, .copyArticle, .copyID:
        return handOff(&state, command)
    case .runPrompt, .cancelPrompt: break
    case .toggleRead, .toggleBookmark, .showUnreadOnly, .showBookmarkedOnly:
        return performMarkCommand(&state, command)
    case .toggleHelp:
        state.isShowingHelp = true
        state.helpOffset = 0
    case .findInArticle: startFind(&state)
    case .toggleFullHeaders: return toggleFullHeaders(&state)
    case .nextUnread, .previousUnread: moveToUnread(&state, forward: command == .nextUnread)
    case .markAllRead: askToMarkAllRead(&state)
    case .reverseSort: return reverseOrder(&state)
    case .filterBySource: return startSourceFilter(&state)
    case .completeSource: break
    case .focusSearch:
        state.focus = .search
        state.isZoomed = false  // the results show in the list, so the list must be on screen
        state.historyIndex = nil
    case .toggleFocus:
        if state.focus == .list, state.layout.mode != .single || state.reader != nil {
            openSelectedOrWait(&state)
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
    case .openSelected: openSelectedOrWait(&state)
    case .showRelated: return toggleRelated(&state)
    case .showCopies: toggleCopies(&state)
    case .clearQuery:
        if state.related != nil {
            leaveRelated(&state)
        } else if !state.editor.text.isEmpty {
            state.editor.clear()
            return queryChanged(&state)
        }
    case .scrollDown: scroll(&state, by: 1)
    case .scrollUp: scroll(&state, by: -1)
    case .scrollPageDown: pageDownOrNext(&state)
    case .scrollPageUp: scroll(&state, by: -max(1, readerHeight(state) - 2))
    case .scrollTop: scroll(&state, to: 0)
    case .scrollBottom: scroll(&state, to: Int.max)
    case .toggleRawText, .toggleQuotes: toggleBodyOption(&state, command)
    case .showLinks: showLinks(&state)
    case .linkNext, .linkPrevious, .openLink, .copyLink, .closeLinks: break
    case .nextHit: moveHit(&state, forward: true)
    case .previousHit: moveHit(&state, forward: false)
    case .closeReader where state.reader?.find != nil:
        endFind(&state)
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
    case .deleteBackward:
        state.editor.deleteBackward()
        return queryChanged(&state)
    case .deleteForward:
        state.editor.deleteForward()
        return queryChanged(&state)
    case .deleteWord:
        state.editor.deleteWord()
        return queryChanged(&state)
    case .clearLine:
        state.editor.clear()
        return queryChanged(&state)
    case .cursorLeft: state.editor.moveLeft()
    case .cursorRight: state.editor.moveRight()
    case .cursorStart: state.editor.moveToStart()
    case .cursorEnd: state.editor.moveToEnd()
    case .historyPrevious: return walkHistory(&state, by: -1)
    case .historyNext: return walkHistory(&state, by: 1)
    case .acceptSuggestion: return acceptSuggestion(&state)
    }
    return []
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
