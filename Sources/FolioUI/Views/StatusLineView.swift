import TerminalCore

/// The bottom line: where you are, the current hit, a message, and the few keys worth knowing now.
enum StatusLineView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout ScreenGrid, theme: Theme) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: theme.statusBar)
        if let prompt = state.prompt {
            drawPrompt(prompt, state, in: rect, into: &grid, theme: theme)
            return
        }
        var left: [String] = []
        if !state.rows.isEmpty {
            let estimate = state.rows.estimatedCount.map { "~" + SearchBarView.approximately($0) }
            left.append("\(state.selected + 1)/\(estimate ?? String(state.rows.count))")
        }
        if let reader = state.reader, state.layout.reader != nil {
            left.append(ReaderView.position(reader, height: readerHeight(state)))
            let hits = reader.document.hitLines.count
            if hits > 0 { left.append("hit \((reader.currentHit ?? 0) + 1)/\(hits)") }
        }
        if let related = state.related {
            left.append("\(related.kind == .copies ? "copies of" : "related to"): \(related.title)")
        }
        left += Self.filters(state)
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
        if let suggestion = state.suggestion, state.message == nil {
            // "Did you mean", with the key that accepts it (as bound).
            let key = state.keyMap.bindings.first { $0.command == .acceptSuggestion }?.keys.first.map { " (\($0))" } ?? ""
            var style = theme.statusBar
            style.bold = true
            column += 2
            column += grid.put(
                "did you mean \"\(suggestion)\"?\(key)", row: rect.y, column: column, style: style,
                maxWidth: max(0, rect.maxX - column - 1))
        }
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

    /// The order when it is not the default, what the list is narrowed to, and the unread count:
    /// "by date reversed  unread only  source: bbc  “ashes”  12 unread".
    static func filters(_ state: AppState) -> [String] {
        var parts: [String] = []
        if state.related == nil && (state.sort != .relevance || state.isReversed) {
            parts.append("by \(state.sort.rawValue)\(state.isReversed ? " reversed" : "")")
        }
        if state.filter != .all { parts.append("\(state.filter.rawValue) only") }
        if let source = state.sourceFilter { parts.append("source: \(TextLayout.truncate(source.name, toWidth: 20))") }
        if state.hasQuery { parts.append("“\(TextLayout.truncate(state.query.trimmingCharacters(in: " "), toWidth: 20))”") }
        // The articles there are, not the size of the engine's number space (a Xapian stub's may
        // leave gaps, architecture.md §9), each group of identical copies once.
        parts.append("\(max(0, state.engine.report.articleCount - state.engine.foldedCopyCount - state.readCount)) unread")
        return parts
    }

    static func hints(_ state: AppState) -> String {
        if state.isShowingHelp { return "j/k scroll  ? close" }
        switch state.focus {
        case .search: return "Enter results  Esc cancel"
        case .list: return "/ search  Enter open  ? help  q quit"
        case .reader: return state.reader?.find != nil ? "n/N hits  Esc back" : "/ find  n/N hits  q back  ? help"
        case .prompt:
            switch state.prompt?.purpose {
            case .find: return "Enter keep  Esc back"
            case .confirmMarkAllRead: return ""
            case .source: return "Tab complete  Enter show"
            default: return "Enter run  Esc cancel"
            }
        case .links: return "Enter open  y copy  q back"
        }
    }

    /// "| pipe to: wc -w▏", "/ find: ash▏", "mark 120 articles read? (y/n)", "source: bb▏  bbc 510 …".
    private static func drawPrompt(
        _ prompt: PromptState, _ state: AppState, in rect: Rect, into grid: inout ScreenGrid, theme: Theme
    ) {
        let label: String
        switch prompt.purpose {
        case .pipe: label = "| pipe to: "
        case .find: label = "/ find: "
        case .confirmMarkAllRead(let count): label = "mark \(count) article\(count == 1 ? "" : "s") read? (y/n) "
        case .source: label = "source: "
        }
        var column = rect.x + 1
        column += grid.put(label, row: rect.y, column: column, style: theme.statusBar, maxWidth: rect.width - 2)
        guard !prompt.isQuestion else { return }
        var choices = ""
        if prompt.purpose == .source {
            choices =
                state.message ?? sourceCandidates(prompt).prefix(8).map { "\($0.name) \($0.count)" }.joined(separator: " · ")
        } else if prompt.purpose == .find, let reader = state.reader {
            // As typed: how many hits and which is shown, or why there is none.
            let hits = reader.document.hitLines.count
            choices = hits > 0 ? "hit \((reader.currentHit ?? 0) + 1)/\(hits)" : state.message ?? ""
        }
        var cursorStyle = theme.statusBar
        cursorStyle.reverse.toggle()
        // The field gets at least half of what is left; the choices the rest.
        let room = max(1, rect.maxX - column - 1)
        let fieldWidth = choices.isEmpty ? room : max(min(room, 12), room - DisplayWidth.of(choices) - 2)
        let used = EditorCells.draw(
            prompt.editor.characters, cursor: prompt.editor.cursor, focused: true, row: rect.y, column: column,
            width: fieldWidth, style: theme.statusBar, cursorStyle: cursorStyle, into: &grid)
        column += used + 2
        if !choices.isEmpty && column < rect.maxX - 1 {
            grid.put(choices, row: rect.y, column: column, style: theme.statusBar, maxWidth: rect.maxX - column - 1)
        }
    }
}
