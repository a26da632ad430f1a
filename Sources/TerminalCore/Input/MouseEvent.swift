/// A mouse button press or release, or a wheel notch, where the terminal reports them (xterm's
/// button-event tracking, mode 1000, in the SGR encoding of mode 1006; Documentation/architecture.md §11).
/// Motion is never asked for: every pointer move would be a report over a slow link.
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable {
        case left, middle, right
        case wheelUp, wheelDown
    }

    public var button: Button
    /// A press (or a wheel notch); false for a release.
    public var isPress: Bool
    /// The cell, counted from 0 at the top-left corner.
    public var column: Int
    public var row: Int

    public init(button: Button, isPress: Bool = true, column: Int, row: Int) {
        self.button = button
        self.isPress = isPress
        self.column = column
        self.row = row
    }

    /// The event of an SGR report `ESC [ < b ; x ; y M` (a press; `m`: a release), given what
    /// follows `ESC [ <`. Nil for anything else: malformed, a motion report, a button folio has no
    /// use for (the extra buttons 8 to 11), or a position outside 1...10,000.
    public static func sgr(_ parameters: some StringProtocol) -> MouseEvent? {
        guard let final = parameters.last, final == "M" || final == "m" else { return nil }
        let fields = parameters.dropLast().split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy(\.isASCII) }),
            let code = Int(fields[0]), let column = Int(fields[1]), let row = Int(fields[2]),
            (1...10_000).contains(column), (1...10_000).contains(row)
        else { return nil }
        // Bits 2 to 4 are Shift, Meta and Control; 32 is motion, 64 the wheel, 128 the extra buttons.
        guard code & 32 == 0, code & 128 == 0 else { return nil }
        let button: Button
        switch (code & 64 != 0, code & 3) {
        case (false, 0): button = .left
        case (false, 1): button = .middle
        case (false, 2): button = .right
        case (true, 0): button = .wheelUp
        case (true, 1): button = .wheelDown
        default: return nil
        }
        return MouseEvent(button: button, isPress: final == "M", column: column - 1, row: row - 1)
    }
}
