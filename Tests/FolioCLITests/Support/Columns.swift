/// Terminal columns of a line of the built-in articles' text, without TerminalCore: every scalar they
/// contain is one column (ASCII, Latin letters, typographic punctuation). Anything else returns nil,
/// so a test notices rather than miscounts (a wide CJK character, a combining mark).
enum Columns {
    static func of(_ line: some StringProtocol) -> Int? {
        var columns = 0
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x20...0x7E, 0xA0...0x24F, 0x2010...0x2027, 0x2030...0x205E, 0x20AC: columns += 1
            default: return nil
            }
        }
        return columns
    }
}
