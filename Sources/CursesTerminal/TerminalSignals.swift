import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Window-size changes (SIGWINCH) and stop requests (SIGTSTP) caught by folio instead of ncurses.
///
/// ncurses' own SIGWINCH handling asks the kernel for the new size and resizes to it as it is, and
/// a visitor's SSH client may report 65,535 x 65,535. With these handlers in place before
/// `newterm` (ncurses only takes signals still at their default action), ncurses never resizes on
/// its own: `CursesTerminal.synchronizeSize` does, within `TerminalSizeLimit`. SIGTSTP is taken
/// for the same reason: ncurses' handler would restore the terminal through a descriptor that
/// `OutputPump` has pointed at a pipe; `CursesTerminal.nextInput` suspends properly instead.
/// Like `SignalFlags`, the handlers only store into atomics and are installed without SA_RESTART.
enum TerminalSignals {
    private static let resized = Atomic<Bool>(false)
    private static let stopRequested = Atomic<Bool>(false)
    private static let installedResize = Atomic<Bool>(false)
    private static let installedStop = Atomic<Bool>(false)
    /// Whether the SIGTSTP handler is folio's (not when SIGTSTP was ignored or handled already).
    private static let catchesStop = Atomic<Bool>(false)

    /// Installs the SIGWINCH handler (unless someone else handles it: ignoring it is its default
    /// action anyway), and with `catchingStop` the SIGTSTP one if it is at its default action; each
    /// once per process. SIGTSTP is only needed where the output
    /// pump runs (a terminal); elsewhere (tests drawing into /dev/null) ncurses may keep it.
    static func install(catchingStop: Bool) {
        _ = resized.load(ordering: .relaxed)
        _ = stopRequested.load(ordering: .relaxed)
        if !installedResize.exchange(true, ordering: .relaxed), isDefault(SIGWINCH) || SignalFlags.isIgnored(SIGWINCH) {
            catchSignal(SIGWINCH) { _ in TerminalSignals.resized.store(true, ordering: .relaxed) }
        }
        if catchingStop, !installedStop.exchange(true, ordering: .relaxed), isDefault(SIGTSTP) {
            catchSignal(SIGTSTP) { _ in TerminalSignals.stopRequested.store(true, ordering: .relaxed) }
            catchesStop.store(true, ordering: .relaxed)
        }
    }

    /// Whether a SIGWINCH came since the last call.
    static func takeResize() -> Bool { resized.exchange(false, ordering: .relaxed) }

    /// Whether a SIGTSTP came since the last call.
    static func takeStopRequest() -> Bool { stopRequested.exchange(false, ordering: .relaxed) }

    /// Stops the process as SIGTSTP's default action would (folio's handler only takes note), and
    /// catches SIGTSTP again once the shell continues it.
    static func stopProcess() {
        guard catchesStop.load(ordering: .relaxed) else {
            raise(SIGTSTP)
            return
        }
        Glibc.signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        catchSignal(SIGTSTP) { _ in TerminalSignals.stopRequested.store(true, ordering: .relaxed) }
    }

    private static func isDefault(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        return current.__sigaction_handler.sa_handler == nil
    }

    private static func catchSignal(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
    }
}
