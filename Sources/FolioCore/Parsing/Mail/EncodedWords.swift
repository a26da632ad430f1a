/// RFC 2047 encoded words in mail headers: `=?utf-8?B?SMOpbGxv?=` and `=?iso-8859-1?Q?Caf=E9?=`.
///
/// Both encodings, any charset `CharsetDecoder` reads (an RFC 2231 language suffix, `utf-8*en`, is
/// dropped), and the white space between two adjacent encoded words removed, as the RFC says. A
/// malformed word stays as written. The result is not yet normalised: callers pass it, with the rest
/// of the header, through `TextNormalizer` (an encoded word can hold any byte, ESC included).
enum EncodedWords {
    /// Longer "words" are not encoded words (RFC 2047 allows 75 characters; mailers exceed it).
    static let maximumWordLength = 1_000

    static func decode(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        let bytes = Array(value.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var copiedUpTo = 0
        // Where the text after the last decoded word starts, to drop white space between two words.
        var afterLastWord: Int? = nil
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?"),
                let word = encodedWord(at: index, in: bytes)
            else {
                index += 1
                continue
            }
            let between = bytes[copiedUpTo..<index]
            let onlySpace = between.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            if !(afterLastWord == copiedUpTo && onlySpace) { output.append(contentsOf: between) }
            output.append(contentsOf: word.text.utf8)
            index = word.end
            copiedUpTo = index
            afterLastWord = index
        }
        guard copiedUpTo > 0 else { return value }
        output.append(contentsOf: bytes[copiedUpTo...])
        return String(decoding: output, as: UTF8.self)
    }

    /// The decoded text of the encoded word starting at `start` and the index just after its `?=`.
    private static func encodedWord(at start: Int, in bytes: [UInt8]) -> (text: String, end: Int)? {
        let limit = min(bytes.count, start + maximumWordLength)
        var index = start + 2
        let charsetStart = index
        while index < limit, bytes[index] != UInt8(ascii: "?") {
            if bytes[index] <= 0x20 { return nil }
            index += 1
        }
        guard index + 2 < limit, index > charsetStart, bytes[index + 2] == UInt8(ascii: "?") else { return nil }
        var charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        let encoding = bytes[index + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = index + 3
        index = textStart
        // The text ends at the first "?=". Spaces are not allowed in it; mailers that put them there
        // anyway are forgiven, but not across a line end.
        while index + 1 < limit, !(bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: "=")) {
            if bytes[index] == 0x0A || bytes[index] == 0x0D { return nil }
            index += 1
        }
        guard index + 1 < limit else { return nil }
        let encoded = bytes[textStart..<index]
        let decoded: [UInt8]
        if encoding == UInt8(ascii: "b") {
            decoded = TransferEncoding.decodeBase64(encoded)
        } else {
            // Q: "_" is a space, otherwise quoted-printable.
            decoded = TransferEncoding.decodeQuotedPrintable(
                ArraySlice(encoded.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }))
        }
        return (CharsetDecoder.decode(decoded, charset: charset), index + 2)
    }
}
