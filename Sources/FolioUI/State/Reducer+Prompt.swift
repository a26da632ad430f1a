import FolioCore

/// Keys while the `|` prompt is open: line editing, Enter runs, Esc cancels.
func performInPrompt(_ state: inout AppState, _ command: Command) -> [Effect] {
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
