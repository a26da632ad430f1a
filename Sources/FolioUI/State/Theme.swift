import TerminalCore

/// Styles for each part of the screen. Every distinction is carried by attributes too (reverse,
/// bold, underline), so `monochrome` (NO_COLOR, no colour support) loses nothing essential.
public struct Theme: Sendable, Equatable {
    public var text = Style()
    public var dim = Style(dim: true)
    public var title = Style(bold: true)
    public var metadata = Style(foreground: .cyan)
    public var selected = Style(reverse: true)
    /// The selected row when the list does not have focus.
    public var selectedUnfocused = Style(bold: true, underline: true)
    public var hit = Style(foreground: .yellow, bold: true, underline: true)
    public var currentHit = Style(foreground: .black, background: .yellow, bold: true, reverse: false, underline: true)
    public var searchPrompt = Style(foreground: .cyan, bold: true)
    public var cursor = Style(reverse: true)
    public var statusBar = Style(reverse: true)
    public var error = Style(foreground: .red, bold: true)
    public var divider = Style(foreground: .blue)
    public var fuzzyMarker = Style(foreground: .magenta, dim: true)
    // The article body (architecture.md §10): styles laid over `text` where the body has them.
    public var heading = Style(foreground: .magenta, bold: true)
    /// Drawn structure: heading marks, bullets, quote bars, table lines, rules, `[image: …]`.
    public var markup = Style(foreground: .blue)
    public var emphasis = Style(underline: true)
    public var strong = Style(bold: true)
    public var code = Style(foreground: .green)
    public var link = Style(foreground: .blue, underline: true)
    /// Quoted text by depth (mail `>`, `> >`; Markdown block quotes); deeper quotes cycle through them.
    public var quote1 = Style(foreground: .cyan)
    public var quote2 = Style(foreground: .green)
    public var quote3 = Style(foreground: .magenta)
    public var signature = Style(dim: true)

    public init() {}

    public static let standard = Theme()

    /// The same theme with every colour removed.
    public static var monochrome: Theme {
        var theme = Theme()
        theme.text = theme.text.withoutColor
        theme.metadata = theme.metadata.withoutColor
        theme.hit = theme.hit.withoutColor
        // Without colour, the current hit is reverse video so it stands out from other hits.
        theme.currentHit = Style(bold: true, reverse: true, underline: true)
        theme.searchPrompt = theme.searchPrompt.withoutColor
        theme.error = theme.error.withoutColor
        theme.divider = theme.divider.withoutColor
        theme.fuzzyMarker = theme.fuzzyMarker.withoutColor
        theme.heading = theme.heading.withoutColor
        theme.markup = theme.markup.withoutColor
        theme.code = theme.code.withoutColor
        theme.link = theme.link.withoutColor
        // Without colour, quotes are told from the text by their bars and `>`s, and dimmed.
        theme.quote1 = Style(dim: true)
        theme.quote2 = Style(dim: true)
        theme.quote3 = Style(dim: true)
        return theme
    }
}
