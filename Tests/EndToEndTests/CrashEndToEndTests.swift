import Foundation
import Testing

/// What a crash shows a person at the terminal (issue #21): one line and the shell back, with the
/// terminal's modes restored; never the Swift runtime's interactive backtracer, which would offer a
/// visitor process details, memory and the build machine's paths ("Press space to interact, D to debug").
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct CrashEndToEndTests {
    /// Starts the reader on the built-in articles in a fresh tmux session; returns the session and
    /// the state path (which identifies this folio's process).
    func start(environment: String = "", arguments: String = "") throws -> (TmuxSession, String) {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let state = ThrowawayState.path()
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.runInShell([environment, folio.path, "--state", state, arguments].filter { !$0.isEmpty }.joined(separator: " "))
        try tmux.waitFor("the reader") { $0.contains("1/5") }
        return (tmux, state)
    }

    /// Waits for folio to be gone and the shell to answer again, then checks the exit status, that
    /// the terminal echoes again (raw mode and no-echo undone) and that no debugger was offered.
    func expectShellBack(_ tmux: TmuxSession, status: Int32, crashLines: Int) throws {
        try tmux.waitFor("folio to end and the shell's prompt") { screen in
            !screen.contains("1/5") && screen.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) == "$"
        }
        try tmux.type("echo STATUS=$?; echo MODES=$(stty -a | tr ' ' '\\n' | grep -c -x -e echo -e icanon)\n")
        let screen = try tmux.waitFor("the status and the terminal's modes") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("MODES=") }
        }
        let lines = screen.split(separator: "\n")
        #expect(lines.contains { $0 == "STATUS=\(status)" }, "exit status, screen:\n\(screen)")
        // `echo` and `icanon` both on (not `-echo`, `-icanon`): the shell's own modes are back.
        #expect(lines.contains { $0 == "MODES=2" }, "terminal modes not restored:\n\(screen)")
        #expect(!screen.contains("Press space"), "the interactive backtracer was offered:\n\(screen)")
        #expect(!screen.lowercased().contains("to debug"), "a debugger was offered:\n\(screen)")
        #expect(
            !screen.contains("Program crashed") && !screen.contains("Backtrace") && !screen.contains("Thread 0"),
            "the runtime's crash report was shown:\n\(screen)")
        let folioLines = lines.filter { $0.hasPrefix("folio:") }
        #expect(folioLines.count == crashLines, "folio's own lines:\n\(screen)")
        // The reader's screen is gone: curses left the alternate screen.
        #expect(!screen.contains("/ search") && !screen.contains("1/5"), "the reader's screen was left:\n\(screen)")
    }

    /// A failed Swift check on a background thread while curses has the screen (debug builds can be
    /// told to fail one, see TestCrash): the runtime traps with SIGILL.
    @Test func aSwiftTrapOnAnotherThreadShowsOneLineAndRestoresTheTerminal() throws {
        let trigger = FileManager.default.temporaryDirectory.appending(path: "folio-crash-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: trigger) }
        let (tmux, state) = try start(environment: "FOLIO_TEST_CRASH_FILE=\(trigger)")
        defer { ThrowawayState.remove(state) }
        try #require(FileManager.default.createFile(atPath: trigger, contents: Data()))
        try expectShellBack(tmux, status: 128 + SIGILL, crashLines: 1)
        #expect(try tmux.screen().contains("folio: crashed (SIGILL)"))
    }

    /// A crash signal from outside (the same handler a real fault reaches), in restricted mode: what
    /// an SSH visitor would see.
    @Test(arguments: ["SEGV", "BUS", "ABRT"])
    func aCrashSignalInRestrictedModeShowsNoDebugger(signal: String) throws {
        let (tmux, state) = try start(arguments: "--restricted")
        defer { ThrowawayState.remove(state) }
        let number: Int32 = ["SEGV": SIGSEGV, "BUS": SIGBUS, "ABRT": SIGABRT][signal]!
        let pids = FaultEndToEndTests.processes(withArgument: state)
        try #require(!pids.isEmpty, "folio is not running")
        for pid in pids { kill(pid, number) }
        try expectShellBack(tmux, status: 128 + number, crashLines: 1)
        #expect(try tmux.screen().contains("folio: crashed (SIG\(signal))"))
    }

    /// SIGQUIT ends the session as SIGTERM does: terminal restored, exit status 131, no message.
    @Test func sigquitEndsTheReaderWithTheTerminalRestored() throws {
        let (tmux, state) = try start()
        defer { ThrowawayState.remove(state) }
        let pids = FaultEndToEndTests.processes(withArgument: state)
        try #require(!pids.isEmpty, "folio is not running")
        for pid in pids { kill(pid, SIGQUIT) }
        try expectShellBack(tmux, status: 128 + SIGQUIT, crashLines: 0)
    }
}
