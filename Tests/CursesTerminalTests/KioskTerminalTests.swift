import Synchronization
import TerminalCore
import Testing

@testable import CursesTerminal

#if canImport(Glibc)
    import Glibc
#endif

/// What an SSH visitor's terminal can throw at the backend: any window size, a paste, a link that
/// takes output slowly, a TERM unknown here (issue 21).
extension CursesTerminalTests {
    @Suite struct KioskRules {
        @Test func sizesAreClampedToTheLimit() {
            #expect(TerminalSizeLimit.clamp(width: 100, height: 30)! == (100, 30))
            #expect(TerminalSizeLimit.clamp(width: 40_000, height: 30)! == (1000, 30))
            #expect(TerminalSizeLimit.clamp(width: 100, height: 32_768)! == (100, 500))
            #expect(TerminalSizeLimit.clamp(width: 65_535, height: 65_535)! == (1000, 500))
            #expect(TerminalSizeLimit.clamp(width: 0, height: 30) == nil)
            #expect(TerminalSizeLimit.clamp(width: 100, height: 0) == nil)
        }

        @Test func fallbackTerminalTypes() {
            #expect(TerminalType.candidates(for: "alacritty") == ["alacritty", "vt220", "vt100"])
            #expect(TerminalType.candidates(for: "xterm-kitty") == ["xterm-kitty", "xterm-256color", "xterm", "vt220", "vt100"])
            #expect(TerminalType.candidates(for: "xterm-256color") == ["xterm-256color", "xterm", "vt220", "vt100"])
            #expect(TerminalType.candidates(for: "vt100") == ["vt100", "vt220"])
            #expect(TerminalType.candidates(for: nil) == ["vt220", "vt100"])
            #expect(TerminalType.candidates(for: "") == ["vt220", "vt100"])
        }

        @Test func fallbackNoteShowsOnlyPrintableASCIIOfTheName() {
            let hostile = "evil\u{1B}]0;pwned\u{7}" + String(repeating: "x", count: 100)
            let note = TerminalType.fallbackNote(requested: hostile, used: "vt220")
            #expect(note.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F })
            #expect(note.hasPrefix("unknown terminal type 'evil]0;pwned"))
            #expect(note.count <= 90)
            #expect(TerminalType.fallbackNote(requested: nil, used: "vt220") == "TERM is not set: drawing as vt220")
        }

        @Test func pastedTextHasNoControls() {
            #expect(BracketedPaste.text("one\r\ntwo\nthree\tfour\rfive".unicodeScalars) == "one two three four five")
            #expect(BracketedPaste.text("a\u{1B}[31mb\u{7}c\u{9B}d\u{7F}é".unicodeScalars) == "a[31mbcdé")
            #expect(BracketedPaste.text("".unicodeScalars) == "")
        }
    }

    @Suite(.enabled(if: TestTerminal.isAvailable, "newterm(\"xterm-256color\") fails in this environment"))
    struct Kiosk {
        @Test func aHugeWindowIsDrawnWithinTheLimit() throws {
            let pty = try PseudoTerminal(columns: 40_000, rows: 30)
            let terminal = try pty.terminal()
            #expect(terminal.size == (1000, 30))
            terminal.present(TestTerminal.grid(for: terminal, [("wide", .plain)]))
            pty.set(columns: 100, rows: 32_768)
            #expect(terminal.synchronizeSize())
            #expect(terminal.size == (100, 500))
            #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .resize(width: 100, height: 500))
            terminal.present(TestTerminal.grid(for: terminal, [("tall", .plain)]))
            pty.set(columns: 65_535, rows: 65_535)
            #expect(terminal.synchronizeSize())
            #expect(terminal.size == (1000, 500))
            pty.set(columns: 100, rows: 30)
            #expect(terminal.synchronizeSize())
            #expect(terminal.size == (100, 30))
            terminal.present(TestTerminal.grid(for: terminal, [("back", .plain)]))
            #expect(terminal.drawnRow(0).hasPrefix("back"))
            pty.whileReading { terminal.shutdown() }
        }

        @Test func aPasteArrivesAsTextNotKeys() throws {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            defer { close(ends[0]) }
            let bytes = Array("\u{1B}[200~q|line one\r\nline two\u{1B}[201~j".utf8)
            try #require(write(ends[1], bytes, bytes.count) == bytes.count)
            close(ends[1])
            let terminal = try TestTerminal.make(input: ends[0])
            #expect(terminal.bracketedPaste != nil)
            #expect(terminal.nextInput(timeoutMilliseconds: 100) == .paste("q|line one line two"))
            #expect(terminal.nextInput(timeoutMilliseconds: 100) == .event(.key(.character("j"))))
        }

