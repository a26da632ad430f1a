import TerminalCore

/// Colours as written in `config.toml`: one of the 8 names (or `default`, the terminal's own), or a
/// 256-colour index 0-255.
enum ColorName {
    private static let named: [(String, TerminalColor)] = [
        ("default", .default), ("black", .black), ("red", .red), ("green", .green), ("yellow", .yellow),
        ("blue", .blue), ("magenta", .magenta), ("cyan", .cyan), ("white", .white)
    ]

    /// The colour a name (case-insensitive) stands for.
    static func parse(_ name: String) -> TerminalColor? {
        let lowered = name.lowercased()
        return named.first { $0.0 == lowered }?.1
    }

    /// The colour an index stands for, if it is in 0-255.
    static func parse(_ index: Int) -> TerminalColor? {
        UInt8(exactly: index).map(TerminalColor.indexed)
    }

    /// How `defaultText` writes a colour: a quoted name, or the bare index.
    static func tomlValue(_ color: TerminalColor) -> String {
        if case .indexed(let index) = color { return String(index) }
        return "\"\(named.first { $0.1 == color }?.0 ?? "default")\""
    }

    /// The names, for messages.
    static var allNames: String { named.map(\.0).joined(separator: ", ") }
}
