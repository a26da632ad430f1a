import Testing

@testable import CursesTerminal

extension CursesTerminalTests {
    /// The bytes a crash writes to give the screen back (the handler itself is tested through the
    /// real program, in EndToEndTests/CrashEndToEndTests: installing it here would take over the
    /// test runner's own crash reports).
    @Suite struct CrashResetTests {
        @Test func paddingIsRemovedFromCapabilities() {
            let bytes = Array("\u{1B}[?1049l$<5>\u{1B}[23;0;0t$<2/>".utf8)
            #expect(CursesTerminal.withoutPadding(bytes) == Array("\u{1B}[?1049l\u{1B}[23;0;0t".utf8))
            #expect(CursesTerminal.withoutPadding(Array("$5 <x> $".utf8)) == Array("$5 <x> $".utf8))
        }

        @Test(.enabled(if: TestTerminal.isAvailable, "newterm(\"xterm-256color\") fails in this environment"))
        func aTerminalArmsTheResetWithItsScreenModes() throws {
            let terminal = try TestTerminal.make()
            defer { terminal.shutdown() }
            let armed = CrashGuard.armedScreenReset
            #expect(armed.contains(Array("\u{1B}[?1049l".utf8)), "rmcup of xterm-256color")
            terminal.shutdown()
            #expect(CrashGuard.armedScreenReset.isEmpty)
        }

        @Test(.enabled(if: TestTerminal.isAvailable, "newterm(\"xterm-256color\") fails in this environment"))
        func aTerminalWithTheMouseTurnsItOffInTheReset() throws {
            let terminal = try TestTerminal.make(mouse: true)
            defer { terminal.shutdown() }
            #expect(CrashGuard.armedScreenReset.contains(Array("\u{1B}[?1006l\u{1B}[?1000l".utf8)))
            let without = try TestTerminal.make(mouse: false)
            defer { without.shutdown() }
            #expect(!CrashGuard.armedScreenReset.contains(Array("\u{1B}[?1000l".utf8)))
        }
    }
}
