import Foundation

/// MIME content transfer encodings (RFC 2045 §6): quoted-printable and base64, decoded the way
/// mail readers do, forgiving what real mail gets wrong.
enum TransferEncoding: Equatable {
    case identity
    case quotedPrintable
    case base64

    /// `Content-Transfer-Encoding` values; 7bit, 8bit, binary and anything unknown are taken as they are.
    init(header value: String?) {
        switch value?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "quoted-printable"?: self = .quotedPrintable
        case "base64"?: self = .base64
        default: self = .identity
        }
    }

    func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        switch self {
        case .identity: Array(bytes)
        case .quotedPrintable: Self.decodeQuotedPrintable(bytes)
        case .base64: Self.decodeBase64(bytes)
        }
    }

    /// `=XX` is a byte (either case of hex digits), `=` at the end of a line joins it to the next
    /// (a soft break), and spaces at the end of a line are padding. An `=` that starts neither stays.
    static func decodeQuotedPrintable(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        // Spaces and tabs are held back until something other than a line end follows them.
        var pendingSpaces: [UInt8] = []
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == 0x09 {
                pendingSpaces.append(byte)
                index += 1
                continue
            }
            if byte == 0x0D || byte == 0x0A {
                pendingSpaces.removeAll()
                output.append(byte)
                index += 1
                continue
            }
            output.append(contentsOf: pendingSpaces)
            pendingSpaces.removeAll()
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            // A soft line break: `=`, optional trailing spaces, then CRLF or LF (or the end).
            var after = index + 1
            while after < bytes.endIndex, bytes[after] == UInt8(ascii: " ") || bytes[after] == 0x09 { after += 1 }
            if after == bytes.endIndex {
                index = after
                continue
            }
            if bytes[after] == 0x0A || bytes[after] == 0x0D {
                if bytes[after] == 0x0D, after + 1 < bytes.endIndex, bytes[after + 1] == 0x0A { after += 1 }
                index = after + 1
                continue
            }
            if index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    /// The base64 alphabet's characters, wherever they are: line ends, spaces and stray characters
    /// are skipped, padding is optional, and an `=` ends a group, so concatenated encodings decode too.
    static func decodeBase64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var count = 0
        for byte in bytes {
            if byte == UInt8(ascii: "=") {
                // The end of a group: keep its whole bytes, drop the partial bits.
                flush(&accumulator, &count, into: &output)
                continue
            }
            guard let value = base64Value(byte) else { continue }
            accumulator = accumulator << 6 | UInt32(value)
            count += 1
            if count == 4 {
                output.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                output.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator = 0
                count = 0
            }
        }
        flush(&accumulator, &count, into: &output)
        return output
    }

    /// Two characters make one byte, three make two; one alone is not a byte.
    private static func flush(_ accumulator: inout UInt32, _ count: inout Int, into output: inout [UInt8]) {
        switch count {
        case 2: output.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        case 3:
            output.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            output.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        default: break
        }
        accumulator = 0
        count = 0
    }

    static func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62  // "-" and "_": the URL-safe alphabet
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        default: nil
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
