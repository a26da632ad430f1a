/// What must never reach a terminal from article text (Documentation/architecture.md §5): every scalar below 0x20 but
/// "\n", DEL and the C1 range, bidi embeddings/overrides/isolates/marks, and the BOM.
enum TerminalSafety {
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false
        case 0x00..<0x20, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0xFEFF: true
        default: false
        }
    }

    /// The forbidden scalars of `text`, as "U+XXXX" strings (empty when the text is safe).
    static func violations(_ text: String) -> [String] {
        text.unicodeScalars.filter(isForbidden).map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }
}
