import TerminalCore
import Testing

@testable import CursesTerminal

#if canImport(Glibc)
    import Glibc
#endif

/// Every test that touches curses or signals, one at a time: curses keeps one current screen and
/// process-wide state, so even tests in different suites must never run concurrently.
@Suite(.serialized) struct CursesTerminalTests {}

/// A terminal drawn into /dev/null (no TTY needed), or reading keys from a pipe.
enum TestTerminal {
    static let terminalName = "xterm-256color"

    /// Whether newterm works here at all; the suites are skipped (with a message) when not.
    static let isAvailable: Bool = (try? make()) != nil

    /// A terminal on /dev/null, or on `input` for keys.
    static func make(
        color: Bool = true, ascii: Bool = false, input: Int32? = nil, terminalName: String = terminalName,
        mouse: Bool = false
    ) throws -> CursesTerminal {
        let null = open("/dev/null", O_RDWR)
        defer { close(null) }
        var options = CursesTerminal.Options(
            useColor: color, input: input ?? null, output: null, terminalName: terminalName)
        options.forcesASCII = ascii
        options.usesMouse = mouse
        return try CursesTerminal(options: options)
    }

    /// A grid of the terminal's size with `lines` written from the top-left corner.
    static func grid(for terminal: CursesTerminal, _ lines: [(String, Style)]) -> ScreenGrid {
        var grid = ScreenGrid(width: terminal.size.width, height: terminal.size.height)
        for (row, line) in lines.enumerated() {
            grid.put(line.0, row: row, column: 0, style: line.1)
        }
        return grid
    }
}
