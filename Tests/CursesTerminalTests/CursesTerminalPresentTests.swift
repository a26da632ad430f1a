import TerminalCore
import Testing

@testable import CursesTerminal

extension CursesTerminalTests {
    @Suite(.enabled(if: TestTerminal.isAvailable, "newterm(\"xterm-256color\") fails in this environment"))
    struct Present {
        @Test func startsWithTheTerminfoSizeAndAUTF8Locale() throws {
            let terminal = try TestTerminal.make()
            #expect(terminal.size.width > 0 && terminal.size.height > 0)
            #expect(terminal.isUnicode)
            #expect(terminal.hasColor)
        }

        @Test func drawsASCIIWhereTheGridSays() throws {
            let terminal = try TestTerminal.make()
            var grid = ScreenGrid(width: terminal.size.width, height: terminal.size.height)
            grid.put("hello", row: 1, column: 3, style: .plain)
            terminal.present(grid)
            #expect(terminal.drawnRow(1).hasPrefix("   hello "))
            #expect(terminal.drawnCell(row: 1, column: 7)?.text == "o")
        }

        @Test func wideCharacterTakesTwoColumnsAndTheNextCellFollowsIt() throws {
            let terminal = try TestTerminal.make()
            let grid = TestTerminal.grid(for: terminal, [("a漢b", .plain)])
            #expect(grid[0, 2].isContinuation)
            terminal.present(grid)
            #expect(terminal.drawnCell(row: 0, column: 1)?.text == "漢")
            #expect(terminal.drawnCell(row: 0, column: 3)?.text == "b")
            #expect(terminal.drawnRow(0).hasPrefix("a漢b "))
        }

        @Test func combiningSequenceStaysOneCell() throws {
            let terminal = try TestTerminal.make()
            terminal.present(TestTerminal.grid(for: terminal, [("e\u{301}x", .plain)]))
            #expect(terminal.drawnCell(row: 0, column: 0)?.text.unicodeScalars.map(\.value) == [0x65, 0x301])
            #expect(terminal.drawnCell(row: 0, column: 1)?.text == "x")
        }

        @Test func stylesBecomeAttributes() throws {
            let terminal = try TestTerminal.make()
            terminal.present(
                TestTerminal.grid(
                    for: terminal,
                    [
                        ("r", Style(reverse: true)), ("b", Style(bold: true)), ("u", Style(underline: true)),
                        ("d", Style(dim: true)), ("p", .plain)
                    ]))
            #expect(terminal.drawnCell(row: 0, column: 0) == DrawnCell(text: "r", reverse: true))
            #expect(terminal.drawnCell(row: 1, column: 0) == DrawnCell(text: "b", bold: true))
            #expect(terminal.drawnCell(row: 2, column: 0) == DrawnCell(text: "u", underline: true))
            #expect(terminal.drawnCell(row: 3, column: 0) == DrawnCell(text: "d", dim: true))
            #expect(terminal.drawnCell(row: 4, column: 0) == DrawnCell(text: "p"))
        }

        @Test func coloursGetPairsOnDemandAndNotWithoutColour() throws {
            let style = Style(foreground: .yellow, background: .indexed(17), bold: true)
            let colored = try TestTerminal.make()
            colored.present(TestTerminal.grid(for: colored, [("c", style), ("d", Style(foreground: .red))]))
            let cell = try #require(colored.drawnCell(row: 0, column: 0))
            #expect(cell.pair != 0 && cell.foreground == 3 && cell.background == 17 && cell.bold)
            let red = try #require(colored.drawnCell(row: 1, column: 0))
            #expect(red.pair != cell.pair && red.foreground == 1 && red.background == -1)
            #expect(colored.colorPairs.count == 2)
            colored.shutdown()

            let plain = try TestTerminal.make(color: false)
            #expect(!plain.hasColor)
            plain.present(TestTerminal.grid(for: plain, [("c", style)]))
            #expect(plain.drawnCell(row: 0, column: 0) == DrawnCell(text: "c", bold: true))
        }

        @Test func controlCharactersNeverReachCursesRaw() throws {
            let terminal = try TestTerminal.make()
            var grid = TestTerminal.grid(for: terminal, [])
            // Bypass put() (which already replaces controls) to test the backend's own defence.
            grid[0, 0] = Cell(text: "\u{1B}", width: 1, style: .plain)
            grid[0, 1] = Cell(text: "a\u{7}", width: 1, style: .plain)
            grid[0, 2] = Cell(text: "\u{9B}", width: 1, style: .plain)
            grid[0, 3] = Cell(text: "z", width: 1, style: .plain)
            terminal.present(grid)
            #expect(terminal.drawnRow(0).hasPrefix("\u{FFFD}\u{FFFD}\u{FFFD}z "))
        }

