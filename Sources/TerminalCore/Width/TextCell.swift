/// One grid cell of text: a base scalar plus the zero-width scalars drawn on it.
///
/// This is the shape of an ncurses complex character (`cchar_t`); `width` is 1, or 2 for a wide
/// cell, whose second column the grid fills with a continuation cell.
public struct TextCell: Equatable, Sendable {
    /// The base scalar first, then its zero-width followers (at most `maximumScalars` in all).
    public var scalars: [Unicode.Scalar]
    /// Columns the cell occupies: 1 or 2.
    public var width: Int

    /// Creates a cell from its scalars (base first) and its width.
    public init(scalars: [Unicode.Scalar], width: Int) {
        self.scalars = scalars
        self.width = width
    }

    /// The most scalars a cell keeps: ncurses' `CCHARW_MAX` (5 in ncurses 6.4 on Debian 12).
    ///
    /// `setcchar` silently keeps only the first five (measured: "a" + 7 combining marks reads back
    /// as "a" + 4), so keeping more would only make the grid disagree with the screen.
    public static let maximumScalars = 5

    /// Drawn instead of a control character (C0, DEL, C1, U+2028, U+2029).
    ///
    /// Defence in depth: text is sanitised before layout, but the renderer must never send a
    /// control character to the terminal (ncurses would draw U+001F as the two cells "^_").
    public static let controlPlaceholder: Unicode.Scalar = "\u{FFFD}"

    /// The base put under a combining mark that has no cell to attach to (the Unicode convention).
    public static let orphanBase: Unicode.Scalar = "\u{25CC}"
}

extension TextCell {
    /// Splits `text` into grid cells, the way the renderer draws it.
    ///
    /// - A scalar of width 1 or 2 starts a cell; a zero-width scalar joins the cell before it.
    /// - U+200D ZERO WIDTH JOINER ends the cell and is dropped, so each emoji of a ZWJ sequence gets
    ///   its own cell ("👨‍👩‍👧" is three cells, six columns). ncurses keeps only the first five
    ///   scalars of a cell, so a whole sequence in one cell would lose its later emoji; and a ZWJ
    ///   sent to a terminal that joins sequences would draw two columns where ncurses counts six.
    ///   Without the ZWJ every terminal draws the separate emoji ncurses counts.
    /// - "❤️" (U+2764 + VS16 U+FE0F) is one cell of width 1 with VS16 as a follower: ncurses draws
    ///   it one column wide (glibc says U+2764 is 1 and U+FE0F is 0), so the layout matches.
    /// - A combining mark with no cell to join (at the start, or after a ZWJ or a control) gets
    ///   the dotted circle U+25CC as its base, so it stays visible; an invisible format character
    ///   there (BOM, ZWSP, a variation selector, a bidi control) is dropped.
    /// - Control characters become one-column `controlPlaceholder` cells.
    /// - A cell keeps at most `maximumScalars` scalars; further marks are dropped.
    ///
    /// `DisplayWidth.of(_:)` on a string is the sum of these cells' widths.
    public static func cells(of text: some StringProtocol) -> [TextCell] {
        CellScanner.withUTF8(of: text) { bytes in
            var scanner = CellScanner(bytes, collectingScalars: true)
            var cells: [TextCell] = []
            while let cell = scanner.next() {
                cells.append(TextCell(scalars: scanner.scalars, width: cell.width))
            }
            return cells
        }
    }
}

/// A cell found by `CellScanner`: where it lies in the scanned UTF-8 and what is drawn.
struct CellSpan {
    /// UTF-8 offsets of the cell, including scalars it swallowed (a ZWJ, a leading BOM).
    var start: Int
    var end: Int
    /// Columns: 1 or 2.
    var width: Int
    /// The drawn base: the text's scalar, the control placeholder or the orphan base.
    var base: Unicode.Scalar
    /// Whether a visible zero-width scalar (a combining mark) is drawn on the cell; invisible
    /// ones (ZWSP, BOM, joiners) do not count, so a space followed by ZWSP is still a space.
    var hasMarks = false

    /// Whether the cell is a plain space that line breaking may consume.
    var isBreakingSpace: Bool { !hasMarks && LineBreakRules.isBreakingSpace(base) }
}

/// Splits UTF-8 text into cells, one `next()` at a time; the one place that knows the rules
/// listed on `TextCell.cells(of:)`.
///
/// An iterator over a buffer rather than a callback, because wrapping runs it over whole
/// articles in debug builds too, where closures capturing mutable state are slow.
struct CellScanner {
    /// The drawn scalars of the cell `next()` returned last (only when collecting scalars).
    private(set) var scalars: [Unicode.Scalar] = []

