import CNCursesW
import TerminalCore

#if canImport(Glibc)
    import Glibc
#endif

extension CursesTerminal {
    /// Waits up to `timeoutMilliseconds` (-1 = forever) for input.
    ///
    /// Returns nil when the wait ends without an event: on timeout, when a signal interrupts it
    /// (see `SignalFlags`), for input that is no key (a NUL, a mouse report), when the input has
    /// closed (then `isInputClosed` is true), and after `shutdown`. A mouse report (`MouseReporting`)
    /// is `.mouse`; one folio cannot read is dropped.
    /// A resize invalidates the screen, so the next `present` redraws it whole. An Esc followed
    /// quickly by bytes curses does not decode arrives as `.escape`, then those keys.
    /// Pasted text (see `nextInput`) is skipped: it is never keys.
    ///
    /// Signals (SIGWINCH, and those of `SignalFlags`) cut a wait short only on the thread they are
    /// delivered to, normally the main thread. A loop reading on another thread (where signals
    /// are usually blocked) should pass a finite timeout, or it notices them at the next key.
    public func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent? {
        guard case .event(let event) = nextInput(timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        return event
    }

    /// The most characters of a paste one `nextInput` returns; the rest follows in further parts.
    public static let pastePartLimit = 4_096

    /// As `nextEvent`, and text the terminal marks as pasted (bracketed paste, where the terminal
    /// has it) as `.paste`. A SIGTSTP from outside suspends here and reports the current size, as
    /// after a resize, so that the screen is drawn again whole.
    public func nextInput(timeoutMilliseconds: Int32) -> TerminalInput? {
        guard !isShutDown else { return nil }
        makeCurrent()
        if TerminalSignals.takeStopRequest() {
            suspend()
            return .event(.resize(width: size.width, height: size.height))
        }
        // Our SIGWINCH handler only takes note; the resize (within the limit) queues KEY_RESIZE.
        if TerminalSignals.takeResize() { _ = synchronizeSize() }
        if isInPaste { return pastePart(timeoutMilliseconds: timeoutMilliseconds) }
        while true {
            switch read(timeoutMilliseconds: timeoutMilliseconds) {
            case .none: return nil
            case .character(let scalar): return Key.fromCharacter(scalar).map { .event(.key($0)) }
            case .code(let code):
                switch code {
                case KEY_RESIZE:
                    invalidate()
                    // The terminal may have kept or reflowed old text in the resized area (tmux does),
                    // while curses believes it blank: clear the real screen on the next refresh.
                    clearok(window, true)
                    return .event(.resize(width: size.width, height: size.height))
                case BracketedPaste.startCode:
                    isInPaste = true
                    return pastePart(timeoutMilliseconds: 0)
                case BracketedPaste.endCode:
                    continue  // an end without a start: nothing to do
                case MouseReporting.startCode:
                    guard let event = mouseReport() else { continue }
                    return .event(.mouse(event))
                default:
                    return Self.key(forCode: code).map { .event(.key($0)) }
                }
            }
        }
    }

    /// What one get_wch read.
    private enum Read {
        case character(Unicode.Scalar)
        case code(Int32)
    }

    private func read(timeoutMilliseconds: Int32) -> Read? {
        wtimeout(window, timeoutMilliseconds)
        var input: wint_t = 0
        errno = 0
        switch wget_wch(window, &input) {
        case OK: return Unicode.Scalar(input).map(Read.character)
        case KEY_CODE_YES: return .code(Int32(input))
        default:
            if errno != EINTR && inputHasEnded() { isInputClosed = true }
            return nil
        }
    }

    /// Reads pasted text up to the end marker, for as long as it is already there (a paste that
    /// arrives over a slow link comes in several parts) and at most `pastePartLimit` characters.
    /// Keys and resizes inside a paste are dropped; the first wait is `timeoutMilliseconds`.
    private func pastePart(timeoutMilliseconds: Int32) -> TerminalInput? {
        var scalars: [Unicode.Scalar] = []
        var timeout = timeoutMilliseconds
        while isInPaste && scalars.count < Self.pastePartLimit, let read = read(timeoutMilliseconds: timeout) {
            timeout = 0
            switch read {
            case .character(let scalar): scalars.append(scalar)
            case .code(BracketedPaste.endCode): isInPaste = false
            case .code: continue
            }
        }
        let text = BracketedPaste.text(scalars)
        return text.isEmpty ? nil : .paste(text)
    }

    /// The rest of a mouse report after its `ESC [ <`: digits and semicolons up to `M` or `m`. The
    /// report comes in one write, but over a slow link in more than one packet: each character is
    /// waited for a little. Anything else ends it, and the report is dropped.
    private func mouseReport() -> MouseEvent? {
        var text = ""
        while text.count < MouseReporting.reportLimit, case .character(let scalar) = read(timeoutMilliseconds: 50) {
            text.unicodeScalars.append(scalar)
            if scalar == "M" || scalar == "m" { return MouseEvent.sgr(text) }
            guard scalar == ";" || ("0"..."9").contains(scalar) else { return nil }
        }
        return nil
    }

    /// Whether the input is at its end or gone, after get_wch found nothing to read.
    ///
    /// curses returns ERR at end of input and after a hangup just as on a timeout; a run loop that
    /// kept asking would spin. A terminal, pipe or socket that has ended reports POLLHUP (or
    /// POLLERR); being readable says nothing there, since a key may have arrived just after the
    /// timeout. A file or /dev/null always polls readable, so get_wch's ERR means its end.
    private func inputHasEnded() -> Bool {
        let descriptor = fileno(inputFile)
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, 0) == 1 else { return false }
        if request.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        return request.revents & Int16(POLLIN) != 0 && !Self.isStream(descriptor)
    }

    /// Whether reads on `descriptor` wait for a writer: a terminal, a pipe or a socket.
    private static func isStream(_ descriptor: Int32) -> Bool {
        if isatty(descriptor) != 0 { return true }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return true }
        let type = status.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFSOCK
    }

    /// The key for a curses `KEY_*` code, nil for codes folio does not use.
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        // The keypad's corners (KEY_A1...) and the Find/Select keys some terminals send for
        // Home and End (rxvt, screen with some settings) mean the same here.
        case KEY_PPAGE, KEY_A3: .pageUp
        case KEY_NPAGE, KEY_C3: .pageDown
        case KEY_HOME, KEY_A1, KEY_FIND: .home
        case KEY_END, KEY_C1, KEY_SELECT: .end
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_IC: .insert
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        case folio_KEY_F(1)...folio_KEY_F(63): .function(Int(code - folio_KEY_F(0)))
        default: nil
        }
    }
}
