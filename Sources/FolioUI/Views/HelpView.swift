import TerminalCore

/// The `?` screen, generated from the key table so it always matches the keys.
enum HelpView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout ScreenGrid, theme: Theme) {
        let keyMap = state.keyMap
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: theme.text)
        let lines = keyMap.helpLines()
        let keyColumn = min(24, max(8, rect.width / 3))
        for screenRow in 0..<rect.height {
            let index = state.helpOffset + screenRow
            guard index < lines.count else { break }
            let line = lines[index]
            let row = rect.y + screenRow
            if line.isHeading {
                grid.put(
                    TextLayout.truncate(line.keys, toWidth: rect.width - 2), row: row, column: rect.x + 1,
                    style: theme.title, maxWidth: rect.width - 2)
            } else {
                // Cut with "…", so a shortened key list never looks complete.
                grid.put(
                    TextLayout.truncate(line.keys, toWidth: keyColumn - 1), row: row, column: rect.x + 2,
                    style: theme.searchPrompt, maxWidth: keyColumn - 1)
                let helpWidth = max(0, rect.width - keyColumn - 3)
                grid.put(
                    TextLayout.truncate(line.help, toWidth: helpWidth), row: row, column: rect.x + 2 + keyColumn,
                    style: theme.text, maxWidth: helpWidth)
            }
        }
    }
}
