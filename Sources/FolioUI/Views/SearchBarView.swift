import FolioCore
import Foundation
import TerminalCore

/// The top line: the query being typed, and what it found.
enum SearchBarView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout ScreenGrid, theme: Theme) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: theme.text)
        let isFocused = state.focus == .search
        var column = rect.x
        column += grid.put("/ ", row: rect.y, column: column, style: theme.searchPrompt, maxWidth: rect.width)
        let summary = Self.summary(state)
        let summaryWidth = DisplayWidth.of(summary)
        // The summary only when it leaves the query some room; the field takes the rest.
        let showsSummary =
            summaryWidth > 0 && summaryWidth + 4 < rect.width
            && rect.maxX - column - summaryWidth - 2 >= min(12, DisplayWidth.of(state.query) + 1)
        let fieldWidth = max(1, rect.maxX - column - (showsSummary ? summaryWidth + 2 : 0))
        if state.editor.text.isEmpty && !isFocused {
            grid.put(
                TextLayout.truncate("press / to search", toWidth: fieldWidth), row: rect.y, column: column,
                style: theme.dim, maxWidth: fieldWidth)
        } else {
            drawField(state.editor, focused: isFocused, row: rect.y, column: column, width: fieldWidth, into: &grid, theme: theme)
        }
        if showsSummary {
            grid.put(summary, row: rect.y, column: rect.maxX - summaryWidth, style: theme.dim, maxWidth: summaryWidth)
        }
    }

    /// The query with a visible cursor; scrolled horizontally so the cursor is always on screen.
    private static func drawField(
        _ editor: QueryEditor, focused: Bool, row: Int, column: Int, width: Int, into grid: inout ScreenGrid, theme: Theme
    ) {
        EditorCells.draw(
            editor.characters, cursor: editor.cursor, focused: focused, row: row, column: column, width: width,
            style: theme.text, cursorStyle: theme.cursor, into: &grid)
    }

    /// An estimated count to two significant digits (173412 → "170000"): no more precise than it is.
    static func approximately(_ count: Int) -> String {
        var scale = 1
        while count / scale >= 100 { scale *= 10 }
        return String((count + scale / 2) / scale * scale)
    }

    /// "42 results · 1.3 ms", "about 170000 results · 12.0 ms", "searching…", "5 articles".
    static func summary(_ state: AppState) -> String {
        if state.isSearching { return "searching…" }
        guard let results = state.results else {
            let count = state.rows.count
            return "\(count) article\(count == 1 ? "" : "s")"
        }
        // The search's counts, exact however little of the list is ordered yet; under a filter
        // (unread, bookmarked) still the whole search's, as the near ones are.
        let count = results.list.count
        if let estimate = results.list.estimatedCount {
            // Xapian over many articles: the first rows came before the count (architecture.md §9).
            return "about \(approximately(estimate)) results · \(String(format: "%.1f ms", results.seconds * 1000))"
        }
        let near = results.list.partialStart - results.list.exactCount
        let partial = results.list.partialCount
        let time = String(format: "%.1f ms", results.seconds * 1000)
        let fuzzy = near > 0 ? " (\(near) near)" : ""
        let lacking = partial > 0 ? " (\(partial) partial)" : ""
        // Found by reading every article while the index builds: say so, it explains the time.
        let scan = results.byScan ? " (scan)" : ""
        return "\(count) result\(count == 1 ? "" : "s")\(fuzzy)\(lacking) · \(time)\(scan)"
    }
}
