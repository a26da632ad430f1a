/// Reads one line of a JSON Lines file into `RecordFields`, over its UTF-8 bytes.
///
/// Written for the loader rather than taken from JSONSerialization: a line's object is read in one
/// pass, only the fields an article uses are decoded (nested values are stepped over), and no
/// dictionary of Foundation objects is built per line (performance.md, "Files of many articles").
/// `\uXXXX` escapes are decoded, surrogate pairs included; the decoded text is normalised
/// afterwards, so `\u001b` is removed like a raw escape (architecture.md §5).
struct JSONRecordReader {
    enum Outcome {
        case record(RecordFields)
        case notJSON
        case notAnObject
    }

    let names: FieldNames
    /// Nesting deeper than this is not a record anyone means: the line is refused, not recursed into.
    static let maximumDepth = 64
    private var scratch: [UInt8] = []
    /// The keys met so far with their roles: the lines of a file share a few keys, and looking one
    /// up (lower-casing, hashing) cost more than reading its value.
    private var knownKeys: [(key: String, role: (role: FieldNames.Role, rank: Int)?)] = []
    static let knownKeyLimit = 32

    init(names: FieldNames) { self.names = names }

    /// The role of the field called `key` (as written), through `knownKeys`.
    private mutating func role(of key: String) -> (role: FieldNames.Role, rank: Int)? {
        if let known = knownKeys.first(where: { $0.key == key }) { return known.role }
        let role = names.role(ofLowercased: key.lowercased())
        if knownKeys.count < Self.knownKeyLimit { knownKeys.append((key, role)) }
        return role
    }

    mutating func read(_ line: UnsafeBufferPointer<UInt8>) -> Outcome {
        var cursor = Cursor(bytes: line)
        cursor.skipSpace()
        guard cursor.peek == UInt8(ascii: "{") else {
            guard cursor.skipValue(depth: 0), cursor.atEndAfterSpace else { return .notJSON }
            return .notAnObject
        }
        cursor.index += 1
        var fields = RecordFields()
        cursor.skipSpace()
        if cursor.peek == UInt8(ascii: "}") {
            cursor.index += 1
            return cursor.atEndAfterSpace ? .record(fields) : .notJSON
        }
        while true {
            cursor.skipSpace()
            guard cursor.peek == UInt8(ascii: "\""), let key = cursor.string(into: &scratch) else { return .notJSON }
            cursor.skipSpace()
            guard cursor.peek == UInt8(ascii: ":") else { return .notJSON }
            cursor.index += 1
            cursor.skipSpace()
            if let (role, rank) = role(of: key) {
                guard readValue(&cursor, role: role, rank: rank, into: &fields) else { return .notJSON }
            } else {
                guard cursor.skipValue(depth: 1) else { return .notJSON }
            }
            cursor.skipSpace()
            guard let separator = cursor.peek else { return .notJSON }
            cursor.index += 1
            if separator == UInt8(ascii: "}") { break }
            guard separator == UInt8(ascii: ",") else { return .notJSON }
        }
        return cursor.atEndAfterSpace ? .record(fields) : .notJSON
    }

    /// A field's value: a string, a number (a date may be seconds since 1970), or an array whose
    /// strings are joined (`"authors": ["A", "B"]`); anything else is stepped over.
    private mutating func readValue(
        _ cursor: inout Cursor, role: FieldNames.Role, rank: Int, into fields: inout RecordFields
    ) -> Bool {
        switch cursor.peek {
        case UInt8(ascii: "\""):
            guard let text = cursor.string(into: &scratch, invalidUTF8: &fields.hadInvalidUTF8) else { return false }
            fields.offer(text, role: role, rank: rank)
        case UInt8(ascii: "["):
            cursor.index += 1
            var parts: [String] = []
            cursor.skipSpace()
            if cursor.peek == UInt8(ascii: "]") {
                cursor.index += 1
                return true
            }
            while true {
                cursor.skipSpace()
                if cursor.peek == UInt8(ascii: "\"") {
                    guard let text = cursor.string(into: &scratch, invalidUTF8: &fields.hadInvalidUTF8) else { return false }
                    parts.append(text)
                } else if !cursor.skipValue(depth: 2) {
                    return false
                }
                cursor.skipSpace()
                guard let separator = cursor.peek else { return false }
                cursor.index += 1
                if separator == UInt8(ascii: "]") { break }
                guard separator == UInt8(ascii: ",") else { return false }
            }
            fields.offer(parts.joined(separator: role == .body ? "\n\n" : ", "), role: role, rank: rank)
        default:
            let start = cursor.index
            guard cursor.skipValue(depth: 1) else { return false }
            let token = UnsafeBufferPointer(rebasing: cursor.bytes[start..<cursor.index])
            if role == .date, let date = RecordFields.epochDate(token) {
                fields.numericDate = fields.numericDate ?? date
            } else if let first = token.first, first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) {
                fields.offer(String(decoding: token, as: UTF8.self), role: role, rank: rank)
            }
        }
        return true
    }
}

