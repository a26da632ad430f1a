import TerminalCore

extension ScreenGrid {
    /// Writes `text` with the UTF-8 ranges in `hits` drawn in `hitStyle`, the rest in `style`.
    /// Returns the columns written. The text is cut into segments at hit boundaries, so each
    /// segment goes through the one `put` that handles widths and controls.
    @discardableResult
    mutating func put(
        _ text: String, hits: [Range<Int>], row: Int, column: Int, style: Style, hitStyle: Style, maxWidth: Int
    ) -> Int {
        guard !hits.isEmpty else { return put(text, row: row, column: column, style: style, maxWidth: maxWidth) }
        let utf8 = text.utf8
        var written = 0
        var position = 0
        func segment(_ range: Range<Int>, _ segmentStyle: Style) {
            guard range.lowerBound < range.upperBound, written < maxWidth else { return }
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
            // Offsets come from the tokenizer, on scalar boundaries; String(_:) repairs anything else.
            let piece = String(text.utf8[start..<end]) ?? String(decoding: Array(text.utf8[start..<end]), as: UTF8.self)
            written += put(piece, row: row, column: column + written, style: segmentStyle, maxWidth: maxWidth - written)
        }
        for hit in hits where hit.lowerBound >= position && hit.upperBound <= utf8.count {
            segment(position..<hit.lowerBound, style)
            segment(hit, hitStyle)
            position = hit.upperBound
        }
        segment(position..<utf8.count, style)
        return written
    }

    /// Text centred in a row of `rect`.
    mutating func putCentred(_ text: String, row: Int, in rect: Rect, style: Style) {
        let shown = TextLayout.truncate(text, toWidth: rect.width)
        let column = rect.x + max(0, (rect.width - DisplayWidth.of(shown)) / 2)
        put(shown, row: row, column: column, style: style, maxWidth: rect.maxX - column)
    }
}
