/// One screen cell: a base character with its zero-width followers (ncurses' complex character),
/// drawn `width` columns wide. The column after a wide cell holds a continuation cell (width 0).
public struct Cell: Hashable, Sendable {
    /// The scalars to draw; "" for a continuation cell.
    public var text: String
    /// 1 or 2 for a drawn cell, 0 for the continuation of a wide one.
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .plain)

    public static func blank(_ style: Style) -> Cell { Cell(text: " ", width: 1, style: style) }

    public var isContinuation: Bool { width == 0 }
}
