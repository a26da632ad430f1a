import TerminalCore

/// The bottom line: where you are, the current hit, a message, and the few keys worth knowing now.
enum StatusLineView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout ScreenGrid, theme: Theme) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: theme.statusBar)
        if let prompt = state.prompt {
            drawPrompt(prompt, in: rect, into: &grid, theme: theme)
            return
        }
        var left: [String] = []
        if !state.rows.isEmpty { left.append("\(state.selected + 1)/\(state.rows.count)") }
        if let reader = state.reader, state.layout.reader != nil {
            left.append(ReaderView.position(reader, height: readerHeight(state)))
            let hits = reader.document.hitLines.count
            if hits > 0 { left.append("hit \((reader.currentHit ?? 0) + 1)/\(hits)") }
        }
        if state.sort != .relevance { left.append("by \(state.sort.rawValue)") }
        if let progress = state.indexingProgress {
            // A snapshot painted before its text and index were checked: searches wait for the check.
            let checking = if case .checking = state.engine.state { true } else { false }
            left.append("\(checking ? "checking" : "indexing") \(Int(progress * 100))%")
        }
        // A remote engine's trouble (a shard down) stays on the line while it lasts.
        if let problem = state.engine.problem { left.append(problem) }
        if let reload = state.reload { left.append("\(CorpusReload.cause(state.engine)): \(reload.description)") }
        let hint = hints(state)
        var column = rect.x + 1
        column += grid.put(
            left.joined(separator: "  "), row: rect.y, column: column, style: theme.statusBar, maxWidth: rect.width - 2)
        if let message = state.message {
            var style = theme.statusBar
            style.bold = true
            column += 2
            column += grid.put(message, row: rect.y, column: column, style: style, maxWidth: max(0, rect.maxX - column - 1))
        }
        let hintWidth = DisplayWidth.of(hint)
        if rect.maxX - hintWidth - 1 > column + 1 {
            grid.put(hint, row: rect.y, column: rect.maxX - hintWidth - 1, style: theme.statusBar, maxWidth: hintWidth)
        }
    }

    static func hints(_ state: AppState) -> String {
        if state.isShowingHelp { return "j/k scroll  ? close" }
        switch state.focus {
        case .search: return "Enter results  Esc cancel"
        case .list: return "/ search  Enter open  ? help  q quit"
        case .reader: return "n/N hits  Space page  q back  ? help"
        case .prompt: return "Enter run  Esc cancel"
        }
    }

    /// "| command: wc -w▏" — the article's text goes to the command's standard input.
    private static func drawPrompt(_ prompt: PromptState, in rect: Rect, into grid: inout ScreenGrid, theme: Theme) {
        let label = "| pipe to: "
        var column = rect.x + 1
        column += grid.put(label, row: rect.y, column: column, style: theme.statusBar, maxWidth: rect.width - 2)
        let characters = prompt.editor.characters
        let width = max(1, rect.maxX - column - 1)
        // Keep the cursor on screen: show the tail when the command is longer than the line.
        let start = max(0, prompt.editor.cursor - width + 1)
        for (offset, character) in characters[min(start, characters.count)...].enumerated() {
            let position = start + offset
            var style = theme.statusBar
            if position == prompt.editor.cursor { style.reverse.toggle() }
            let written = grid.put(String(character), row: rect.y, column: column, style: style, maxWidth: rect.maxX - column - 1)
            if written == 0 { break }
            column += written
        }
        if prompt.editor.cursor == characters.count && column < rect.maxX - 1 {
            var cursor = theme.statusBar
            cursor.reverse.toggle()
            grid.put(" ", row: rect.y, column: column, style: cursor, maxWidth: 1)
        }
    }
}
