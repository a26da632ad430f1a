/// A line produced by wrapping, with the part of the source text it shows.
public struct WrappedLine: Sendable, Equatable {
    /// The line as drawn: the source text in `sourceRange` (empty in the one case noted on
    /// `TextLayout.wrapWithRanges(_:width:)`).
    public var text: String
    /// UTF-8 offsets into the wrapped text of the characters drawn on this line.
    public var sourceRange: Range<Int>

    /// Creates a wrapped line.
    public init(text: String, sourceRange: Range<Int>) {
        self.text = text
        self.sourceRange = sourceRange
    }
}

/// Truncating, padding and wrapping text by terminal columns, never splitting a cell.
///
/// Results are slices of the input (plus ellipsis or padding): control characters and dropped
/// joiners are still in them, and `TextCell.cells(of:)` decides how they are drawn.
public enum TextLayout {
    /// Truncates to at most `width` columns, ending with "…" when cut; never splits a wide cell
    /// (pads nothing). width <= 0 gives "".
    ///
    /// Spaces just before the cut are dropped ("hello…", not "hello …"). An ellipsis wider than
    /// `width` is left out and the text is simply cut.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        return CellScanner.withUTF8(of: text) { bytes in
            var scanner = CellScanner(bytes)
            var used = 0
            var hardCutEnd = 0  // end of the longest prefix within `width`
            var cutEnd = 0  // the same leaving room for the ellipsis, trailing spaces left out
            while let cell = scanner.next() {
                used += cell.width
                guard used <= width else {
                    if ellipsisWidth > width { return string(bytes, 0..<hardCutEnd) }
                    return string(bytes, 0..<cutEnd) + ellipsis
                }
                hardCutEnd = cell.end
                if used <= width - ellipsisWidth, !cell.isBreakingSpace { cutEnd = cell.end }
            }
            return text
        }
    }

    /// Pads with spaces to exactly `width` columns (truncating first if longer).
    public static func pad(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        let fitted = truncate(text, toWidth: width)
        let missing = width - DisplayWidth.of(fitted)
        return missing > 0 ? fitted + String(repeating: " ", count: missing) : fitted
    }

    /// Wraps one paragraph (no newlines inside) into lines of at most `width` columns, breaking at
    /// spaces; a word longer than the width is broken by cells (never inside a wide cell);
    /// CJK text may break between any two wide cells. Leading indentation of the paragraph is kept
    /// on the first line only. Returns at least one line ("" for an empty paragraph).
    ///
    /// A newline inside `paragraph` is treated as in `wrapText(_:width:)`.
    public static func wrap(_ paragraph: String, width: Int) -> [String] {
        wrapWithRanges(paragraph, width: width).map(\.text)
    }

    /// Wraps a whole text: splits on "\n", wraps each line as a paragraph, keeps blank lines.
    ///
    /// "a\n" gives ["a", ""], like splitting on "\n" would; a "\r" before a "\n" is dropped.
    public static func wrapText(_ text: String, width: Int) -> [String] {
        wrapWithRanges(text, width: width).map(\.text)
    }

    /// Wraps a whole text like `wrapText(_:width:)`, reporting where each line comes from.
    ///
    /// Each `sourceRange` holds UTF-8 offsets into `text` covering the cells drawn on that line,
    /// so consecutive ranges leave out only the spaces consumed at breaks and the line ends.
    /// Every line fits in `width`. The one line whose `text` is not its source slice: at width 1 a
    /// wide cell cannot fit at all, so it gets a line of its own with empty `text` whose
    /// `sourceRange` still covers it. A width of 0 or less gives one empty line.
    public static func wrapWithRanges(_ text: String, width: Int) -> [WrappedLine] {
        guard width > 0 else { return [WrappedLine(text: "", sourceRange: 0..<0)] }
        return CellScanner.withUTF8(of: text) { bytes in
            var lines: [WrappedLine] = []
            var paragraphStart = 0
            while true {
                let newline = firstNewline(in: bytes, from: paragraphStart)
                var paragraphEnd = newline ?? bytes.count
                if newline != nil, paragraphEnd > paragraphStart,
                    bytes[paragraphEnd - 1] == UInt8(ascii: "\r")
                {
                    paragraphEnd -= 1
                }
                wrapParagraph(bytes, paragraphStart..<paragraphEnd, width: width, into: &lines)
                guard let newline else { break }
                paragraphStart = newline + 1
            }
            return lines
        }
    }

    /// Wraps the paragraph at `range` of `bytes`, appending its lines.
    private static func wrapParagraph(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, width: Int,
        into lines: inout [WrappedLine]
    ) {
        var breaker = LineBreaker(width: width, start: range.lowerBound)
        var scanner = CellScanner(bytes, range: range)
        while let cell = scanner.next() { breaker.add(cell) }
        for line in breaker.finish() {
            let text = line.isDrawn ? string(bytes, line.range) : ""
            lines.append(WrappedLine(text: text, sourceRange: line.range))
        }
    }

    /// The offset of the first "\n" at or after `start`. A plain pointer loop: `firstIndex(of:)`
    /// on a buffer slice is generic, and slow in debug builds.
    private static func firstNewline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = start
        while offset < bytes.count {
            if base[offset] == 0x0A { return offset }
            offset += 1
        }
        return nil
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

