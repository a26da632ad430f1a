/// One block of rendered Markdown before it is wrapped: its text (no newlines), where each byte
/// came from in the body, the styled parts, and what to draw before its first and later lines.
///
/// Rendering only leaves out markup and inserts decoration, never reorders text, so the body
/// offsets of the bytes that came from the body only grow: hits (body ranges) are found in a block
/// in one pass (architecture.md §10).
struct RenderedBlock: Sendable {
    /// A piece of a line prefix (a quote bar, a bullet, indentation) and how it is drawn.
    struct PrefixPart: Sendable, Equatable {
        var text: String
        var role: TextRole?
    }

    var bytes: [UInt8] = []
    /// The body offset of each byte of `bytes`; -1 for inserted text (a bullet, "[image: ").
    var sources: [Int] = []
    var spans: [StyledSpan] = []
    var firstPrefix: [PrefixPart] = []
    var restPrefix: [PrefixPart] = []
    /// Code and tables are never re-wrapped: a line too long is cut, with `→` in its last column.
    var wraps = true
    /// A separating blank line (drawn with the prefix, so a quote's bar continues through it).
    var isBlank = false
    /// A horizontal rule: drawn as wide as the pane.
    var isRule = false

    static func blank() -> RenderedBlock {
        var block = RenderedBlock()
        block.isBlank = true
        return block
    }

    /// Appends body bytes, remembering where each came from.
    mutating func append(_ byte: UInt8, source: Int) {
        bytes.append(byte)
        sources.append(source)
    }

    /// Appends text that is not in the body (decoration).
    mutating func appendInserted(_ text: String) {
        for byte in text.utf8 {
            bytes.append(byte)
            sources.append(-1)
        }
    }

    mutating func addSpan(from start: Int, role: TextRole) {
        if start < bytes.count { spans.append(StyledSpan(range: start..<bytes.count, role: role)) }
    }

    /// The prefix `parts` put before every line (a quote's bar), or before the first line with
    /// `first` and the later ones with `rest` (a list item's bullet and hanging indent).
    mutating func prepend(first: [PrefixPart], rest: [PrefixPart]) {
        firstPrefix = first + firstPrefix
        restPrefix = rest + restPrefix
    }

    /// The body range from the first to the last body byte in `range` of `bytes`, if any.
    func sourceRange(of range: Range<Int>) -> Range<Int>? {
        guard let first = sources[range].first(where: { $0 >= 0 }),
            let last = sources[range].last(where: { $0 >= 0 })
        else { return nil }
        return first..<(last + 1)
    }
}
