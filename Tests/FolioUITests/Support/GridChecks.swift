import TerminalCore

/// Checks every screen must pass, whatever it shows.
enum GridChecks {
    /// Scalars that must never reach a terminal: C0 and C1 controls, DEL, bidi embeddings,
    /// overrides and isolates, directional marks, the BOM; and U+FFFD, which the grid draws for a
    /// control character (or which a hit range cut inside a character would produce).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0xFFFD: true
        default: false
        }
    }

    /// Problems with the grid's cells: forbidden scalars, a wide cell without its continuation,
    /// a continuation without its wide cell. Written for speed: it runs after every random step.
    static func problems(in grid: ScreenGrid) -> [String] {
        var problems: [String] = []
        let cells = grid.cells
        for index in cells.indices {
            let cell = cells[index]
            let row = index / max(1, grid.width)
            let column = index % max(1, grid.width)
            let utf8 = cell.text.utf8
            // Most cells are one printable ASCII character: nothing to look at.
            if cell.width == 1, utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F { continue }
            if let bad = cell.text.unicodeScalars.first(where: isForbidden) {
                problems.append("(\(row),\(column)) holds U+\(String(bad.value, radix: 16, uppercase: true))")
            }
            switch cell.width {
            case 0:
                if column == 0 || cells[index - 1].width != 2 {
                    problems.append("(\(row),\(column)) continuation without a wide cell before it")
                }
            case 1:
                if cell.text.isEmpty { problems.append("(\(row),\(column)) empty one-column cell") }
            case 2:
                if column + 1 >= grid.width || !cells[index + 1].isContinuation {
                    problems.append("(\(row),\(column)) wide cell cut in half")
                }
            default:
                problems.append("(\(row),\(column)) width \(cell.width)")
            }
        }
        return problems
    }
}
