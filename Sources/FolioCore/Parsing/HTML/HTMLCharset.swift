/// The bytes of an HTML page as UTF-8, whatever they were written in: a byte-order mark first, then
/// valid UTF-8 as it is, then the charset the page (or its MIME part) declares, `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`, then `TextDecoder`'s Windows-1252.
enum HTMLCharset {
    /// How far into the page a `<meta charset>` is looked for (the HTML standard's prescan reads 1,024
    /// bytes; saved pages put comments and scripts first).
    static let prescanLength = 4_096

    static func utf8(_ bytes: [UInt8], declared: String?) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if let text = UTF16Text.decode(bytes) { return Array(text.utf8) }
        let label = declared ?? metaCharset(in: bytes)
        // ISO-2022 pages are 7-bit, so valid UTF-8 too: only their label tells.
        let isSevenBitCharset = label.map { $0.lowercased().hasPrefix("iso-2022") || $0.lowercased() == "utf-7" } ?? false
        let validity = bytes.withUnsafeBufferPointer { TextDecoder.scanUTF8($0) }
        if validity.invalidSequences == 0 && !isSevenBitCharset { return bytes }
        return Array(CharsetDecoder.decode(bytes, charset: label).utf8)
    }

    /// The value after the first `charset=` near the top of the page (in a meta tag, as a rule).
    static func metaCharset(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(prescanLength)
        let needle = Array("charset".utf8)
        var index = head.startIndex
        while index + needle.count < head.endIndex {
            defer { index += 1 }
            guard head[index] | 0x20 == needle[0],
                zip(head[index..<(index + needle.count)], needle).allSatisfy({ $0 | 0x20 == $1 })
            else { continue }
            var cursor = index + needle.count
            while cursor < head.endIndex, head[cursor] == 0x20 || head[cursor] == 0x09 { cursor += 1 }
            guard cursor < head.endIndex, head[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < head.endIndex, [0x20, 0x09, 0x22, 0x27].contains(head[cursor]) { cursor += 1 }
            let start = cursor
            while cursor < head.endIndex, cursor - start < 40, isLabelByte(head[cursor]) { cursor += 1 }
            if cursor > start { return String(decoding: head[start..<cursor], as: UTF8.self) }
        }
        return nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"): true
        default: false
        }
    }
}
