/// The search bar's text and cursor, edited by character (not byte), as a line editor does.
public struct QueryEditor: Sendable, Equatable {
    public private(set) var characters: [Character] = []
    public private(set) var cursor = 0
    /// Queries are for searching, not essays: beyond this, input is ignored.
    public static let maximumLength = 1_000

    public init(_ text: String = "") {
        characters = Array(text.prefix(Self.maximumLength))
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Inserts at the cursor; false when `character` was dropped (the text is at its maximum
    /// length, or it is a directional control), so the caller can skip work for a key that changed nothing.
    @discardableResult
    public mutating func insert(_ character: Character) -> Bool {
        guard characters.count < Self.maximumLength, !character.unicodeScalars.contains(where: Self.isDirectionalControl) else {
            return false
        }
        characters.insert(character, at: cursor)
        cursor += 1
        return true
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Ctrl-W: spaces before the cursor, then the word before them.
    public mutating func deleteWord() {
        var start = cursor
        while start > 0 && characters[start - 1] == " " { start -= 1 }
        while start > 0 && characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Bidi embeddings, overrides, isolates and marks, and the BOM: invisible, matched by nothing,
    /// and able to reorder what the terminal shows after them; the grid would pass them through on
    /// the cell before (TerminalCore keeps zero-width scalars as followers), so they stop here.
    static func isDirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    public mutating func clear() { self = QueryEditor() }
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = characters.count }
}
