import TerminalCore

// Pipe tables: drawn with lines between columns when they fit the pane, else left as written
// (architecture.md §10).

extension MarkdownRenderer {
    /// A header row, a delimiter row (`|---|:--:|`), then rows with `|`, up to a blank line.
    mutating func table(
        _ lines: ArraySlice<Range<Int>>, from start: Int, available: Int
    ) -> (blocks: [RenderedBlock], next: Int)? {
        guard start + 1 < lines.endIndex, bytes[lines[start]].contains(UInt8(ascii: "|")),
            isDelimiterRow(trimmed(lines[start + 1]))
        else { return nil }
        var end = start + 2
        while end < lines.endIndex, !trimmed(lines[end]).isEmpty, bytes[lines[end]].contains(UInt8(ascii: "|")) { end += 1 }
        let rows = ([start] + Array((start + 2)..<end)).map { cells(trimmed(lines[$0])) }
        let columns = rows[0].count
        var rendered = rows.map { row in
            (0..<columns).map { column in column < row.count ? inlineBlock([row[column]]) : RenderedBlock() }
        }
        let widths = (0..<columns).map { column in
            rendered.map { DisplayWidth.of(String(decoding: $0[column].bytes, as: UTF8.self)) }.max() ?? 0
        }
        guard widths.reduce(0, +) + 3 * (columns - 1) <= available else {
            // Too wide to draw: the rows as written, each wrapped like a paragraph.
            let raw = (start..<end).map { line -> RenderedBlock in
                var block = RenderedBlock()
                for offset in lines[line] { block.append(bytes[offset], source: offset) }
                return block
            }
            return (raw, end)
        }
        var blocks: [RenderedBlock] = []
        for (number, cellBlocks) in rendered.indices.map({ ($0, rendered[$0]) }) {
            var row = RenderedBlock()
            row.wraps = false
            for (column, cell) in cellBlocks.enumerated() {
                if column > 0 {
                    let start = row.bytes.count
                    row.appendInserted(" │ ")
                    row.addSpan(from: start, role: .marker)
                }
                let cellStart = row.bytes.count
                row.bytes += cell.bytes
                row.sources += cell.sources
                row.spans += cell.spans.map {
                    StyledSpan(range: ($0.range.lowerBound + cellStart)..<($0.range.upperBound + cellStart), role: $0.role)
                }
                if number == 0 { row.addSpan(from: cellStart, role: .strong) }
                let missing = widths[column] - DisplayWidth.of(String(decoding: cell.bytes, as: UTF8.self))
                if column + 1 < columns { row.appendInserted(String(repeating: " ", count: max(0, missing))) }
            }
            blocks.append(row)
            if number == 0 {
                var rule = RenderedBlock()
                rule.wraps = false
                rule.appendInserted(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"))
                rule.addSpan(from: 0, role: .marker)
                blocks.append(rule)
            }
        }
        rendered.removeAll()
        return (blocks, end)
    }

    /// `|---|:---:|`, `--- | ---`: cells of dashes with optional colons.
    func isDelimiterRow(_ line: Range<Int>) -> Bool {
        guard !line.isEmpty else { return false }
        let row = cells(line)
        guard !row.isEmpty, bytes[line].contains(UInt8(ascii: "-")) else { return false }
        return row.allSatisfy { cell in
            let text = bytes[cell]
            return !text.isEmpty && text.contains(UInt8(ascii: "-"))
                && text.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") }
        }
    }

    /// The cells of a row, trimmed: split at `|` not escaped by a backslash, without the empty
    /// cells outside a leading and trailing `|`.
    func cells(_ line: Range<Int>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var cellStart = line.lowerBound
        var index = line.lowerBound
        while index < line.upperBound {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "|") {
                cells.append(cellStart..<index)
                cellStart = index + 1
            }
            index += 1
        }
        cells.append(cellStart..<line.upperBound)
        if let first = cells.first, trimmed(first).isEmpty, bytes[line.lowerBound] == UInt8(ascii: "|") { cells.removeFirst() }
        if let last = cells.last, trimmed(last).isEmpty, line.upperBound > line.lowerBound,
            bytes[line.upperBound - 1] == UInt8(ascii: "|")
        {
            cells.removeLast()
        }
        return cells.map(trimmed)
    }
}
