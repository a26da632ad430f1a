import Foundation

/// Decodes bytes labelled with a charset name (a MIME `charset=` parameter, an HTML `<meta charset>`)
/// into text, never failing (Documentation/architecture.md §5).
///
/// UTF-8, US-ASCII and Latin-1 labels go to `TextDecoder` (valid UTF-8 as is, else Windows-1252, as
/// browsers read Latin-1). Every other label goes through glibc's iconv, which knows the ISO-8859
/// family, the Windows code pages, KOI8, the Japanese, Chinese and Korean encodings and their usual
/// aliases; Foundation's `String(bytes:encoding:)` on Linux knows fewer of them. A label iconv does
/// not know, or bytes that plainly are not in the labelled charset, fall back to `TextDecoder`.
public enum CharsetDecoder {
    /// Text from `bytes` in the charset `label` names (case and quotes do not matter).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, charset label: String?) -> String {
        guard let name = label.flatMap(canonicalName), !bytes.isEmpty else { return TextDecoder.decode(bytes).text }
        if passesToTextDecoder.contains(name) { return TextDecoder.decode(bytes).text }
        let validity = TextDecoder.scanUTF8(bytes)
        let looksUTF8 = validity.invalidSequences == 0 && validity.validMultiByteSequences > 0
        // A single-byte charset never fails to convert, so valid multi-byte UTF-8 under such a label
        // is a mislabelled UTF-8 text (the common mistake), not accented Latin text.
        if looksUTF8 && !multiByteCharsets.contains(name) { return TextDecoder.decode(bytes).text }
        guard let converted = convert(bytes, from: iconvName(name)) else { return TextDecoder.decode(bytes).text }
        if converted.invalid == 0 { return converted.text }
        if looksUTF8 || converted.invalid * 100 > bytes.count { return TextDecoder.decode(bytes).text }
        return converted.text
    }

    public static func decode(_ bytes: [UInt8], charset label: String?) -> String {
        bytes.withUnsafeBufferPointer { decode($0, charset: label) }
    }

    /// Labels `TextDecoder` reads as well as iconv would, faster and with its Windows-1252 fallback.
    static let passesToTextDecoder: Set<String> = [
        "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "iso8859-1", "latin1", "l1", "windows-1252", "cp1252",
        "x-user-defined", "unknown-8bit", "x-unknown", "unknown", "default", "8bit", "binary", "ansi_x3.4-1968"
    ]

    /// Charsets with sequences of several bytes per character (and UTF-8 bytes in them do fail).
    static let multiByteCharsets: Set<String> = [
        "shift_jis", "euc-jp", "iso-2022-jp", "gb18030", "big5-hkscs", "cp949", "euc-kr", "utf-16", "utf-16le",
        "utf-16be", "utf-32", "iso-2022-kr", "iso-2022-cn", "euc-tw", "utf-7"
    ]

    /// A label in lower case without quotes and spaces, with the common aliases folded to one name;
    /// nil when it cannot be a charset name (too long, odd characters).
    static func canonicalName(_ label: String) -> String? {
        let trimmed = label.trimmingCharacters(in: CharacterSet(charactersIn: " \"'\t")).lowercased()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 40,
            trimmed.utf8.allSatisfy({ isNameByte($0) })
        else { return nil }
        switch trimmed {
        case "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "cp932", "ms932": return "shift_jis"
        case "x-euc-jp", "eucjp", "cseucpkdfmtjapanese": return "euc-jp"
        case "csiso2022jp", "iso-2022-jp-2", "iso-2022-jp-1": return "iso-2022-jp"
        // Messages labelled GB2312 or GBK routinely use GBK characters; GB18030 reads all three.
        case "gb2312", "gbk", "cp936", "x-gbk", "csgb2312", "euc-cn", "gb_2312-80", "chinese": return "gb18030"
        case "big5", "big-5", "x-x-big5", "csbig5", "cn-big5": return "big5-hkscs"
        // Likewise EUC-KR mail is often Windows-949 (the WHATWG encoding standard reads it so).
        case "euc-kr", "ks_c_5601-1987", "ks_c_5601", "korean", "windows-949", "csksc56011987", "ksc5601": return "cp949"
        case "koi8r", "cskoi8r": return "koi8-r"
        case "koi8u": return "koi8-u"
        case "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        default:
            // "cp1251" and "x-cp1251" are "windows-1251"; "latin2" and "iso8859-2" iconv knows itself.
            for prefix in ["x-cp", "cp", "win-", "win"] where trimmed.hasPrefix(prefix) {
                let number = trimmed.dropFirst(prefix.count)
                if number.count == 4, number.hasPrefix("125"), number.allSatisfy(\.isASCII) { return "windows-" + number }
            }
            return trimmed
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"): true
        default: false
        }
    }

    /// The name glibc's iconv uses for a canonical label.
    static func iconvName(_ name: String) -> String {
        switch name {
        case "shift_jis": "CP932"  // Windows' Shift_JIS: what mail labelled Shift_JIS is written in
        case "big5-hkscs": "BIG5-HKSCS"
        case "cp949": "CP949"
        default: name.uppercased()
        }
    }

    /// The bytes converted to UTF-8 by iconv, each invalid or truncated sequence as U+FFFD; nil when
    /// iconv does not know the charset.
    static func convert(_ bytes: UnsafeBufferPointer<UInt8>, from charset: String) -> (text: String, invalid: Int)? {
        let descriptor = iconv_open("UTF-8", charset)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2 + 16)
        var invalid = 0
        var chunk = [UInt8](repeating: 0, count: 16_384)
        var offset = 0
        while true {
            let remaining = bytes.count - offset
            var inLeft = remaining
            var outLeft = chunk.count
            var reachedEnd = false
            let status: Int = chunk.withUnsafeMutableBufferPointer { out in
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                if remaining == 0 {
                    // Flush the shift state of a stateful charset (ISO-2022-JP) at the end.
                    reachedEnd = true
                    return iconv(descriptor, nil, nil, &outPointer, &outLeft)
                }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
                    mutating: bytes.baseAddress! + offset
                ).assumingMemoryBound(to: CChar.self)
                return iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
            }
            let failure = status == -1 ? errno : 0
            output.append(contentsOf: chunk[0..<(chunk.count - outLeft)])
            offset += remaining - inLeft
            if reachedEnd { break }
            switch failure {
            case 0 where inLeft == 0: continue  // all read: one more turn flushes the state
            case E2BIG: continue
            case EILSEQ, EINVAL:
                // An invalid sequence, or one cut off by the end: one replacement character, one byte on.
                invalid += 1
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                offset += 1
                if offset >= bytes.count { return (String(decoding: output, as: UTF8.self), invalid) }
            default:
                return (String(decoding: output, as: UTF8.self), invalid + 1)
            }
        }
        return (String(decoding: output, as: UTF8.self), invalid)
    }
}