        @Test func aLongPasteComesInParts() throws {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            defer { close(ends[0]) }
            let text = String(repeating: "x", count: CursesTerminal.pastePartLimit + 10)
            let bytes = Array("\u{1B}[200~\(text)\u{1B}[201~".utf8)
            let writer = ends[1]
            // Larger than a pipe holds at once on some systems: written from another thread.
            let thread = try #require(
                Thread.start {
                    _ = bytes.withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
                    close(writer)
                })
            let terminal = try TestTerminal.make(input: ends[0])
            var parts: [String] = []
            while let input = terminal.nextInput(timeoutMilliseconds: 500), case .paste(let part) = input { parts.append(part) }
            thread.join()
            #expect(parts.joined() == text)
            #expect(parts.allSatisfy { $0.count <= CursesTerminal.pastePartLimit })
            #expect(!terminal.isInPaste)
        }

        @Test func keysAreReadWhileATerminalIsSlowToTakeOutput() throws {
            let pty = try PseudoTerminal(columns: 200, rows: 60)
            let terminal = try pty.terminal()
            try #require(terminal.pump != nil, "no output pump on a pty")
            // Nobody reads the terminal: frames pile up until it is full and the pump holds the rest.
            var frames = 0
            while !terminal.isSendingFrame && frames < 1_000 {
                frames += 1
                terminal.present(TestTerminal.grid(for: terminal, [(String(repeating: "\(frames % 10)", count: 200), .plain)]))
                terminal.invalidate()
                usleep(1_000)
            }
            #expect(terminal.isSendingFrame, "\(frames) frames all went out with nobody reading")
            // Still sending, yet a key is read at once.
            pty.type("q")
            let started = ContinuousClock.now
            #expect(terminal.nextEvent(timeoutMilliseconds: 2_000) == .key(.character("q")))
            #expect(ContinuousClock.now - started < .milliseconds(500))
            // Once the terminal reads again, the frame goes out.
            pty.read(seconds: 5, until: { !terminal.isSendingFrame })
            #expect(!terminal.isSendingFrame)
            pty.whileReading { terminal.shutdown() }
        }
    }
}

/// A pseudo-terminal pair: the test holds the master (the terminal's side), the backend the slave.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32

    init(columns: Int, rows: Int) throws {
        // posix_openpt and friends are not in Swift's Glibc module: looked up by name.
        typealias Open = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        func function<T>(_ name: String, as type: T.Type) throws -> T {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
                throw CursesTerminalError("no \(name) in the C library")
            }
            return unsafeBitCast(symbol, to: type)
        }
        let openMaster = try function("posix_openpt", as: Open.self)
        let grant = try function("grantpt", as: Open.self)
        let unlock = try function("unlockpt", as: Open.self)
        let slaveName = try function("ptsname", as: Name.self)
        master = openMaster(O_RDWR | O_NOCTTY)
        guard master >= 0, grant(master) == 0, unlock(master) == 0, let name = slaveName(master) else {
            throw CursesTerminalError("no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw CursesTerminalError("cannot open \(String(cString: name))") }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        set(columns: columns, rows: rows)
    }

    deinit {
        close(slave)
        close(master)
    }

    func terminal() throws -> CursesTerminal {
        try CursesTerminal(options: .init(useColor: true, input: slave, output: slave, terminalName: TestTerminal.terminalName))
    }

    func set(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = write(master, bytes, bytes.count)
    }

    /// Reads (and drops) what the backend writes for up to `seconds`, or until `until` holds.
    func read(seconds: Double, until: () -> Bool) {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let end = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < end && !until() {
            if Glibc.read(master, &buffer, buffer.count) <= 0 { usleep(2_000) }
        }
    }

    /// Runs `body` while another thread reads the terminal, as a terminal emulator would: ending
    /// curses writes to the terminal directly, and would wait for room forever otherwise.
    func whileReading(_ body: () -> Void) {
        let done = Atomic<Bool>(false)
        let reader = Thread.start { [self] in read(seconds: 10, until: { done.load(ordering: .relaxed) }) }
        body()
        done.store(true, ordering: .relaxed)
        reader?.join()
    }
}

/// A thread running `body` (the test target has no Foundation).
final class Thread: @unchecked Sendable {
    private var thread = pthread_t()
    private let body: () -> Void

    private init(_ body: @escaping () -> Void) { self.body = body }

    static func start(_ body: @escaping () -> Void) -> Thread? {
        let made = Thread(body)
        let context = Unmanaged.passRetained(made).toOpaque()
        guard
            pthread_create(
                &made.thread, nil,
                { context in
                    Unmanaged<Thread>.fromOpaque(context!).takeRetainedValue().body()
                    return nil
                }, context) == 0
        else {
            Unmanaged<Thread>.fromOpaque(context).release()
            return nil
        }
        return made
    }

    func join() { pthread_join(thread, nil) }
}
