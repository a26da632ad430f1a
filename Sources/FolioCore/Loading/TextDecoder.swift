/// Turns a file's bytes into text without ever failing: valid UTF-8 as it is, a file that is clearly
/// Latin-1/Windows-1252 as that, anything else as UTF-8 with U+FFFD for each invalid sequence.
public enum TextDecoder {
    public enum Encoding: String, Sendable, Codable { case utf8, utf8WithReplacements, windows1252 }

    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, encoding: Encoding) {
        let validity = scanUTF8(bytes)
        if validity.invalidSequences == 0 {
            return (String(decoding: bytes, as: UTF8.self), .utf8)
        }
        // "Clearly Latin-1": not one valid multi-byte UTF-8 sequence, so every high byte stands alone.
        // (A file mixing both is UTF-8 with damage, and replacement characters show where.)
        if validity.validMultiByteSequences == 0 {
            return (decodeWindows1252(bytes), .windows1252)
        }
        return (String(decoding: bytes, as: UTF8.self), .utf8WithReplacements)
    }

    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding) {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    struct Validity {
        var validMultiByteSequences = 0
        var invalidSequences = 0
    }

    static func scanUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Validity {
        var result = Validity()
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimumSecond: UInt8 = 0x80
            var maximumSecond: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                minimumSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                maximumSecond = 0x9F  // no surrogates
            case 0xF0:
                length = 4
                minimumSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                maximumSecond = 0x8F
            default: length = 0
            }
            guard length > 0, index + length <= count,
                bytes[index + 1] >= minimumSecond, bytes[index + 1] <= maximumSecond
            else {
                result.invalidSequences += 1
                index += 1
                continue
            }
            var valid = true
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { valid = false }
            if valid {
                result.validMultiByteSequences += 1
                index += length
            } else {
                result.invalidSequences += 1
                index += 1
            }
        }
        return result
    }

    /// Windows-1252 is Latin-1 with printable characters where Latin-1 has C1 controls; files
    /// labelled Latin-1 are nearly always really 1252 (the WHATWG encoding standard treats them alike).
    static func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte < 0xA0 {
                let value = windows1252High[Int(byte - 0x80)]
                // The five bytes 1252 leaves undefined stay C1 controls, which normalisation removes.
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
    ]
}
