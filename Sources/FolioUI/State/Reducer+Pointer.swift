// The mouse (Documentation/architecture.md §3): what `action(for: MouseEvent, in:)` asks for.

func performPointer(_ state: inout AppState, _ pointer: PointerAction) {
    switch pointer {
    case .clickRow(let position):
        guard state.rows.indices.contains(position) else { return }
        if position == state.selected && (state.focus == .list || state.reader?.article != state.rows[position]) {
            openSelected(&state, focusReader: true)
        } else {
            state.focus = .list
            state.historyIndex = nil
            select(&state, position)
        }
    case .scrollList(let rows):
        select(&state, state.selected + rows)
    case .scrollReader(let lines):
        scroll(&state, by: lines)
    case .focusReader:
        guard state.reader != nil else { return }
        state.focus = .reader
    }
}
