import CNCursesW

#if canImport(Glibc)
    import Glibc
#endif

/// The screen newterm made for one terminal type.
struct StartedScreen {
    var screen: OpaquePointer
    /// The terminfo name in use: `TERM`, or the fallback drawn with when TERM is unknown here.
    var terminalName: String
}

extension CursesTerminal {
    /// Starts curses for the first of `TerminalType.candidates(for: requested)` that has a terminfo
    /// entry here, at a size ncurses never learns from the terminal itself (see `newScreen`).
    ///
    /// - Throws: when `requested` names an entry that cannot move the cursor (TERM=dumb: folio
    ///   cannot draw a screen there, and the user said so), or when no candidate exists at all.
    static func startScreen(
        requested: String?, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>
    ) throws -> StartedScreen {
        let candidates = TerminalType.candidates(for: requested)
        for name in candidates {
            guard let screen = newScreen(name, output: output, input: input) else { continue }
            if folio_has_cursor_addressing() != 0 { return StartedScreen(screen: screen, terminalName: name) }
            endwin()
            delscreen(screen)
            if name == requested {
                throw CursesTerminalError("terminal type '\(name)' cannot move the cursor; try TERM=xterm-256color")
            }
        }
        throw CursesTerminalError(
            "no terminfo entry for \(candidates.map { "'\($0)'" }.joined(separator: ", ")); install ncurses-base")
    }

    /// newterm at the size of the terminfo entry (80x24 for most), not the terminal's: the caller
    /// then resizes within `TerminalSizeLimit` (`synchronizeSize`). Asked the terminal's own size,
    /// ncurses would allocate and draw for whatever it reports, 65,535 rows included.
    ///
    /// An entry that states no size (linux, the console's) makes newterm fail that way. It gets the
    /// terminal's own size when that is within the limit (and LINES and COLUMNS, which ncurses
    /// would prefer, are too), otherwise the limited size through LINES and COLUMNS, set only for
    /// that newterm.
    private static func newScreen(
        _ name: String, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>
    ) -> OpaquePointer? {
        use_env(false)
        if let screen = newterm(name, output, input) { return screen }
        use_env(true)
        defer { use_env(false) }
        let reported = reportedSize(of: fileno(output))
        let names: [String] = ["COLUMNS", "LINES"]
        let variables = names.map { name in getenv(name).flatMap { Int(String(cString: $0)) } ?? 0 }
        guard reported.map(isBeyondLimit) == true || isBeyondLimit((variables[0], variables[1])) else {
            return newterm(name, output, input)
        }
        let size = reported.flatMap(TerminalSizeLimit.clamp) ?? (80, 24)
        return withEnvironment(["LINES": String(size.height), "COLUMNS": String(size.width)]) {
            newterm(name, output, input)
        }
    }

    private static func isBeyondLimit(_ size: (width: Int, height: Int)) -> Bool {
        size.width > TerminalSizeLimit.columns || size.height > TerminalSizeLimit.rows
    }

    /// The size the terminal on `descriptor` reports (TIOCGWINSZ), nil when it reports none.
    static func reportedSize(of descriptor: Int32) -> (width: Int, height: Int)? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Runs `body` with `variables` set in the environment, then puts the old values back.
    private static func withEnvironment<Result>(_ variables: [String: String], _ body: () -> Result) -> Result {
        let saved = variables.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
        for (name, value) in variables { setenv(name, value, 1) }
        defer {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
        return body()
    }
}
