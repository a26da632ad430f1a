import CNCursesW
import TerminalCore

extension CursesTerminal {
    /// Draws `grid`: the cells that differ from the last presented grid (every cell after a
    /// resize or `invalidate()`), then one `doupdate`.
    ///
    /// Each cell goes through `setcchar` and `mvwadd_wch`; continuation cells are skipped, since
    /// ncurses fills the column after a wide cell itself. Cells beyond the terminal are clipped.
    public func present(_ grid: ScreenGrid) {
        guard !isShutDown else { return }
        makeCurrent()
        let (width, height) = size
        let previous = presented.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        // A fresh window, so nothing from an older, larger grid survives around a smaller one.
        if previous == nil { werase(window) }
        var changed = 0
        for row in 0..<min(grid.height, height) {
            for column in 0..<min(grid.width, width) {
                let cell = grid[row, column]
                if cell.isContinuation { continue }
                if let previous, !Self.differs(grid, previous, row: row, column: column) { continue }
                draw(cell, row: row, column: column, fitsWide: column + 1 < min(grid.width, width))
                changed += 1
            }
        }
        wnoutrefresh(window)
        doupdate()
        presented = grid
        lastPresentChangedCells = changed
    }

    /// Whether the cell at (row, column), with its continuation if wide, changed.
    private static func differs(_ grid: ScreenGrid, _ previous: ScreenGrid, row: Int, column: Int) -> Bool {
        if grid[row, column] != previous[row, column] { return true }
        let next = column + 1
        return grid[row, column].width == 2 && next < grid.width && grid[row, next] != previous[row, next]
    }

    /// Draws one cell, and a blank after it when a wide cell has to be drawn one column wide.
    private func draw(_ cell: Cell, row: Int, column: Int, fitsWide: Bool) {
        let style = hasColor ? cell.style : cell.style.withoutColor
        let attributes = Self.attributes(of: style)
        let pair = hasColor ? colorPair(for: style) : 0
        var glyph = isUnicode ? Glyph.unicode(cell) : Glyph.ascii(cell)
        if glyph.columns == 2 && !fitsWide { glyph = Glyph(characters: [Glyph.replacement(isUnicode)], columns: 1) }
        put(glyph.characters, attributes: attributes, pair: pair, row: row, column: column)
        if cell.width == 2 && glyph.columns == 1 && fitsWide {
            put([0x20], attributes: attributes, pair: pair, row: row, column: column + 1)
        }
    }

    private func put(_ characters: [wchar_t], attributes: attr_t, pair: Int16, row: Int, column: Int) {
        var complex = cchar_t()
        var text = characters
        text.append(0)
        setcchar(&complex, text, attributes, pair, nil)
        // Returns ERR in the bottom-right corner (the cursor cannot advance), yet stores the cell.
        mvwadd_wch(window, Int32(row), Int32(column), &complex)
    }

    static func attributes(of style: Style) -> attr_t {
        var attributes = folio_A_NORMAL
        if style.bold { attributes |= folio_A_BOLD }
        if style.reverse { attributes |= folio_A_REVERSE }
        if style.underline { attributes |= folio_A_UNDERLINE }
        if style.dim { attributes |= folio_A_DIM }
        return attributes
    }

    private func colorPair(for style: Style) -> Int16 {
        colorPairs.pair(foreground: style.foreground.cursesNumber, background: style.background.cursesNumber) {
            init_pair($0, $1, $2) != ERR
        }
    }
}

/// What is actually sent for a cell: its wide characters and the columns curses will give them.
struct Glyph: Equatable {
    var characters: [wchar_t]
    var columns: Int

    /// Drawn for a cell that must not or cannot be drawn as it is.
    static func replacement(_ isUnicode: Bool) -> wchar_t {
        isUnicode ? 0xFFFD : 0x3F
    }

    /// The cell's scalars, as long as curses will draw them the way the grid laid them out.
    ///
    /// Defence in depth, on top of TextCell's own rules: a control character never reaches
    /// ncurses (which would draw U+001F as the two cells "^_"); a base that glibc calls
    /// unprintable or gives another width than the grid (an unassigned code point) becomes
    /// U+FFFD; followers glibc does not call zero-width are dropped, as setcchar would drop them;
    /// at most CCHARW_MAX scalars are kept.
    static func unicode(_ cell: Cell) -> Glyph {
        let scalars = cell.text.unicodeScalars
        guard let base = scalars.first else { return Glyph(characters: [0x20], columns: 1) }
        let replaced = Glyph(characters: [replacement(true)], columns: 1)
        if scalars.contains(where: isControl) { return replaced }
        let baseCharacter = wchar_t(bitPattern: base.value)
        let baseWidth = Int(folio_wcwidth(baseCharacter))
        guard baseWidth == Int(cell.width), iswprint(wint_t(base.value)) != 0 else { return replaced }
        var characters = [baseCharacter]
        for follower in scalars.dropFirst() where characters.count < Int(folio_CCHARW_MAX) {
            let character = wchar_t(bitPattern: follower.value)
            if folio_wcwidth(character) == 0 { characters.append(character) }
        }
        return Glyph(characters: characters, columns: baseWidth)
    }

    /// One ASCII character per cell (no UTF-8 locale): the base's replacement, combining marks
    /// dropped, "?" for a wide cell or a control character.
    static func ascii(_ cell: Cell) -> Glyph {
        let scalars = cell.text.unicodeScalars
        guard let base = scalars.first else { return Glyph(characters: [0x20], columns: 1) }
        if cell.width != 1 || scalars.contains(where: isControl) { return Glyph(characters: [replacement(false)], columns: 1) }
        let character = ASCIIFallback.character(for: base)
        return Glyph(characters: [wchar_t(bitPattern: character.value)], columns: 1)
    }

    /// C0, DEL, C1, and the line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value < 0xA0) || value == 0x2028 || value == 0x2029
    }
}
