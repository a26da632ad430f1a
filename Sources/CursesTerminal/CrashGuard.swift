import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What a crash shows: one line on stderr and a restored terminal, never the Swift runtime's
/// crash handler, which on a terminal opens an interactive backtracer ("Press space to interact")
/// offering process details, loaded images, memory and the build machine's source paths.
///
/// The runtime installs its handlers before `main` for the signals a crash raises and for SIGQUIT,
/// but only where the action is still the default; replacing them turns it off (docs/Backtracing.rst:
/// "your program will no longer produce backtraces for program failures that lead to the handler
/// you have replaced"). Call `install` first thing in `main`.
///
/// The handler does only async-signal-safe things: `tcsetattr` back to the terminal settings folio
/// started with, a `write` of the bytes that leave curses' screen modes (see `armScreenReset`), a
/// `write` of the message; then the default action, so the process still dies of the signal
/// (exit status 128 + N, a core file where the system keeps them).
public enum CrashGuard {
    /// The signals a crash raises: bad memory, a Swift trap (`ud2` is SIGILL), `abort`, breakpoints.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Room for the screen-reset bytes; terminfo's sgr0, cnorm, rmkx and rmcup are a few dozen.
    static let resetCapacity = 256

    /// Settings and bytes the handler reads: allocated once by `install`, never freed, so the handler
    /// touches no lazily initialised global and allocates nothing.
    private nonisolated(unsafe) static let savedSettings = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    private nonisolated(unsafe) static let resetBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: resetCapacity)
    /// The terminal descriptor whose settings were saved, or -1.
    private static let settingsDescriptor = Atomic<Int32>(-1)
    /// How many `resetBytes` to write (0 while curses does not have the screen), and where.
    private static let resetCount = Atomic<Int>(0)
    private static let resetDescriptor = Atomic<Int32>(-1)

    /// Replaces the runtime's crash handlers with folio's (a signal ignored from the start, as
    /// `nohup` or a shell may leave SIGQUIT, stays ignored), makes SIGQUIT end folio with the
    /// terminal restored and exit status 131, and saves the terminal settings to restore when both
    /// stdin and stdout are a terminal (the reader's case; `folio list | less` leaves the terminal to less).
    public static func install() {
        _ = settingsDescriptor.load(ordering: .relaxed)
        _ = resetCount.load(ordering: .relaxed)
        _ = resetDescriptor.load(ordering: .relaxed)
        _ = savedSettings
        _ = resetBytes
        if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, tcgetattr(STDIN_FILENO, savedSettings) == 0 {
            settingsDescriptor.store(STDIN_FILENO, ordering: .releasing)
        }
        ensureAlternateSignalStack()
        for signal in crashSignals {
            install(signal) { number in CrashGuard.handleCrash(number) }
        }
        install(SIGQUIT) { number in CrashGuard.handleQuit(number) }
    }

    /// Arms the screen reset: `bytes` (what leaves curses' modes: attributes off, cursor shown,
    /// keypad mode off, the normal screen back) are written to `descriptor` before the crash message.
    /// Called once curses has the screen; `disarmScreenReset` when it has given it back.
    static func armScreenReset(_ bytes: [UInt8], descriptor: Int32) {
        let count = min(bytes.count, resetCapacity)
        resetCount.store(0, ordering: .releasing)
        for index in 0..<count { resetBytes[index] = bytes[index] }
        resetDescriptor.store(descriptor, ordering: .releasing)
        resetCount.store(count, ordering: .releasing)
    }

    /// Curses has left the screen (endwin): a crash now has no screen modes to undo.
    static func disarmScreenReset() {
        resetCount.store(0, ordering: .releasing)
    }

    /// The bytes a crash would write now to give the screen back (tests).
    static var armedScreenReset: [UInt8] {
        Array(UnsafeBufferPointer(start: resetBytes, count: resetCount.load(ordering: .acquiring)))
    }

    // MARK: The handlers

    private static func handleCrash(_ signal: Int32) {
        resetToDefault(signal)
        restoreTerminal()
        let message = crashMessage(signal)
        _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
        // Blocked while this handler runs, the signal is delivered with its default action as soon
        // as it returns; a fault from an instruction would also simply recur.
        raise(signal)
    }

    private static func handleQuit(_ signal: Int32) {
        restoreTerminal()
        _exit(128 + signal)
    }

    private static func restoreTerminal() {
        let count = resetCount.load(ordering: .acquiring)
        if count > 0 { writeAll(resetDescriptor.load(ordering: .acquiring), resetBytes, count) }
        let descriptor = settingsDescriptor.load(ordering: .acquiring)
        if descriptor >= 0 { tcsetattr(descriptor, TCSANOW, savedSettings) }
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) {
        var written = 0
        while written < count {
            let result = write(descriptor, bytes + written, count - written)
            if result > 0 {
                written += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// One line naming the signal; static text, so the handler builds nothing.
    private static func crashMessage(_ signal: Int32) -> StaticString {
        switch signal {
        case SIGSEGV: "folio: crashed (SIGSEGV)\n"
        case SIGBUS: "folio: crashed (SIGBUS)\n"
        case SIGILL: "folio: crashed (SIGILL)\n"
        case SIGTRAP: "folio: crashed (SIGTRAP)\n"
        case SIGFPE: "folio: crashed (SIGFPE)\n"
        case SIGABRT: "folio: crashed (SIGABRT)\n"
        default: "folio: crashed\n"
        }
    }

    // MARK: Installing

    private static func install(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var current = sigaction()
        if sigaction(signal, nil, &current) == 0,
            unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
        {
            return
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        // On the alternate stack: a stack overflow is a SIGSEGV with no stack left to run on.
        action.sa_flags = Int32(SA_ONSTACK)
        sigaction(signal, &action, nil)
    }

    private static func resetToDefault(_ signal: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
    }

    /// The runtime sets up an alternate signal stack only when its own crash handling is on (not
    /// under `SWIFT_BACKTRACE=enable=no`); make sure the main thread has one.
    private static func ensureAlternateSignalStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_sp == nil || current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        guard let memory = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            memory != MAP_FAILED
        else { return }
        var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
        if sigaltstack(&stack, nil) != 0 { munmap(memory, size) }
    }
}
