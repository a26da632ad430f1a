import CNCursesW

/// A cell as curses holds it, read back for tests (which never import CNCursesW).
struct DrawnCell: Equatable {
    var text: String
    var bold = false
    var reverse = false
    var underline = false
    var dim = false
    /// The colour pair and its colours (-1 is the terminal's default).
    var pair: Int16 = 0
    var foreground: Int16 = -1
    var background: Int16 = -1
}

extension CursesTerminal {
    /// The cell curses stores at (row, column) of the screen window, after `present`.
    func drawnCell(row: Int, column: Int) -> DrawnCell? {
        makeCurrent()
        var complex = cchar_t()
        guard mvwin_wch(window, Int32(row), Int32(column), &complex) != ERR else { return nil }
        var characters = [wchar_t](repeating: 0, count: Int(folio_CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&complex, &characters, &attributes, &pair, nil) != ERR else { return nil }
        var text = String.UnicodeScalarView()
        for character in characters.prefix(while: { $0 != 0 }) {
            text.append(Unicode.Scalar(UInt32(bitPattern: character)) ?? "\u{FFFD}")
        }
        var cell = DrawnCell(text: String(text), pair: pair)
        cell.bold = attributes & folio_A_BOLD != 0
        cell.reverse = attributes & folio_A_REVERSE != 0
        cell.underline = attributes & folio_A_UNDERLINE != 0
        cell.dim = attributes & folio_A_DIM != 0
        if pair != 0 {
            var foreground: Int16 = 0
            var background: Int16 = 0
            pair_content(pair, &foreground, &background)
            cell.foreground = foreground
            cell.background = background
        }
        return cell
    }

    /// The text of a screen row as curses holds it; the second column of a wide character (which
    /// reads back as the same character) is skipped.
    func drawnRow(_ row: Int) -> String {
        var text = ""
        var column = 0
        while column < size.width, let cell = drawnCell(row: row, column: column) {
            text += cell.text
            let first = cell.text.unicodeScalars.first.map { folio_wcwidth(wchar_t(bitPattern: $0.value)) } ?? 1
            column += first == 2 ? 2 : 1
        }
        return text
    }

    /// Resizes curses' idea of the terminal as a SIGWINCH would; KEY_RESIZE is then queued.
    func resizeForTesting(width: Int, height: Int) {
        makeCurrent()
        resizeterm(Int32(height), Int32(width))
    }
}