/// Greedy line breaking of one paragraph, fed cell by cell, in one pass (linear in its length).
///
/// The current line is: committed content, then a run of spaces, then the word being read (the
/// cells since the last break opportunity). The spaces count only if a word follows them on the
/// same line, so spaces at a break, and at the end, are consumed.
struct LineBreaker {
    struct Line {
        var range: Range<Int>
        var isDrawn = true
    }

    let width: Int
    private var lines: [Line] = []
    private var lineStart: Int
    private var lineEnd: Int
    private var lineWidth = 0
    private var hasContent = false
    private var spaceWidth = 0
    private var wordStart = 0
    private var wordEnd = 0
    private var wordWidth = 0
    private var previous: CellSpan?

    /// Starts a paragraph at UTF-8 offset `start`, for lines of at most `width` (> 0) columns.
    init(width: Int, start: Int) {
        self.width = width
        lineStart = start
        lineEnd = start
    }

    mutating func add(_ cell: CellSpan) {
        if cell.isBreakingSpace {
            commitWord()
            spaceWidth += cell.width
            previous = nil
            return
        }
        if wordWidth > 0, let previous, LineBreakRules.canBreak(between: previous, and: cell) {
            commitWord()
        }
        if wordWidth == 0 { wordStart = cell.start }
        while lineWidth + spaceWidth + wordWidth + cell.width > width {
            if hasContent {
                // Break at the last opportunity; the word moves down.
                lines.append(Line(range: lineStart..<lineEnd))
                startLine(at: wordStart)
            } else if spaceWidth > 0 {
                // Only leading indentation precedes the word: drop it rather than break.
                spaceWidth = 0
                lineStart = wordStart
            } else if wordWidth > 0 {
                // The word alone is too long: break it between cells.
                lines.append(Line(range: wordStart..<cell.start))
                startLine(at: cell.start)
                wordStart = cell.start
                wordWidth = 0
            } else {
                // A wide cell at width 1: it cannot be drawn, but its source keeps a line.
                lines.append(Line(range: cell.start..<cell.end, isDrawn: false))
                startLine(at: cell.end)
                previous = nil
                return
            }
        }
        wordWidth += cell.width
        wordEnd = cell.end
        previous = cell
    }

    /// Ends the paragraph and returns its lines (at least one).
    mutating func finish() -> [Line] {
        commitWord()
        if hasContent {
            lines.append(Line(range: lineStart..<lineEnd))
        } else if lines.isEmpty {
            lines.append(Line(range: lineStart..<lineStart))
        }
        return lines
    }

    private mutating func commitWord() {
        guard wordWidth > 0 else { return }
        lineWidth += spaceWidth + wordWidth
        lineEnd = wordEnd
        spaceWidth = 0
        wordWidth = 0
        hasContent = true
    }

    private mutating func startLine(at offset: Int) {
        lineStart = offset
        lineEnd = offset
        lineWidth = 0
        spaceWidth = 0
        hasContent = false
    }
}

/// Where a line may break besides spaces.
enum LineBreakRules {
    /// Spaces a line may break at (and consume): U+0020 and the breaking Zs spaces. U+00A0,
    /// U+2007 and U+202F are no-break spaces, so they are not here.
    static func isBreakingSpace(_ scalar: Unicode.Scalar) -> Bool {
        // Comparisons, not `case 0x2000...0x200A`: range patterns are generic calls in debug
        // builds, and this runs for every cell.
        let value = scalar.value
        if value == 0x20 { return true }
        if value < 0x1680 { return false }
        return value == 0x1680 || (value >= 0x2000 && value <= 0x200A && value != 0x2007)
            || value == 0x205F || value == 0x3000
    }

    /// Whether a line may break between two adjacent non-space cells: beside a wide cell (CJK is
    /// written without spaces), except before closing or after opening punctuation (a small kinsoku
    /// rule: "。" must not start a line, "「" must not end one).
    static func canBreak(between previous: CellSpan, and next: CellSpan) -> Bool {
        guard previous.width == 2 || next.width == 2 else { return false }
        return !forbidsBreakBefore(next.base) && !forbidsBreakAfter(previous.base)
    }

    static func forbidsBreakBefore(_ scalar: Unicode.Scalar) -> Bool {
        guard isPunctuationCandidate(scalar.value) else { return false }
        switch scalar.value {
        case 0x21, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5D, 0x7D,  // ! ) , . : ; ? ] }
            0x3001, 0x3002, 0x3005, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015,
            0x30FC, 0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D:
            return true
        default:
            return false
        }
    }

    static func forbidsBreakAfter(_ scalar: Unicode.Scalar) -> Bool {
        guard isPunctuationCandidate(scalar.value) else { return false }
        switch scalar.value {
        case 0x28, 0x5B, 0x7B,  // ( [ {
            0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0xFF08, 0xFF3B, 0xFF5B:
            return true
        default:
            return false
        }
    }

    /// Whether `value` is in a block the two lists above draw from (a cheap first test, since
    /// the lists are checked beside every wide cell).
    private static func isPunctuationCandidate(_ value: UInt32) -> Bool {
        value < 0x80 || (value >= 0x3001 && value <= 0x30FC) || value >= 0xFF01
    }
}