        @Test func glyphKeepsWhatCursesCanDrawAsLaidOut() {
            #expect(Glyph.unicode(Cell(text: "", width: 0, style: .plain)).characters == [0x20])
            // An unassigned code point: glibc calls it unprintable, so curses would draw an escape.
            #expect(Glyph.unicode(Cell(text: "\u{E01F0}", width: 1, style: .plain)).characters == [0xFFFD])
            // A grid width that disagrees with glibc's: drawn narrow, with a blank after it.
            #expect(Glyph.unicode(Cell(text: "a", width: 2, style: .plain)) == Glyph(characters: [0xFFFD], columns: 1))
            #expect(Glyph.unicode(Cell(text: "漢", width: 2, style: .plain)) == Glyph(characters: [0x6F22], columns: 2))
        }

        @Test func secondPresentDrawsOnlyTheChangedCell() throws {
            let terminal = try TestTerminal.make()
            var grid = TestTerminal.grid(for: terminal, [("first line", .plain), ("漢字 wide", .plain)])
            terminal.present(grid)
            #expect(terminal.lastPresentChangedCells > 0)
            terminal.present(grid)
            #expect(terminal.lastPresentChangedCells == 0)

            grid[0, 0] = Cell(text: "F", width: 1, style: Style(bold: true))
            terminal.present(grid)
            #expect(terminal.lastPresentChangedCells == 1)
            #expect(terminal.drawnCell(row: 0, column: 0) == DrawnCell(text: "F", bold: true))
            #expect(terminal.drawnRow(0).hasPrefix("First line"))

            // Restyling only the second half of a wide cell redraws that cell.
            grid.restyle(row: 1, columns: 1..<2) { $0.reverse = true }
            terminal.present(grid)
            #expect(terminal.lastPresentChangedCells == 1)

            terminal.invalidate()
            terminal.present(grid)
            #expect(terminal.lastPresentChangedCells == grid.cells.filter { !$0.isContinuation }.count)
        }

        @Test func narrowCellOverAWideOneLeavesNoHalfBehind() throws {
            let terminal = try TestTerminal.make()
            var grid = TestTerminal.grid(for: terminal, [("漢字", .plain)])
            terminal.present(grid)
            grid.put("ab", row: 0, column: 1, style: .plain)
            terminal.present(grid)
            #expect(grid.text(ofRow: 0).hasPrefix(" ab "))
            #expect(terminal.drawnRow(0).hasPrefix(" ab "))
        }

        @Test func bottomRightCellIsDrawn() throws {
            let terminal = try TestTerminal.make()
            let (width, height) = terminal.size
            var grid = ScreenGrid(width: width, height: height)
            grid.put("Z", row: height - 1, column: width - 1, style: .plain)
            terminal.present(grid)
            #expect(terminal.drawnCell(row: height - 1, column: width - 1)?.text == "Z")
        }

        @Test func asciiRenderingReplacesNonASCII() throws {
            let terminal = try TestTerminal.make(ascii: true)
            #expect(!terminal.isUnicode)
            terminal.present(TestTerminal.grid(for: terminal, [("“Café” – naïve ‘x’ 漢!", .plain)]))
            #expect(terminal.drawnRow(0).hasPrefix("\"Cafe\" - naive 'x' ? !"))
        }

        @Test func gridLargerThanTheScreenIsClipped() throws {
            let terminal = try TestTerminal.make()
            let (width, height) = terminal.size
            var grid = ScreenGrid(width: width + 5, height: height + 2)
            grid.put(String(repeating: "x", count: width - 1) + "漢yz", row: 0, column: 0, style: .plain)
            terminal.present(grid)
            // The wide cell would straddle the right edge: drawn narrow instead.
            #expect(terminal.drawnCell(row: 0, column: width - 1)?.text == "\u{FFFD}")
        }

        @Test func shutdownIsIdempotentAndStopsDrawing() throws {
            let terminal = try TestTerminal.make()
            terminal.shutdown()
            terminal.shutdown()
            terminal.present(TestTerminal.grid(for: terminal, [("late", .plain)]))
            #expect(terminal.lastPresentChangedCells == 0)
            #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
        }

        @Test func unknownTerminalFallsBackAndSaysSo() throws {
            // TERM names no terminfo entry (a visitor's "xterm-kitty" on a server without it): drawn
            // as vt220, and the note for the status line names both, on one line.
            let terminal = try TestTerminal.make(terminalName: "no-such-terminal-xyz")
            let note = try #require(terminal.terminalNote)
            #expect(note.contains("no-such-terminal-xyz") && note.contains("vt220") && !note.contains("\n"))
            terminal.present(TestTerminal.grid(for: terminal, [("still drawn", .plain)]))
            #expect(terminal.drawnRow(0).hasPrefix("still drawn"))
            #expect(try TestTerminal.make().terminalNote == nil)
            // newterm accepts it, but it cannot address the cursor: the user said so, one line.
            #expect {
                _ = try TestTerminal.make(terminalName: "dumb")
            } throws: { error in
                let text = "\(error)"
                return error is CursesTerminalError && text.contains("dumb") && !text.contains("\n")
            }
        }
    }
}
