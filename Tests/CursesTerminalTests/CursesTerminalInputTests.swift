import TerminalCore
import Testing

@testable import CursesTerminal

#if canImport(Glibc)
    import Glibc
#endif

extension CursesTerminalTests {
    @Suite(.enabled(if: TestTerminal.isAvailable, "newterm(\"xterm-256color\") fails in this environment"))
    struct Input {
        /// A terminal reading from a pipe holding `bytes`, then at its end (or, with `keepOpen`,
        /// waiting for more until the returned writer is closed).
        private func terminal(reading bytes: String, keepOpen: Bool = false) throws -> (CursesTerminal, writer: Int32?) {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            defer {
                close(ends[0])
                if !keepOpen { close(ends[1]) }
            }
            let written = Array(bytes.utf8).withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
            try #require(written == bytes.utf8.count)
            return (try TestTerminal.make(input: ends[0]), keepOpen ? ends[1] : nil)
        }

        private func terminal(reading bytes: String) throws -> CursesTerminal {
            try terminal(reading: bytes, keepOpen: false).0
        }

        @Test func decodesCharactersAndKeypadKeys() throws {
            // xterm-256color's keypad-mode sequences: Up, PgDn, F1, S-Tab, Home; then é, C-u, Enter, DEL.
            let terminal = try terminal(reading: "\u{1B}OA\u{1B}[6~\u{1B}OP\u{1B}[Z\u{1B}OHj\u{E9}\u{15}\r\u{7F}")
            var events: [TerminalEvent] = []
            while let event = terminal.nextEvent(timeoutMilliseconds: 100) { events.append(event) }
            #expect(
                events == [
                    .key(.up), .key(.pageDown), .key(.function(1)), .key(.backTab), .key(.home), .key(.character("j")),
                    .key(.character("é")), .key(.control("u")), .key(.enter), .key(.backspace)
                ])
            #expect(terminal.isInputClosed)
        }

        @Test func loneEscapeIsEscape() throws {
            let terminal = try terminal(reading: "\u{1B}")
            #expect(terminal.nextEvent(timeoutMilliseconds: 500) == .key(.escape))
            #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
        }

        @Test func timesOutWithNilAndNoticesTheEndOfInput() throws {
            let (terminal, writer) = try terminal(reading: "", keepOpen: true)
            let start = ContinuousClock.now
            #expect(terminal.nextEvent(timeoutMilliseconds: 50) == nil)
            #expect(ContinuousClock.now - start >= .milliseconds(40))
            #expect(!terminal.isInputClosed)
            close(try #require(writer))
            #expect(terminal.nextEvent(timeoutMilliseconds: -1) == nil)
            #expect(terminal.isInputClosed)
        }

        @Test func fileInputEndsAtItsEnd() throws {
            let terminal = try TestTerminal.make()  // reads /dev/null
            #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
            #expect(terminal.isInputClosed)
        }

        @Test func resizeReportsTheNewSizeAndRedrawsEverything() throws {
            let terminal = try terminal(reading: "")
            terminal.present(ScreenGrid(width: terminal.size.width, height: terminal.size.height))
            terminal.resizeForTesting(width: 100, height: 30)
            #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .resize(width: 100, height: 30))
            #expect(terminal.size == (100, 30))
            var grid = ScreenGrid(width: 100, height: 30)
            grid.put("wide now", row: 29, column: 92, style: .plain)
            terminal.present(grid)
            #expect(terminal.lastPresentChangedCells == 100 * 30)
            #expect(terminal.drawnRow(29).hasSuffix("wide now"))
        }

        @Test func keyCodesMapToKeys() {
            #expect(CursesTerminal.key(forCode: 0o403) == .up)  // KEY_UP
            #expect(CursesTerminal.key(forCode: 0o410 + 12) == .function(12))  // KEY_F(12)
            #expect(CursesTerminal.key(forCode: 0o631) == nil)  // KEY_MOUSE
        }
    }
}
