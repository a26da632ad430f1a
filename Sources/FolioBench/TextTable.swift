/// A plain-text table: columns padded to their widest cell, numbers right-aligned.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Left-aligned columns (labels, text); the others hold numbers and are right-aligned.
    var textColumns: Set<Int> = [0]
    var indent = "  "

    init(_ headers: String...) { self.headers = headers }

    init(headers: [String]) { self.headers = headers }

    mutating func add(_ cells: String...) { rows.append(cells) }

    /// Characters, not bytes, set the width: labels may hold "×" or "≈".
    func render() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in
            all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = widths.indices.map { column -> String in
                let cell = column < cells.count ? cells[column] : ""
                let gap = String(repeating: " ", count: widths[column] - cell.count)
                return textColumns.contains(column) ? cell + gap : gap + cell
            }
            var text = indent + padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        // A key-value list has no headers, and then no header line or rule either.
        guard headers.contains(where: { !$0.isEmpty }) else { return rows.map(line).joined(separator: "\n") }
        let rule = indent + String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}
