import Testing

@testable import TerminalCore

@Suite("Mouse reports (SGR)")
struct MouseEventTests {
    @Test func pressesReleasesAndTheWheel() {
        #expect(MouseEvent.sgr("0;1;1M") == MouseEvent(button: .left, column: 0, row: 0))
        #expect(MouseEvent.sgr("0;10;20m") == MouseEvent(button: .left, isPress: false, column: 9, row: 19))
        #expect(MouseEvent.sgr("1;3;4M")?.button == .middle)
        #expect(MouseEvent.sgr("2;3;4M")?.button == .right)
        #expect(MouseEvent.sgr("64;3;4M")?.button == .wheelUp)
        #expect(MouseEvent.sgr("65;3;4M")?.button == .wheelDown)
        // Shift (4), Meta (8) and Control (16) held: the same button.
        #expect(MouseEvent.sgr("16;3;4M")?.button == .left)
        #expect(MouseEvent.sgr("69;3;4M")?.button == .wheelDown)
    }

    @Test func columnsPastTheOldEncodingsLimit() {
        #expect(MouseEvent.sgr("0;224;1M")?.column == 223)
        #expect(MouseEvent.sgr("0;1000;500M") == MouseEvent(button: .left, column: 999, row: 499))
    }

    @Test(arguments: [
        "", "M", "0;1M", "0;1;1", "0;1;1X", ";1;1M", "0;;1M", "0;0;1M", "0;1;0M", "0;1;1;1M", "a;1;1M", "0;99999;1M",
        "0;123456789012345678901;1M", "32;1;1M", "35;1;1M", "66;1;1M", "128;1;1M", "0;1;-1M", "0;١;1M"
    ])
    func malformedOrUnusedReportsAreNothing(text: String) {
        #expect(MouseEvent.sgr(text) == nil)
    }
}
