import Foundation

/// What folio needs to know about the terminal on stdout, read once.
struct TerminalInfo {
    var isTerminal: Bool
    /// Columns of the terminal, when stdout is one and it says.
    var columns: Int?
    /// Colour and bold allowed: a terminal, NO_COLOR unset (https://no-color.org), TERM not "dumb".
    var allowsStyle: Bool

    static let current: TerminalInfo = {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        var size = winsize()
        let columns =
            isTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
            ? Int(size.ws_col) : nil
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return TerminalInfo(isTerminal: isTerminal, columns: columns, allowsStyle: isTerminal && !noColor && !dumb)
    }()
}
