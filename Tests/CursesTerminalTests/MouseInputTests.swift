import TerminalCore
import Testing

@testable import CursesTerminal

#if canImport(Glibc)
    import Glibc
#endif

extension CursesTerminalTests {
    /// Mouse reports read from the terminal (SGR, mode 1006) between keys.
    @Suite(.enabled(if: TestTerminal.isAvailable, "newterm(\"xterm-256color\") fails in this environment"))
    struct MouseInput {
        private func events(reading bytes: String, terminalName: String = TestTerminal.terminalName) throws -> [TerminalEvent] {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            let written = Array(bytes.utf8).withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
            close(ends[1])
            defer { close(ends[0]) }
            try #require(written == bytes.utf8.count)
            let terminal = try TestTerminal.make(input: ends[0], terminalName: terminalName, mouse: true)
            var events: [TerminalEvent] = []
            while let event = terminal.nextEvent(timeoutMilliseconds: 100) { events.append(event) }
            return events
        }

        @Test(arguments: ["xterm-256color", "tmux-256color", "screen"])
        func readsReportsBetweenKeys(terminalName: String) throws {
            // A wheel notch down at column 300 (past the old encoding's 223), a click and its release, keys around.
            let events = try events(
                reading: "j\u{1B}[<65;300;7Mk\u{1B}[<0;5;3M\u{1B}[<0;5;3m\u{1B}OA", terminalName: terminalName)
            #expect(
                events == [
                    .key(.character("j")), .mouse(MouseEvent(button: .wheelDown, column: 299, row: 6)), .key(.character("k")),
                    .mouse(MouseEvent(button: .left, column: 4, row: 2)),
                    .mouse(MouseEvent(button: .left, isPress: false, column: 4, row: 2)), .key(.up)
                ])
        }

        @Test func aBrokenReportIsDroppedAndTheKeysAfterItStay() throws {
            let events = try events(reading: "\u{1B}[<0;5x\u{1B}[<32;5;5Mq")
            #expect(events == [.key(.character("q"))])
        }
    }
}
