/// Finds web and mail addresses in article text (architecture.md §10: links in the reading pane).
///
/// Bare `http://`, `https://` and `mailto:` addresses end at a space, a control character or an
/// angle bracket; trailing sentence punctuation is left out, and a closing parenthesis or bracket
/// only belongs to the address when it closes one opened inside it ("(see https://x.org/a_(b))").
/// Every address found is passed through `LinkDetector.checked`, so a link always has an address
/// folio is willing to hand to a browser.
public enum LinkDetector {
    /// Longer addresses are not links (a browser's own limit is near this; nothing legitimate in an
    /// article comes close).
    public static let maximumLength = 2048

    /// A found address: its UTF-8 range in the text searched, and the checked address.
    public struct Match: Sendable, Equatable {
        public var range: Range<Int>
        public var url: String
    }

    /// Every address in `text`, in order.
    public static func links(in text: String) -> [Match] {
        var matches: [Match] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            // An address starts a word: not inside "xhttp://".
            if index == 0 || !isWordByte(bytes[index - 1]), let end = addressEnd(in: bytes, from: index, upTo: bytes.count) {
                let url = String(decoding: bytes[index..<end], as: UTF8.self)
                if let checked = checked(url) { matches.append(Match(range: index..<end, url: checked)) }
                index = end
                continue
            }
            index += 1
        }
        return matches
    }

    /// Where a bare address starting at `start` ends (at most `limit`), or nil when none starts there.
    static func addressEnd(in bytes: [UInt8], from start: Int, upTo limit: Int) -> Int? {
        guard let schemeLength = schemeLength(in: bytes, at: start, upTo: limit) else { return nil }
        var end = start + schemeLength
        while end < limit, isAddressByte(bytes[end]) { end += 1 }
        // Trailing punctuation belongs to the sentence; an unbalanced closer to the text around it.
        while end > start + schemeLength {
            let last = bytes[end - 1]
            if ".,;:!?'\"*_".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") || last == UInt8(ascii: "]") {
                let opener = last == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
                let slice = bytes[start..<end]
                if slice.filter({ $0 == last }).count > slice.filter({ $0 == opener }).count { end -= 1 } else { break }
            } else {
                break
            }
        }
        // "https://" alone, or "mailto:" with nothing after it, is not an address.
        return end > start + schemeLength ? end : nil
    }

    /// The length of an allowed scheme and its separator at `start` ("https://" is 8), any case.
    static func schemeLength(in bytes: [UInt8], at start: Int, upTo limit: Int) -> Int? {
        for scheme in ["https://", "http://", "mailto:"] {
            let count = scheme.utf8.count
            guard start + count <= limit else { continue }
            if zip(bytes[start..<start + count], scheme.utf8).allSatisfy({ lowercased($0) == $1 }) { return count }
        }
        return nil
    }

    /// `url` when folio may show it as a link and hand it to a browser: http, https or mailto, no
    /// spaces or control characters (which could end an escape sequence or an argument early), at
    /// most `maximumLength` bytes, something after the scheme. Otherwise nil (`javascript:`, `file:`…).
    public static func checked(_ url: String) -> String? {
        let bytes = Array(url.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumLength, let schemeLength = schemeLength(in: bytes, at: 0, upTo: bytes.count),
            bytes.count > schemeLength
        else { return nil }
        for scalar in url.unicodeScalars {
            let value = scalar.value
            if value <= 0x20 || value == 0x7F || (value >= 0x80 && value < 0xA0) { return nil }
            // Line and paragraph separators, bidirectional controls and other format characters
            // could disguise where the address goes.
            if scalar.properties.generalCategory == .format || value == 0x2028 || value == 0x2029 { return nil }
            if scalar.properties.generalCategory == .spaceSeparator { return nil }
        }
        return url
    }

    /// Bytes an address may contain: printable ASCII but space, quotes, angle brackets, backslash,
    /// backtick and braces; and any byte of a non-ASCII character (checked whole by `checked`).
    static func isAddressByte(_ byte: UInt8) -> Bool {
        if byte >= 0x80 { return true }
        guard byte > 0x20, byte < 0x7F else { return false }
        return !"<>\"`\\{}|^".utf8.contains(byte)
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
