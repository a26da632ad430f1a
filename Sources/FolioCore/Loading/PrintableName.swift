/// A file or folder name as it may be shown. Ids, sources and the corpus name reach the terminal
/// (list, stats, the reader) like article text, so nothing in a name may drive it: control
/// characters (newline and tab too, which would also break TSV lines), bidi controls and BOMs are
/// written as escapes, as are bytes that are not UTF-8. The escapes are reversible, so two names
/// never share an id: `\x1b` for an ASCII control or a byte that is not UTF-8, `\u{202e}` for any
/// other such character, and `\\` for a backslash. Files are still opened by their bytes on disk.
enum PrintableName {
    static func of<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != backslash }) { return String(decoding: bytes, as: UTF8.self) }
        let bytes = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var position = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                position += encoded.count
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar.value == UInt32(backslash) {
                    scalars.append(contentsOf: #"\\"#.unicodeScalars)
                } else if scalar.value < 0x80 && isUnsafe(scalar) {
                    appendEscape("x", scalar.value, minimumDigits: 2, to: &scalars)
                } else if isUnsafe(scalar) {
                    appendEscape("u", scalar.value, minimumDigits: 1, to: &scalars)
                } else {
                    scalars.append(scalar)
                }
            case .error(let length):
                for byte in bytes[position..<(position + length)] {
                    appendEscape("x", UInt32(byte), minimumDigits: 2, to: &scalars)
                }
                position += length
            case .emptyInput:
                return String(scalars)
            }
        }
    }

    private static let backslash = UInt8(ascii: "\\")

    /// What must never reach a terminal from a name (the set `TextNormalizer` drops from article text).
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { VisibleControls.needsEscape(scalar) }

    /// `\x1b` or `\u{202e}`.
    private static func appendEscape(
        _ kind: Character, _ value: UInt32, minimumDigits: Int, to scalars: inout String.UnicodeScalarView
    ) {
        let digits = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, minimumDigits - digits.count)) + digits
        let text = kind == "x" ? "\\x" + padded : "\\u{" + padded + "}"
        scalars.append(contentsOf: text.unicodeScalars)
    }
}
