import TerminalCore

/// One problem found in a config file: where it is and what is wrong. The setting it touches keeps
/// its default.
public struct ConfigDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file as named to the loader (`config.toml`, or the path given to `load(path:)`).
    public var file: String
    /// The 1-based line, when the problem has one (an unreadable file has none).
    public var line: Int?
    /// The 1-based column, when known (TOML syntax errors).
    public var column: Int?
    /// What is wrong, without the location: "unknown key 'colour' in [theme]".
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int?, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// Compiler style, for stderr and the status line: "config.toml:12: unknown key 'colour' in [theme]".
    /// The path and the message quote the file's own text, so control characters in either are shown
    /// as `\u{1B}` escapes: a key or value cannot retitle the window or clear the screen.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if line != nil, let column { location += ":\(column)" }
        return VisibleControls.escape("\(location): \(message)")
    }
}
