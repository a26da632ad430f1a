/// A terminal colour: the terminal's default, one of the 8 basic colours, or a 256-colour index.
public enum TerminalColor: Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case indexed(UInt8)

    /// The curses colour number (-1 for the default), for 8- and 256-colour terminals.
    public var cursesNumber: Int16 {
        switch self {
        case .default: -1
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .indexed(let index): Int16(index)
        }
    }
}

/// How a cell is drawn. Attributes alone must carry every distinction (selection, hits, focus) so
/// the screen still works under NO_COLOR and on monochrome terminals.
public struct Style: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        foreground: TerminalColor = .default, background: TerminalColor = .default, bold: Bool = false,
        reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()

    /// The same style without colours (NO_COLOR, monochrome terminals).
    public var withoutColor: Style {
        var copy = self
        copy.foreground = .default
        copy.background = .default
        return copy
    }

    /// A short code for snapshot files: letters for attributes, `f<n>`/`b<n>` for colours.
    public var code: String {
        var code = ""
        if bold { code += "B" }
        if reverse { code += "R" }
        if underline { code += "U" }
        if dim { code += "D" }
        if foreground != .default { code += "f\(foreground.cursesNumber)" }
        if background != .default { code += "b\(background.cursesNumber)" }
        return code.isEmpty ? "." : code
    }
}