extension JSONRecordReader {
    /// A position in a line's bytes.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while index < bytes.count,
                bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] == 0x0A
            {
                index += 1
            }
        }

        var atEndAfterSpace: Bool {
            mutating get {
                skipSpace()
                return index == bytes.count
            }
        }

        mutating func string(into scratch: inout [UInt8]) -> String? {
            var ignored = false
            return string(into: &scratch, invalidUTF8: &ignored)
        }

        /// The string starting at the opening quote, decoded; nil when it is not a JSON string.
        /// Control characters written raw are kept (and removed by normalisation), not refused.
        mutating func string(into scratch: inout [UInt8], invalidUTF8: inout Bool) -> String? {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "\"") {
                defer { index += 1 }
                return Self.text(UnsafeBufferPointer(rebasing: bytes[start..<index]), invalidUTF8: &invalidUTF8)
            }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return scratch.withUnsafeBufferPointer { Self.text($0, invalidUTF8: &invalidUTF8) }
                }
                guard byte == UInt8(ascii: "\\") else {
                    // A run up to the next quote or backslash is copied at once, not byte by byte.
                    let run = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
                        index += 1
                    }
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    continue
                }
                guard index + 1 < bytes.count else { return nil }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escaped)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    scratch.append(contentsOf: String(scalar).utf8)
                default: return nil
                }
            }
            return nil
        }

        /// The scalar of `\uXXXX` (index just after the `u`), a surrogate pair read as one; a lone
        /// surrogate becomes U+FFFD. nil when the four hex digits are not there.
        private mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let high = hex4() else { return nil }
            if (0xD800...0xDBFF).contains(high), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            {
                let saved = index
                index += 2
                if let low = hex4(), (0xDC00...0xDFFF).contains(low) {
                    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                }
                index = saved
            }
            return Unicode.Scalar(high) ?? "\u{FFFD}"
        }

        private mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                let byte = bytes[index + offset]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            index += 4
            return value
        }

        private static func text(_ bytes: UnsafeBufferPointer<UInt8>, invalidUTF8: inout Bool) -> String {
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            invalidUTF8 = true
            return TextDecoder.decode(bytes).text
        }

        /// Steps over one value of any kind; false when it is not JSON.
        mutating func skipValue(depth: Int) -> Bool {
            guard depth <= JSONRecordReader.maximumDepth, let first = peek else { return false }
            switch first {
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if bytes[index] == UInt8(ascii: "\"") {
                        index += 1
                        return true
                    }
                    index += 1
                }
                return false
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = first == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                index += 1
                skipSpace()
                if peek == close {
                    index += 1
                    return true
                }
                while true {
                    skipSpace()
                    if first == UInt8(ascii: "{") {
                        guard peek == UInt8(ascii: "\""), skipValue(depth: depth + 1) else { return false }
                        skipSpace()
                        guard peek == UInt8(ascii: ":") else { return false }
                        index += 1
                        skipSpace()
                    }
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                    guard let separator = peek else { return false }
                    index += 1
                    if separator == close { return true }
                    guard separator == UInt8(ascii: ",") else { return false }
                }
            default:
                let start = index
                while index < bytes.count, Self.isTokenByte(bytes[index]) { index += 1 }
                guard index > start else { return false }
                let token = bytes[start..<index]
                if token.elementsEqual("true".utf8) || token.elementsEqual("false".utf8) || token.elementsEqual("null".utf8) {
                    return true
                }
                return token.allSatisfy {
                    ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2B || $0 == 0x2E || $0 == 0x65 || $0 == 0x45
                }
                    && (token.first! == 0x2D || (token.first! >= 0x30 && token.first! <= 0x39))
            }
        }

        private static func isTokenByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x2D
                || byte == 0x2B || byte == 0x2E
        }
    }
}
