import CNCursesW
import TerminalCore

#if canImport(Glibc)
    import Glibc
#endif

/// The terminal through ncursesw: starts and restores curses, reads events, draws grids.
///
/// The only type in folio that talks to ncurses (Documentation/architecture.md §11). Use it from one thread (the run
/// loop's); it is deliberately not `Sendable`, since curses keeps per-process state.
public final class CursesTerminal {
    /// How to start the terminal.
    public struct Options {
        /// Whether to use colours when the terminal has them; false under `NO_COLOR`.
        public var useColor: Bool
        /// The file descriptor to read keys from.
        public var input: Int32
        /// The file descriptor to draw on.
        public var output: Int32
        /// The terminfo name to use instead of `$TERM` (tests pass "xterm-256color").
        public var terminalName: String?
        /// Draw as if no UTF-8 locale could be set (tests of the ASCII rendering).
        var forcesASCII = false
        /// Ask the terminal for mouse reports (`MouseReporting`), where it has a mouse.
        public var usesMouse = false

        /// Options for the process's own terminal (stdin and stdout), with colour unless the
        /// `NO_COLOR` environment variable is set to a non-empty value (https://no-color.org).
        public init(
            useColor: Bool = Options.environmentAllowsColor, input: Int32 = 0, output: Int32 = 1,
            terminalName: String? = nil
        ) {
            self.useColor = useColor
            self.input = input
            self.output = output
            self.terminalName = terminalName
        }

        /// False when `NO_COLOR` is set to a non-empty value.
        public static var environmentAllowsColor: Bool {
            guard let value = getenv("NO_COLOR") else { return true }
            return value.pointee == 0
        }
    }

    /// The screen newterm made, and its standard window (whose size curses keeps current).
    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    /// Our own duplicates of the caller's descriptors, so closing them never closes stdin/stdout.
    let outputFile: UnsafeMutablePointer<FILE>
    let inputFile: UnsafeMutablePointer<FILE>

    /// False when no UTF-8 locale could be set: non-ASCII is then drawn as ASCII replacements.
    public let isUnicode: Bool
    /// Whether cells are drawn in colour (the terminal has colours and they were wanted).
    public let hasColor: Bool
    /// True once the input has reached its end or hung up (an SSH connection dropped with SIGHUP
    /// ignored, input from a file): `nextEvent` will only return nil, so the run loop should stop.
    public internal(set) var isInputClosed = false

    /// Set when `TERM` named no terminfo entry here and a fallback is drawn with: one line for the
    /// status line.
    public let terminalNote: String?

    var colorPairs: ColorPairs
    /// A duplicate of the output terminal as given, for its size (curses' own descriptor may be the
    /// output pump's pipe); -1 when it could not be made.
    let terminalDescriptor: Int32
    /// Carries output to a terminal (nil for other outputs, or when it could not start).
    var pump: OutputPump?
    /// The terminal's bracketed-paste sequences, when it has them.
    var bracketedPaste: BracketedPaste?
    /// Between a paste's start marker and its end.
    var isInPaste = false
    /// Mouse reports, when asked for and the terminal has a mouse.
    var mouse: MouseReporting?
    /// The grid on the screen now; nil when the next present must redraw every cell.
    var presented: ScreenGrid?
    /// Cells the last `present` drew (for tests of the diffing).
    var lastPresentChangedCells = 0
    private(set) var isShutDown = false

    /// Starts curses on the options' descriptors.
    ///
    /// Sets the locale (see `TerminalLocale`), then `newterm` (never `initscr`, which exits the
    /// process on failure) for `TERM` or, when no terminfo entry has that name, a fallback (see
    /// `TerminalType`; `terminalNote` then says so), at a size within `TerminalSizeLimit`; raw
    /// mode, no echo, keypad keys, a 25 ms escape delay, hidden cursor, no newline translation,
    /// colours if the terminal has them and they are wanted, bracketed paste where the terminal
    /// describes it, and on a terminal the output pump (see `OutputPump`).
    /// - Throws: `CursesTerminalError` (one line) when the terminal cannot be set up.
    public init(options: Options) throws {
        isUnicode = TerminalLocale.configure() && !options.forcesASCII
        let requested = options.terminalName ?? getenv("TERM").map { String(cString: $0) }

        guard let outputFile = Self.open(options.output, mode: "w") else {
            throw CursesTerminalError("cannot use file descriptor \(options.output) for output: \(Self.errnoText())")
        }
        guard let inputFile = Self.open(options.input, mode: "r") else {
            fclose(outputFile)
            throw CursesTerminalError("cannot use file descriptor \(options.input) for input: \(Self.errnoText())")
        }
        // Before newterm, which takes only the signals still at their default action.
        TerminalSignals.install(catchingStop: isatty(fileno(outputFile)) == 1)
        let started: StartedScreen
        do {
            started = try Self.startScreen(requested: requested, output: outputFile, input: inputFile)
        } catch {
            fclose(outputFile)
            fclose(inputFile)
            throw error
        }
        guard let window = folio_stdscr() else {
            endwin()
            delscreen(started.screen)
            fclose(outputFile)
            fclose(inputFile)
            throw CursesTerminalError("curses made no screen for terminal type '\(started.terminalName)'")
        }
        self.screen = started.screen
        self.window = window
        self.outputFile = outputFile
        self.inputFile = inputFile
        terminalDescriptor = fcntl(fileno(outputFile), F_DUPFD_CLOEXEC, 0)
        terminalNote =
            started.terminalName == requested
            ? nil : TerminalType.fallbackNote(requested: requested, used: started.terminalName)

        // Each may fail on something that is not a terminal (tests draw into /dev/null); drawing
        // still works, so their results are ignored.
        raw()
        noecho()
        nonl()
        keypad(window, true)
        // No hardware scrolling or line insert/delete: over SSH and in multiplexers that reflow text
        // on resize (tmux), a scrolled region that the terminal applied differently from curses' idea
        // of it leaves stale lines on screen; repainting changed cells is always right.
        idlok(window, false)
        scrollok(window, false)
        set_escdelay(25)
        curs_set(0)

        var useDefaultColors = false
        if options.useColor && has_colors() && start_color() != ERR {
            // -1 ("the terminal's own colour") only works after use_default_colors succeeds.
            useDefaultColors = use_default_colors() != ERR
            hasColor = folio_COLORS() > 0
        } else {
            hasColor = false
        }
        colorPairs = ColorPairs(
            colors: Int(folio_COLORS()), pairs: Int(folio_COLOR_PAIRS()), allowsDefaultColors: useDefaultColors)
        _ = synchronizeSize(announcing: false)
        bracketedPaste = BracketedPaste.setUp()
        mouse = options.usesMouse ? MouseReporting.setUp() : nil
        pump = OutputPump(descriptor: fileno(outputFile))
        if let bracketedPaste { writeControlSequence(bracketedPaste.enable) }
        if mouse != nil { writeControlSequence(MouseReporting.enable) }
        armCrashReset()
    }

