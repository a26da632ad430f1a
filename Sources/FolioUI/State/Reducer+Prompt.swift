import FolioCore

// The one-line prompt in the status line (architecture.md §3): `|`'s command, `/`'s find in the
// open article, `A`'s yes/no question and `F`'s source. Line editing is shared; what Enter and Esc
// do, and what typing does meanwhile, depends on the purpose.

/// Keys while the prompt is open: line editing, Enter runs, Esc cancels.
func performInPrompt(_ state: inout AppState, _ command: Command) -> [Effect] {
    guard var prompt = state.prompt else {
        state.focus = .list
        return []
    }
    switch command {
    case .runPrompt, .cancelPrompt:
        // A question is answered by y alone: Enter, like any other key, is no.
        return closePrompt(&state, prompt, run: command == .runPrompt && !prompt.isQuestion)
    case .historyPrevious, .historyNext:
        walkPipeHistory(&state, &prompt, by: command == .historyPrevious ? -1 : 1)
    case .completeSource where prompt.purpose == .source:
        completeSource(&state, &prompt)
    case .deleteBackward: prompt.editor.deleteBackward()
    case .deleteForward: prompt.editor.deleteForward()
    case .deleteWord: prompt.editor.deleteWord()
    case .clearLine: prompt.editor.clear()
    case .cursorLeft: prompt.editor.moveLeft()
    case .cursorRight: prompt.editor.moveRight()
    case .cursorStart: prompt.editor.moveToStart()
    case .cursorEnd: prompt.editor.moveToEnd()
    default: return []
    }
    state.prompt = prompt
    if prompt.purpose == .find { findChanged(&state) }
    return []
}

/// A printable key while the prompt is open: typed, or the answer to a yes/no question.
func typeInPrompt(_ state: inout AppState, _ character: Character) -> [Effect] {
    guard let prompt = state.prompt else { return [] }
    if prompt.isQuestion {
        return closePrompt(&state, prompt, run: character == "y" || character == "Y")
    }
    guard state.prompt?.editor.insert(character) == true else { return [] }
    state.prompt?.historyIndex = nil
    if prompt.purpose == .find { findChanged(&state) }
    return []
}

private func closePrompt(_ state: inout AppState, _ prompt: PromptState, run: Bool) -> [Effect] {
    state.prompt = nil
    state.focus = prompt.returnFocus
    let text = prompt.editor.text.trimmingCharacters(in: " ")
    switch prompt.purpose {
    case .pipe(let article):
        guard run && !text.isEmpty else { return [] }
        state.pipeHistory.removeAll { $0 == text }
        state.pipeHistory.append(text)
        return [.handOff(.pipe(article: article, command: text))]
    case .find:
        if !run || text.isEmpty { endFind(&state) }
        return []
    case .confirmMarkAllRead:
        guard run else {
            state.message = "nothing marked"
            return []
        }
        return markAllRead(&state)
    case .source:
        guard run else { return [] }
        let effects = pickSource(&state, prompt)
        if state.sourceFilter == nil {
            // Nothing picked (no such source, or several start so): the prompt stays for another try.
            state.prompt = prompt
            state.focus = .prompt
        }
        return effects
    }
}

/// Up/Down in the `|` prompt: earlier and later commands of this session; past the last, what was
/// being typed.
private func walkPipeHistory(_ state: inout AppState, _ prompt: inout PromptState, by step: Int) {
    guard case .pipe = prompt.purpose, !state.pipeHistory.isEmpty else { return }
    let history = state.pipeHistory
    if prompt.historyIndex == nil { prompt.historyDraft = prompt.editor.text }
    let index = max(0, min(history.count, (prompt.historyIndex ?? history.count) + step))
    prompt.historyIndex = index == history.count ? nil : index
    prompt.editor = QueryEditor(index == history.count ? prompt.historyDraft : history[index])
}
