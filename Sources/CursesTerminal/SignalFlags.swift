import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Termination requests from signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT), polled by the run loop so
/// that `endwin` runs on the normal exit path. SIGQUIT (`kill -QUIT`; raw mode makes Ctrl-\ a key)
/// ends the session like SIGTERM (see `CrashGuard` for before and after the run loop).
///
/// The handlers only store the signal number into a lock-free atomic, which is async-signal-safe.
/// They are installed without SA_RESTART, so a blocking read is interrupted and
/// `CursesTerminal.nextEvent` returns nil, letting the loop look at `pendingSignal` at once (when
/// the loop runs on the main thread, which receives process signals; see `nextEvent`).
/// Install them before starting the terminal: ncurses then leaves SIGINT and SIGTERM alone (it
/// only catches signals still at their default action); installed after, they replace its handlers.
public enum SignalFlags {
    /// The signals that ask folio to stop.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// The last signal received, 0 for none.
    private static let received = Atomic<Int32>(0)

    /// Installs the handlers; calling it again does no harm. A signal the process was started
    /// ignoring (`nohup` ignores SIGHUP) stays ignored.
    public static func install() {
        // Touch the atomic first: a static is initialised lazily, and its one-time initialiser
        // must not first run inside a signal handler.
        _ = received.load(ordering: .relaxed)
        for signal in signals {
            if isIgnored(signal) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                SignalFlags.received.store(number, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// Whether `signal` is set to be ignored.
    static func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// The signal that asked us to stop, if any.
    public static var pendingSignal: Int32? {
        let signal = received.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// Forgets a received signal (tests).
    static func reset() {
        received.store(0, ordering: .relaxed)
    }
}
