/// The whole screen as cells: views draw into it (pure), the terminal backend shows what changed.
public struct ScreenGrid: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = [Cell](repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Fills `rect` (clipped to the screen) with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for row in clipped.y..<clipped.maxY {
            for column in clipped.x..<clipped.maxX { self[row, column] = .blank(style) }
        }
    }

    /// Writes `text` at (row, column), at most `maxWidth` columns and never past the right edge;
    /// a wide character that would not fit is replaced by a blank. Control characters become a
    /// visible placeholder (TextCell's rule), so nothing in the grid can drive the terminal.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, row: Int, column: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let limit = min(width, column + (maxWidth ?? width))
        var x = column
        // Most text on screen is printable ASCII: one byte, one column, one cell, no cell analysis
        // and no String built per cell (that was a quarter of drawing a list of results).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                if x >= limit { break }
                if x >= 0 {
                    clearWideNeighbours(row: row, column: x, width: 1)
                    self[row, x] = Cell(text: Self.asciiCellText[Int(byte)], width: 1, style: style)
                }
                x += 1
            }
            return max(0, x - column)
        }
        for cell in TextCell.cells(of: text) {
            if x >= limit { break }
            if x + cell.width > limit {
                // Half a wide character is never drawn: pad the remaining column instead.
                if x >= 0 { self[row, x] = .blank(style) }
                x += 1
                break
            }
            if x >= 0 {
                clearWideNeighbours(row: row, column: x, width: cell.width)
                var string = String.UnicodeScalarView()
                string.append(contentsOf: cell.scalars)
                self[row, x] = Cell(text: String(string), width: UInt8(cell.width), style: style)
                if cell.width == 2 { self[row, x + 1] = Cell(text: "", width: 0, style: style) }
            }
            x += cell.width
        }
        return max(0, x - column)
    }

    /// The one-character strings of the ASCII bytes (small strings: no allocation to copy).
    private static let asciiCellText: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// Re-styles the cells in a row range without changing their text (highlights, selection).
    public mutating func restyle(row: Int, columns: Range<Int>, _ transform: (inout Style) -> Void) {
        guard row >= 0, row < height else { return }
        for column in max(0, columns.lowerBound)..<min(width, max(0, columns.upperBound)) {
            transform(&cells[row * width + column].style)
        }
    }

    /// Writing over half of a wide cell must not leave the other half behind.
    private mutating func clearWideNeighbours(row: Int, column: Int, width cellWidth: Int) {
        if self[row, column].isContinuation && column > 0 { self[row, column - 1] = .blank(self[row, column - 1].style) }
        let end = column + cellWidth
        if end < width && self[row, end].isContinuation { self[row, end] = .blank(self[row, end].style) }
    }

    public func clip(_ rect: Rect) -> Rect {
        let x = max(0, rect.x)
        let y = max(0, rect.y)
        return Rect(x: x, y: y, width: min(width, rect.maxX) - x, height: min(height, rect.maxY) - y)
    }

    /// The text of one row (continuation cells skipped), for tests and snapshots.
    public func text(ofRow row: Int) -> String {
        (0..<width).map { self[row, $0].text }.joined()
    }
}
