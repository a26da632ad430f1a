/// A part of a reader line that is drawn in its own style: a UTF-8 range of the line's text and
/// what that text is. The view maps each role to a theme element (architecture.md §10).
public struct StyledSpan: Sendable, Equatable {
    public var range: Range<Int>
    public var role: TextRole

    public init(range: Range<Int>, role: TextRole) {
        self.range = range
        self.role = role
    }
}

/// What a piece of rendered article text is.
public enum TextRole: Sendable, Equatable {
    /// A heading's text; its level, 1 to 6.
    case heading(Int)
    /// Drawn structure that is not the text: a heading's `#`s, a list bullet, a quote bar, a table's lines.
    case marker
    case emphasis, strong
    /// Inline code and code blocks.
    case code
    /// A link's text: the number of its address in `ReaderDocument.links`.
    case link(Int)
    /// `[image: alt]`.
    case image
    /// A quoted line of a mail article, or a Markdown block quote: the depth, from 1.
    case quote(Int)
    /// A mail signature (after a `-- ` line).
    case signature
    /// A horizontal rule.
    case rule
    /// The line standing for a folded run of quoted lines.
    case folded
}
