import TerminalCore

extension Theme {
    /// The style laid over the text for a part of a rendered body.
    func style(for role: TextRole) -> Style {
        switch role {
        case .heading: heading
        case .marker, .rule, .image: markup
        case .emphasis: emphasis
        case .strong: strong
        case .code: code
        case .link: link
        case .quote(let depth): [quote1, quote2, quote3][(max(1, depth) - 1) % 3]
        case .signature, .folded: signature
        }
    }
}

extension Style {
    /// This style with `overlay` laid over it: its colours where it sets them, its attributes added.
    func overlaid(with overlay: Style) -> Style {
        var style = self
        if overlay.foreground != .default { style.foreground = overlay.foreground }
        if overlay.background != .default { style.background = overlay.background }
        style.bold = style.bold || overlay.bold
        style.reverse = style.reverse || overlay.reverse
        style.underline = style.underline || overlay.underline
        style.dim = style.dim || overlay.dim
        return style
    }
}
