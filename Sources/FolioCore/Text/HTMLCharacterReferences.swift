import Foundation

/// Decodes well-formed HTML character references in article text: `&name;` from `HTMLEntityTable`,
/// `&#N;` and `&#xH;`. Scraped and exported articles carry them (`&#163;1.8m`, `Caf&eacute;`).
///
/// A reference is decoded only when it ends with `;` and names a character that `TextNormalizer`
/// would keep: one to a control character, a bidi control, a BOM, a surrogate, a noncharacter or
/// beyond U+10FFFF stays as written, so a reference can never bring back what normalisation removes.
/// One pass: `&amp;#27;` becomes the text `&#27;`, not ESC.
public enum HTMLCharacterReferences {
    /// The decoded text, or nil when the text has no reference to decode (the usual case, found by
    /// one scan for `&`).
    public static func decoded(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            // memchr: this scan runs over every body at load (a 2.5 GiB file is 1,000,000 of them).
            guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil else { return nil }
            return decoded(bytes: bytes)
        }
    }

    static func decoded(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var output: [UInt8] = []
        var copiedUpTo = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&"), let (scalar, length) = reference(at: index, in: bytes) else {
                index += 1
                continue
            }
            if output.isEmpty { output.reserveCapacity(bytes.count) }
            output.append(contentsOf: bytes[copiedUpTo..<index])
            UTF8.encode(scalar) { output.append($0) }
            index += length
            copiedUpTo = index
        }
        guard copiedUpTo > 0 else { return nil }
        output.append(contentsOf: bytes[copiedUpTo...])
        return String(decoding: output, as: UTF8.self)
    }

    /// The character a reference at `start` (an `&`) names and the reference's length in bytes.
    private static func reference(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        let value: UInt32
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            let digitsStart = index
            var number: UInt32 = 0
            // Seven decimal or six hex digits reach past U+10FFFF without overflowing.
            while index < bytes.count, index - digitsStart < (hex ? 6 : 7), let digit = digitValue(bytes[index], hex: hex) {
                number = number * (hex ? 16 : 10) + digit
                index += 1
            }
            guard index > digitsStart, index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
            if (0x80...0x9F).contains(number) {
                guard let mapped = HTMLEntityTable.windows1252[Int(number - 0x80)] else { return nil }
                value = mapped
            } else {
                value = number
            }
        } else {
            let nameStart = index
            while index < bytes.count, index - nameStart < HTMLEntityTable.longestName, isAlphanumeric(bytes[index]) {
                index += 1
            }
            guard index > nameStart, index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
            guard let named = HTMLEntityTable.codePoints[name] else { return nil }
            value = named
        }
        guard let scalar = Unicode.Scalar(value), isSafe(scalar) else { return nil }
        return (scalar, index + 1 - start)
    }

    /// What `TextNormalizer` would keep, less NUL and the noncharacters U+FFFE and U+FFFF.
    static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        !VisibleControls.needsEscape(scalar) && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
