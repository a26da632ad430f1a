import TerminalCore

/// A line being edited (search bar, prompt) as the grid draws it. Keys arrive one scalar at a time,
/// so a Hindi vowel sign or a Thai tone mark typed after its letter is a character of its own in the
/// editor; drawn alone it would show as a dotted circle. Here it joins the character before, the
/// way the grid keeps zero-width followers in the cell of their base (architecture.md §10).
enum EditorCells {
    struct Cell {
        var text: String
        /// The editor positions (characters) this cell shows.
        var positions: Range<Int>
    }

    static func cells(_ characters: [Character]) -> [Cell] {
        var cells: [Cell] = []
        for (position, character) in characters.enumerated() {
            if !cells.isEmpty, isZeroWidth(character) {
                cells[cells.count - 1].text.append(character)
                cells[cells.count - 1].positions = cells[cells.count - 1].positions.lowerBound..<(position + 1)
            } else {
                cells.append(Cell(text: String(character), positions: position..<(position + 1)))
            }
        }
        return cells
    }

    private static func isZeroWidth(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { DisplayWidth.of($0) == 0 }
    }

    /// Draws `characters` from the cell holding `start` with the cursor at `cursor` (when `focused`),
    /// within `width` columns, a blank cursor cell after the end. Returns the columns used.
    @discardableResult
    static func draw(
        _ characters: [Character], cursor: Int, focused: Bool, row: Int, column: Int, width: Int, style: Style,
        cursorStyle: Style, into grid: inout ScreenGrid
    ) -> Int {
        let cells = cells(characters)
        // Show as much as fits before the cursor, keeping one column for the cursor itself.
        var first = cells.firstIndex { $0.positions.contains(cursor) } ?? cells.count
        var used = 1
        while first > 0 {
            let next = DisplayWidth.of(cells[first - 1].text)
            if used + next > width { break }
            used += next
            first -= 1
        }
        var x = column
        for cell in cells[first...] {
            let cellStyle = focused && cell.positions.contains(cursor) ? cursorStyle : style
            let written = grid.put(cell.text, row: row, column: x, style: cellStyle, maxWidth: column + width - x)
            if written == 0 { break }
            x += written
        }
        if focused && cursor == characters.count && x < column + width {
            grid.put(" ", row: row, column: x, style: cursorStyle, maxWidth: 1)
            x += 1
        }
        return x - column
    }
}