    /// The scanned UTF-8, read through a pointer: `UnsafeBufferPointer`'s subscript is a generic
    /// call in debug builds, which made wrapping a megabyte take half a second.
    private let bytes: UnsafePointer<UInt8>?
    private let end: Int
    private let collectingScalars: Bool
    private var offset: Int
    /// The cell being read; it is returned once the next one starts (or the text ends).
    private var pending: CellSpan?
    private var pendingScalars: [Unicode.Scalar] = []
    private var pendingTakesFollowers = false
    /// Start of dropped scalars met before any cell: they belong to the next cell.
    private var unclaimedStart: Int?

    /// Scans `range` of `bytes` (valid UTF-8, as from a Swift string); offsets are into `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil, collectingScalars: Bool = false) {
        self.bytes = bytes.baseAddress
        self.offset = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? bytes.count
        self.collectingScalars = collectingScalars
    }

    /// Calls `body` with the UTF-8 of `text`, copying only if the string is not contiguous.
    static func withUTF8<R>(of text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Returns the next cell, or nil at the end of the text.
    mutating func next() -> CellSpan? {
        while offset < end, let bytes {
            let start = offset
            if bytes[offset] &- 0x20 < 0x5F {
                // Printable ASCII, most of any text: a one-column cell, no table lookup.
                let scalar = Unicode.Scalar(bytes[offset])
                offset += 1
                let finished = startCell(scalar, width: 1, from: start)
                pendingTakesFollowers = true
                if let finished { return finished }
                continue
            }
            let scalar = decodeScalar(bytes)
            if Self.isControl(scalar) {
                let finished = startCell(TextCell.controlPlaceholder, width: 1, from: start)
                pendingTakesFollowers = false
                if let finished { return finished }
                continue
            }
            let width = DisplayWidth.of(scalar)
            if width > 0 {
                let finished = startCell(scalar, width: width, from: start)
                pendingTakesFollowers = true
                if let finished { return finished }
                continue
            }
            if scalar != Self.zeroWidthJoiner, pendingTakesFollowers, pending != nil {
                pending!.end = offset
                if !Self.isDefaultIgnorable(scalar.value) { pending!.hasMarks = true }
                if collectingScalars, pendingScalars.count < TextCell.maximumScalars {
                    pendingScalars.append(scalar)
                }
            } else if scalar == Self.zeroWidthJoiner || Self.isDefaultIgnorable(scalar.value) {
                // Dropped, but its bytes stay with a cell so source ranges have no holes.
                if pending != nil {
                    pending!.end = offset
                } else if unclaimedStart == nil {
                    unclaimedStart = start
                }
                if scalar == Self.zeroWidthJoiner { pendingTakesFollowers = false }
            } else {
                let finished = startCell(TextCell.orphanBase, width: 1, from: start)
                pending!.hasMarks = true
                if collectingScalars { pendingScalars.append(scalar) }
                pendingTakesFollowers = true
                if let finished { return finished }
            }
        }
        return finishPending()
    }

    /// Makes a new pending cell; returns the one it replaces, if any.
    private mutating func startCell(_ base: Unicode.Scalar, width: Int, from start: Int) -> CellSpan? {
        let finished = finishPending()
        pending = CellSpan(start: unclaimedStart ?? start, end: offset, width: width, base: base)
        unclaimedStart = nil
        if collectingScalars { pendingScalars = [base] }
        return finished
    }

    private mutating func finishPending() -> CellSpan? {
        guard let cell = pending else { return nil }
        pending = nil
        if collectingScalars { scalars = pendingScalars }
        return cell
    }

    /// Decodes the scalar at `offset` and moves past it. Swift strings hold valid UTF-8.
    private mutating func decodeScalar(_ bytes: UnsafePointer<UInt8>) -> Unicode.Scalar {
        let lead = bytes[offset]
        if lead < 0x80 {
            offset += 1
            return Unicode.Scalar(lead)
        }
        let count = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0x7F >> UInt32(count))
        for index in offset + 1..<min(offset + count, end) {
            value = value << 6 | (UInt32(bytes[index]) & 0x3F)
        }
        offset = min(offset + count, end)
        return Unicode.Scalar(value) ?? TextCell.controlPlaceholder
    }

    static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"

    /// C0, DEL, C1, and the line and paragraph separators, which glibc also calls unprintable.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value < 0xA0) || value == 0x2028 || value == 0x2029
    }

    /// Zero-width Default_Ignorable_Code_Point scalars (DerivedCoreProperties.txt, Unicode 14):
    /// invisible by definition, so an orphan one is dropped rather than shown on a dotted circle.
    static func isDefaultIgnorable(_ value: UInt32) -> Bool {
        switch value {
        case 0x034F, 0x061C, 0x1160, 0x17B4...0x17B5, 0x180B...0x180F, 0x200B...0x200F,
            0x202A...0x202E, 0x2060...0x206F, 0xFE00...0xFE0F, 0xFEFF, 0x1BCA0...0x1BCA3,
            0x1D173...0x1D17A, 0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }
}
