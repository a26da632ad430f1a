import TerminalCore

/// What the pointer can ask for, by where it is (`action(for:in:)` reads the layout's rects).
public enum PointerAction: Sendable, Equatable {
    /// A click on the list's row at this position: selects it and focuses the list; on the row
    /// already selected, opens it (so a double click opens).
    case clickRow(Int)
    /// The wheel over the list: moves the selection by this many rows.
    case scrollList(Int)
    /// The wheel over the reading pane: scrolls it by this many lines, focus staying where it is.
    case scrollReader(Int)
    /// A click in the reading pane: focuses it.
    case focusReader
}

/// Rows or lines one wheel notch moves.
let wheelStep = 3

/// Turns a mouse report into an action by what is under the pointer (Documentation/architecture.md
/// §3): the wheel scrolls the list or the reading pane, a click selects a row, focuses the reading
/// pane, or (on the search bar or the status line) the search bar. Releases, the middle and right
/// buttons, and anything while the command prompt is open do nothing.
public func action(for event: MouseEvent, in state: AppState) -> Action? {
    let step: Int
    switch event.button {
    case .wheelUp: step = -wheelStep
    case .wheelDown: step = wheelStep
    case .left where event.isPress: step = 0
    default: return nil
    }
    if state.isShowingHelp {
        return step == 0 ? nil : .command(step > 0 ? .scrollDown : .scrollUp)
    }
    let layout = state.layout
    guard state.focus != .prompt, layout.mode != .tooSmall else { return nil }
    let point = (x: event.column, y: event.row)
    if let list = layout.list, list.holds(point) {
        if step != 0 { return .pointer(.scrollList(step)) }
        let position = state.listOffset + (point.y - list.y) / state.listRowHeight
        return position < state.rows.count ? .pointer(.clickRow(position)) : nil
    }
    if let reader = layout.reader, state.reader != nil, reader.holds(point) {
        return .pointer(step == 0 ? .focusReader : .scrollReader(step))
    }
    if step == 0 && (layout.searchBar.holds(point) || layout.status.holds(point)) { return .command(.focusSearch) }
    return nil
}

extension Rect {
    fileprivate func holds(_ point: (x: Int, y: Int)) -> Bool {
        (x..<maxX).contains(point.x) && (y..<maxY).contains(point.y)
    }
}
