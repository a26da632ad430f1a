import FolioCore
import Foundation
import TerminalCore

/// Renders rows as a table (for people), TSV (for cut/awk) or JSON (for jq).
struct Output {
    var format: OutputFormat
    var terminal: TerminalInfo

    /// Without a terminal, the table is laid out for this width (titles are not cut).
    static let unboundedWidth = 10_000

    /// Every field is cleaned first (`PrintableText`), in every format: JSON escapes C0 controls
    /// but would pass C1 controls and bidi overrides through.
    func render(_ rows: [ArticleRow], total: Int? = nil, seconds: Double? = nil) -> String {
        let rows = rows.map(\.printable)
        switch format {
        case .json: return json(rows)
        case .tsv: return rows.map(tsvLine).joined()
        case .table: return table(rows, total: total, seconds: seconds)
        }
    }

    private func json(_ rows: [ArticleRow]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(rows)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func tsvLine(_ row: ArticleRow) -> String {
        var fields = [row.id, row.date ?? "", row.source, "\(row.words)", row.title]
        if let score = row.score { fields.append(String(format: "%.3f", score)) }
        if let snippet = row.snippet { fields.append(snippet.text) }
        // Field text never holds tabs or newlines, so every line has the same columns.
        return fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
            .joined(separator: "\t") + "\n"
    }

    private func table(_ rows: [ArticleRow], total: Int?, seconds: Double?) -> String {
        let width = terminal.columns ?? Self.unboundedWidth
        let idWidth = min(max(2, rows.map { DisplayWidth.of($0.id) }.max() ?? 2), max(12, width / 4))
        let sourceWidth = min(max(6, rows.map { DisplayWidth.of($0.source) }.max() ?? 6), 16)
        let fixed = 10 + 2 + sourceWidth + 2 + 6 + 2 + idWidth + 2
        let titleWidth = max(10, width - fixed)
        var out = ""
        for row in rows {
            var line = TextLayout.pad(row.date ?? "", toWidth: 10) + "  "
            line += TextLayout.pad(row.source, toWidth: sourceWidth) + "  "
            let words = "\(row.words)"
            line += String(repeating: " ", count: max(0, 6 - words.count)) + words + "  "
            line += TextLayout.pad(row.id, toWidth: idWidth) + "  "
            line += TextLayout.truncate(row.title, toWidth: titleWidth)
            out += line.trimmingTrailingSpaces() + "\n"
            let lacking = row.missing.map { "-\($0) " } ?? ""
            if let snippet = row.snippet, !snippet.text.isEmpty || !lacking.isEmpty {
                let indent = "    "
                let room = max(10, min(width, 200) - indent.count - DisplayWidth.of(lacking))
                let shown = TextLayout.truncate(snippet.text, toWidth: room)
                out += indent + struck(lacking) + highlight(shown, hits: snippet.hits) + "\n"
            }
        }
        if let total, terminal.isTerminal {
            let time = seconds.map { String(format: " · %.1f ms", $0 * 1000) } ?? ""
            out += rows.count < total ? "\(rows.count) of \(total) results\(time)\n" : "\(total) results\(time)\n"
        }
        return out
    }

    /// A partial match's missing word, dim and struck through on a colour terminal; the `-` before
    /// it says the same in plain text.
    private func struck(_ text: String) -> String {
        guard terminal.allowsStyle, !text.isEmpty else { return text }
        return "\u{1B}[2;9m" + text.dropLast() + "\u{1B}[0m "
    }

    /// Bold yellow hits when stdout is a colour terminal; plain text otherwise.
    private func highlight(_ text: String, hits: [Range<Int>]) -> String {
        guard terminal.allowsStyle, !hits.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var position = 0
        for hit in hits where hit.lowerBound >= position && hit.upperBound <= bytes.count {
            out += bytes[position..<hit.lowerBound]
            out += Array("\u{1B}[1;33m".utf8) + bytes[hit] + Array("\u{1B}[0m".utf8)
            position = hit.upperBound
        }
        out += bytes[position...]
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[..<end])
    }
}
