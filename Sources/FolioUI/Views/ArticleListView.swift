import FolioCore
import TerminalCore

/// The article list: one line per article, or two while searching (title, then the snippet with
/// its hits highlighted). The selected row is reverse video, so it shows without colour. A typo
/// match is marked `~`, a partial match (every word of the query but one) `≈`, its snippet line
/// starting with the missing word, dimmed and struck out with a `-`. An article with identical
/// copies (listed once) has `×N` after its title; the list of the copies (`D`) shows ids instead
/// of dates.
enum ArticleListView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout ScreenGrid, theme: Theme) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: theme.text)
        guard !state.rows.isEmpty else {
            let message = state.hasQuery ? "no results for \(state.query)" : "no articles"
            grid.putCentred(message, row: rect.y + rect.height / 2, in: rect, style: theme.dim)
            return
        }
        let rowHeight = state.listRowHeight
        let visible = max(1, rect.height / rowHeight)
        let end = min(state.rows.count, state.listOffset + visible)
        let matches = state.rows.matches(in: state.listOffset..<end)
        let shown = matches.map(\.article)
        // The rows' hits in one request to the engine, snippets included.
        let hits = state.results.map { state.engine.rowHits(of: shown, in: $0, snippetLength: max(40, rect.width * 2)) }
        for (slot, articleIndex) in shown.enumerated() {
            let row = rect.y + slot * rowHeight
            drawEntry(
                state, index: state.listOffset + slot, article: articleIndex, missing: matches[slot].missing, hits: hits?[slot],
                row: row, in: rect, into: &grid, theme: theme)
        }
    }

    private static func drawEntry(
        _ state: AppState, index: Int, article articleIndex: Int, missing: String?, hits: RowHits?, row: Int, in rect: Rect,
        into grid: inout ScreenGrid,
        theme: Theme
    ) {
        let article = state.engine.article(at: articleIndex)
        let isSelected = index == state.selected
        let selectedStyle = state.focus == .list ? theme.selected : theme.selectedUnfocused
        let base = isSelected ? selectedStyle : theme.text
        let lines = state.listRowHeight
        var snippetStyle = isSelected ? base : theme.dim
        snippetStyle.bold = false
        if isSelected { snippetStyle.underline = false }
        // The snippet line's blanks in the snippet's style: no underlined margins when unfocused.
        let snippetFill = isSelected ? snippetStyle : theme.text
        for line in 0..<lines {
            grid.fill(Rect(x: rect.x, y: row + line, width: rect.width, height: 1), style: line == 0 ? base : snippetFill)
        }

        let meta =
            state.related?.kind == .copies
            ? TextLayout.truncate(article.id, toWidth: max(0, rect.width / 2)) + " " : metadata(article, width: rect.width)
        let metaWidth = DisplayWidth.of(meta)
        let isFuzzy = index >= state.exactCount
        let marks = state.marks[articleIndex]
        // One column either way, so exact and near matches keep their titles aligned.
        let marker = marks?.isBookmarked == true ? "★" : missing != nil ? "≈" : isFuzzy ? "~" : " "
        var column = rect.x
        column += grid.put(
            marker, row: row, column: column, style: isSelected || !isFuzzy ? base : theme.fuzzyMarker, maxWidth: 1)
        let copies = state.related?.kind == .copies ? 0 : state.engine.copies(of: articleIndex).count
        let copyMark = copies > 0 ? " ×\(copies + 1)" : ""
        let markWidth = DisplayWidth.of(copyMark)
        let titleWidth = max(1, rect.maxX - column - (metaWidth > 0 ? metaWidth + 1 : 0) - markWidth)
        let title = TextLayout.truncate(article.title, toWidth: titleWidth)
        let titleHits = hits.map { kept($0.title, shown: title, of: article.title) } ?? []
        var titleStyle = base
        // Unread titles are bold (as in newsboat and mutt); read ones plain.
        titleStyle.bold = base.bold || marks?.isRead != true
        grid.put(
            title, hits: titleHits, row: row, column: column, style: titleStyle,
            hitStyle: isSelected ? selectedHit(base) : theme.hit, maxWidth: titleWidth)
        if markWidth > 0 {
            grid.put(
                copyMark, row: row, column: column + DisplayWidth.of(title), style: isSelected ? base : theme.metadata,
                maxWidth: markWidth)
        }
        if metaWidth > 0 {
            grid.put(
                meta, row: row, column: rect.maxX - metaWidth, style: isSelected ? base : theme.metadata, maxWidth: metaWidth)
        }
        if lines == 2, let snippet = hits?.snippet {
            var column = rect.x + 3
            var width = rect.width - 4
            if let missing {
                // The word this partial match lacks, first: the reason it ranks below the others.
                let lacking = TextLayout.truncate("-\(missing) ", toWidth: max(0, width / 2))
                let used = grid.put(
                    lacking, row: row + 1, column: column, style: isSelected ? snippetStyle : theme.fuzzyMarker,
                    maxWidth: width)
                column += used
                width -= used
            }
            let text = TextLayout.truncate(snippet.text, toWidth: max(0, width))
            grid.put(
                text, hits: kept(snippet.hits, shown: text, of: snippet.text), row: row + 1, column: column,
                style: snippetStyle,
                hitStyle: isSelected ? selectedHit(base) : theme.hit, maxWidth: max(0, width))
        }
    }

    /// The hits found in the whole of `full` that fall in the part of it `shown` (`full` truncated),
    /// never a range reaching into the "…" that replaced the rest.
    static func kept(_ hits: [Range<Int>], shown: String, of full: String) -> [Range<Int>] {
        let ellipsis = "…"
        let kept = shown == full || !shown.hasSuffix(ellipsis) ? shown.utf8.count : shown.utf8.count - ellipsis.utf8.count
        return hits.compactMap { hit in hit.lowerBound < kept ? hit.lowerBound..<min(hit.upperBound, kept) : nil }
    }

    /// "2021-10-25  built-in  2 min", shortened to what the width allows.
    static func metadata(_ article: Article, width: Int) -> String {
        let date = article.date?.description ?? "          "
        let minutes = "\(article.readingMinutes) min"
        if width >= 90 {
            return
                "\(date)  \(TextLayout.pad(TextLayout.truncate(article.source, toWidth: 12), toWidth: 12))  \(TextLayout.pad(minutes, toWidth: 6))"
        }
        if width >= 60 { return "\(date)  \(TextLayout.pad(minutes, toWidth: 6))" }
        if width >= 45 { return "\(date) " }  // the trailing blank keeps it off the pane's edge
        return ""
    }

    /// A hit inside the selected row: the row's style, bold and underlined. The hit's colours are
    /// left out, so the selection bar stays one colour across the hit.
    static func selectedHit(_ base: Style) -> Style {
        var style = base
        style.bold = true
        style.underline = true
        return style
    }
}
