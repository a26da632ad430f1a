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
    /// closed (then `isInputClosed` is true), and after `shutdown`.
    /// A resize invalidates the screen, so the next `present` redraws it whole. An Esc followed
    /// quickly by bytes curses does not decode arrives as `.escape`, then those keys.
    ///
    /// Signals (SIGWINCH, and those of `SignalFlags`) cut a wait short only on the thread they are
    /// delivered to, normally the main thread. A loop reading on another thread (where signals
    /// are usually blocked) should pass a finite timeout, or it notices them at the next key.
    public func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent? {
        guard !isShutDown else { return nil }
        makeCurrent()
        wtimeout(window, timeoutMilliseconds)
        var input: wint_t = 0
        errno = 0
        let result = wget_wch(window, &input)
        switch result {
        case OK:
            return Unicode.Scalar(input).flatMap(Key.fromCharacter).map(TerminalEvent.key)
        case KEY_CODE_YES:
            if Int32(input) == KEY_RESIZE {
                invalidate()
                // The terminal may have kept or reflowed old text in the resized area (tmux does),
                // while curses believes it blank: clear the real screen on the next refresh.
                clearok(window, true)
                let size = size
                return .resize(width: size.width, height: size.height)
            }
            return Self.key(forCode: Int32(input)).map(TerminalEvent.key)
        default:
            if errno != EINTR && inputHasEnded() { isInputClosed = true }
            return nil
        }
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
