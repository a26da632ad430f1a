import Foundation

/// The `; name=value` parameters of a `Content-Type` or `Content-Disposition` header, with quoted
/// values, RFC 2231 extended values (`filename*=utf-8''na%C3%AFve.pdf`) and continuations
/// (`filename*0=`, `filename*1=`), and RFC 2047 encoded words in quoted names (common, if not standard).
struct MIMEParameters {
    /// Raw values by lower-case name (`filename*0*`, `charset`), quotes removed.
    private var raw: [String: String] = [:]

    init<Text: StringProtocol>(_ text: Text) {
        var index = text.startIndex
        while index < text.endIndex {
            // Skip to the next parameter's name.
            while index < text.endIndex, text[index] == ";" || text[index].isWhitespace { index = text.index(after: index) }
            let nameStart = index
            while index < text.endIndex, text[index] != "=", text[index] != ";" { index = text.index(after: index) }
            let name = text[nameStart..<index].trimmingCharacters(in: .whitespaces).lowercased()
            guard index < text.endIndex, text[index] == "=" else { continue }
            index = text.index(after: index)
            while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
            var value = ""
            if index < text.endIndex, text[index] == "\"" {
                index = text.index(after: index)
                while index < text.endIndex, text[index] != "\"" {
                    if text[index] == "\\", text.index(after: index) < text.endIndex { index = text.index(after: index) }
                    value.append(text[index])
                    index = text.index(after: index)
                }
                if index < text.endIndex { index = text.index(after: index) }
            } else {
                let valueStart = index
                while index < text.endIndex, text[index] != ";" { index = text.index(after: index) }
                value = text[valueStart..<index].trimmingCharacters(in: .whitespaces)
            }
            if !name.isEmpty && raw[name] == nil { raw[name] = value }
        }
    }

    /// The value of a parameter, decoded: `name*`, then `name*0`… continuations, then plain `name`.
    subscript(name: String) -> String? {
        if let extended = raw[name + "*"] { return Self.decodeExtended(extended) }
        if raw[name + "*0"] != nil || raw[name + "*0*"] != nil {
            var joined = ""
            var charset: String? = nil
            for section in 0..<100 {
                if let encoded = raw["\(name)*\(section)*"] {
                    var piece = encoded
                    if section == 0, let (label, rest) = Self.splitCharset(encoded) {
                        charset = label
                        piece = rest
                    }
                    joined += Self.percentDecoded(piece, charset: charset)
                } else if let plain = raw["\(name)*\(section)"] {
                    joined += plain
                } else {
                    break
                }
            }
            return joined
        }
        return raw[name].map(EncodedWords.decode)
    }

    /// `charset'language'percent-encoded`.
    private static func decodeExtended(_ value: String) -> String {
        guard let (charset, rest) = splitCharset(value) else { return percentDecoded(value, charset: nil) }
        return percentDecoded(rest, charset: charset)
    }

    private static func splitCharset(_ value: String) -> (String, String)? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        return (String(pieces[0]), String(pieces[2]))
    }

    private static func percentDecoded(_ value: String, charset: String?) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(value.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = TransferEncoding.hexValue(utf8[index + 1]), let low = TransferEncoding.hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return CharsetDecoder.decode(bytes, charset: charset?.isEmpty == false ? charset : "utf-8")
    }
}
