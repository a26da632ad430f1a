/// Text folio prints about the user's own input (config diagnostics, argument errors, paths) with
/// every character that could drive or reorder a terminal written as a visible escape: `\u{1B}]0;x`
/// rather than a raw ESC that would retitle the window, clear the screen or hide the rest of the line.
public enum VisibleControls {
    /// `text` with C0 (newline and tab too: a message stays one line), DEL, C1, the line and
    /// paragraph separators, bidi marks, overrides and isolates, the BOM and the interlinear
    /// annotation controls written as `\u{XX}`; every other character as it is.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(hex(scalar.value))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The characters `escape` rewrites (the same set the corpus keeps out of ids).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069,
            0xFEFF, 0xFFF9...0xFFFB:
            true
        default:
            false
        }
    }

    /// Upper-case hex, at least two digits: `1B`, `09`, `202E`.
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}