    deinit {
        shutdown()
        delscreen(screen)
        fclose(outputFile)
        fclose(inputFile)
        if terminalDescriptor >= 0 { close(terminalDescriptor) }
    }

    /// Whether the last frame is still on its way to the terminal (a slow link): drawing the next
    /// only once it has gone keeps the keyboard read and sends only the latest state.
    public var isSendingFrame: Bool { pump?.isBusy ?? false }

    /// Columns and rows of the terminal (curses updates them on a resize).
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Makes the next `present` redraw every cell (after a resize, after a suspend).
    public func invalidate() {
        presented = nil
        // Clear the real screen on the next refresh too: after a resize or a suspend the terminal may
        // hold text curses does not know about.
        clearok(window, true)
    }

    /// Suspends for a shell job-control stop (Ctrl-Z, which raw mode delivers as a key, or a
    /// SIGTSTP from outside, see `nextInput`).
    ///
    /// Restores the terminal, stops the process with SIGTSTP's default action (see
    /// `TerminalSignals`), and once the shell resumes it, repaints the whole screen.
    public func suspend() {
        guard !isShutDown else { return }
        makeCurrent()
        leaveScreen(waitingMilliseconds: 1_000)
        TerminalSignals.stopProcess()
        returnToScreen()
    }

    /// Restores the terminal (endwin). Idempotent; `deinit` calls it too.
    ///
    /// After it, `present` and `nextEvent` do nothing.
    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        makeCurrent()
        // A frame a slow link has not taken within a moment is dropped: the screen is being left.
        leaveScreen(waitingMilliseconds: 200)
        pump?.stop()
        pump = nil
    }

    /// Restores the terminal for the shell or another program: the rest of the output first (or
    /// what a slow link takes within `milliseconds`), bracketed paste off, then endwin (which also
    /// shows the cursor again and leaves the alternate screen) straight on the terminal.
    func leaveScreen(waitingMilliseconds milliseconds: Int) {
        CrashGuard.disarmScreenReset()
        pump?.bypass(waitingMilliseconds: milliseconds)
        if let bracketedPaste { writeControlSequence(bracketedPaste.disable) }
        if mouse != nil { writeControlSequence(MouseReporting.disable) }
        endwin()
    }

    /// Takes the terminal back after `leaveScreen`: curses' modes and a full repaint, written
    /// straight to the terminal (they need its descriptor), then the pump again.
    func returnToScreen() {
        makeCurrent()
        clearok(window, true)
        wrefresh(window)
        if let bracketedPaste { writeControlSequence(bracketedPaste.enable) }
        if mouse != nil { writeControlSequence(MouseReporting.enable) }
        pump?.resume()
        invalidate()
        armCrashReset()
    }

    /// Makes this terminal's screen the one curses' screen-less calls (doupdate, COLORS) act on,
    /// in case another instance was created since (tests make several).
    func makeCurrent() {
        set_term(screen)
    }

    /// Opens a stream on a duplicate of `descriptor`.
    private static func open(_ descriptor: Int32, mode: String) -> UnsafeMutablePointer<FILE>? {
        let duplicate = dup(descriptor)
        guard duplicate >= 0 else { return nil }
        guard let file = fdopen(duplicate, mode) else {
            close(duplicate)
            return nil
        }
        return file
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

/// Why the terminal could not be started: one line, for the user.
public struct CursesTerminalError: Error, CustomStringConvertible, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension CursesTerminal {
    /// Gives the terminal to another program (a pager, an editor, a shell command) for the duration
    /// of `body`: curses is suspended (endwin restores the normal screen and modes) and resumed with
    /// a full repaint afterwards, whatever the program left on the screen.
    public func runOutside<Result>(_ body: () throws -> Result) rethrows -> Result {
        makeCurrent()
        leaveScreen(waitingMilliseconds: 1_000)
        defer { returnToScreen() }
        return try body()
    }

    /// Writes raw bytes to the terminal outside curses (an OSC 52 clipboard request): they change
    /// nothing on screen, so curses' picture of the screen stays right.
    public func writeControlSequence(_ bytes: [UInt8]) {
        makeCurrent()
        fflush(outputFile)
        bytes.withUnsafeBufferPointer { buffer in
            var written = 0
            while written < buffer.count {
                let count = Glibc.write(fileno(outputFile), buffer.baseAddress! + written, buffer.count - written)
                if count <= 0 { break }
                written += count
            }
        }
    }
}
