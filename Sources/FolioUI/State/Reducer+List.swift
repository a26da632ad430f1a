import FolioCore

// The article list: the selection and its scroll position.

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
