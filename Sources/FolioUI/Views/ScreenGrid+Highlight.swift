import TerminalCore

extension ScreenGrid {
    /// Writes `text` with the UTF-8 ranges in `hits` drawn in `hitStyle`, the rest in `style`.
    /// Returns the columns written.
    @discardableResult
    mutating func put(
        _ text: String, hits: [Range<Int>], row: Int, column: Int, style: Style, hitStyle: Style, maxWidth: Int
    ) -> Int {
        put(text, styledHits: hits.map { ($0, hitStyle) }, row: row, column: column, style: style, maxWidth: maxWidth)
    }

    /// Writes `text` with each hit (a UTF-8 range, ascending) in its own style, the rest in `style`.
    /// The text is cut into segments at hit boundaries, so each segment goes through the one `put`
    /// that handles widths and controls. A hit that does not fall on scalar boundaries (a caller's
    /// bug: say, ranges of a text since truncated) is left out rather than drawn as U+FFFD.
    @discardableResult
    mutating func put(
        _ text: String, styledHits: [(range: Range<Int>, style: Style)], row: Int, column: Int, style: Style, maxWidth: Int
    ) -> Int {
        guard !styledHits.isEmpty else { return put(text, row: row, column: column, style: style, maxWidth: maxWidth) }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index? {
            guard offset >= 0, offset <= utf8.count else { return nil }
            let index = utf8.index(utf8.startIndex, offsetBy: offset)
            return index.samePosition(in: text.unicodeScalars) == nil ? nil : index
        }
        var written = 0
        var position = text.startIndex
        func segment(_ start: String.Index, _ end: String.Index, _ segmentStyle: Style) {
            guard start < end, written < maxWidth else { return }
            written += put(
                text[start..<end], row: row, column: column + written, style: segmentStyle, maxWidth: maxWidth - written)
        }
        for (range, hitStyle) in styledHits {
            guard let start = index(range.lowerBound), let end = index(range.upperBound), start >= position else { continue }
            segment(position, start, style)
            segment(start, end, hitStyle)
            position = end
        }
        segment(position, text.endIndex, style)
        return written
    }

    /// Text centred in a row of `rect`.
    mutating func putCentred(_ text: String, row: Int, in rect: Rect, style: Style) {
        let shown = TextLayout.truncate(text, toWidth: rect.width)
        let column = rect.x + max(0, (rect.width - DisplayWidth.of(shown)) / 2)
        put(shown, row: row, column: column, style: style, maxWidth: rect.maxX - column)
    }
}
