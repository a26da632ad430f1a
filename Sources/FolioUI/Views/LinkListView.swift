import TerminalCore

/// The link list in the reading pane's place: a heading, then "  3  https://…" per link, the
/// selected one reversed; long addresses are cut with "…" (the whole one is what opens).
enum LinkListView {
    static func draw(_ list: LinkListState, in rect: Rect, into grid: inout ScreenGrid, theme: Theme) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: theme.text)
        let left = rect.x + 1
        let width = max(0, rect.width - 2)
        let heading = TextLayout.truncate("Links (\(list.urls.count)): Enter opens, y copies, q returns", toWidth: width)
        grid.put(heading, row: rect.y, column: left, style: theme.title, maxWidth: width)
        let rows = rect.height - 2
        guard rows > 0 else { return }
        // Keep the selected link on screen.
        let top = list.selected < rows ? 0 : list.selected - rows + 1
        let numberWidth = String(list.urls.count).count
        for row in 0..<rows {
            let index = top + row
            guard index < list.urls.count else { break }
            let number = String(index + 1)
            let label = String(repeating: " ", count: numberWidth - number.count) + number + "  "
            let isSelected = index == list.selected
            let y = rect.y + 2 + row
            let numberStyle = isSelected ? theme.selected : theme.metadata
            var column = left + grid.put(label, row: y, column: left, style: numberStyle, maxWidth: width)
            let urlStyle = isSelected ? theme.selected : theme.link
            column += grid.put(
                TextLayout.truncate(list.urls[index], toWidth: max(0, width - (column - left))), row: y, column: column,
                style: urlStyle, maxWidth: max(0, width - (column - left)))
            if isSelected, column < left + width {
                grid.fill(Rect(x: column, y: y, width: left + width - column, height: 1), style: theme.selected)
            }
        }
    }
}
