import TerminalCore

/// Draws the whole state into a grid: pure, so screens can be tested as text (Documentation/architecture.md §14).
public enum Screen {
    public static func render(_ state: AppState, theme: Theme = .standard) -> ScreenGrid {
        var grid = ScreenGrid(width: state.width, height: state.height)
        let layout = state.layout
        if layout.mode == .tooSmall {
            let rect = grid.bounds
            grid.putCentred("terminal too small", row: rect.height / 2, in: rect, style: theme.dim)
            if rect.height > 1 {
                grid.putCentred(
                    "\(state.width)x\(state.height) < \(Layout.minimumWidth)x\(Layout.minimumHeight)",
                    row: rect.height / 2 + 1, in: rect, style: theme.dim)
            }
            return grid
        }
        SearchBarView.draw(state, in: layout.searchBar, into: &grid, theme: theme)
        if state.isShowingHelp {
            let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 2)
            HelpView.draw(state, in: body, into: &grid, theme: theme)
        } else {
            if let list = layout.list { ArticleListView.draw(state, in: list, into: &grid, theme: theme) }
            if let divider = layout.divider { drawDivider(divider, layout: layout, into: &grid, theme: theme) }
            if let reader = layout.reader {
                if let links = state.linkList {
                    LinkListView.draw(links, in: reader, into: &grid, theme: theme)
                } else {
                    ReaderView.draw(state, in: reader, into: &grid, theme: theme)
                }
            }
        }
        StatusLineView.draw(state, in: layout.status, into: &grid, theme: theme)
        return grid
    }

    private static func drawDivider(_ rect: Rect, layout: Layout, into grid: inout ScreenGrid, theme: Theme) {
        if layout.mode == .sideBySide {
            for row in rect.y..<rect.maxY { grid.put("│", row: row, column: rect.x, style: theme.divider, maxWidth: 1) }
        } else {
            grid.put(
                String(repeating: "─", count: rect.width), row: rect.y, column: rect.x, style: theme.divider, maxWidth: rect.width
            )
        }
    }
}
