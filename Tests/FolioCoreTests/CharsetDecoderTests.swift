import Testing

@testable import FolioCore

/// Text in the charsets mail and old pages are written in, through iconv or `TextDecoder`.
@Suite struct CharsetDecoderTests {
    /// (label, bytes, text): bytes made by Python's codecs for the text.
    static let samples: [(String, [UInt8], String)] = [
        ("ISO-8859-1", [0x63, 0x61, 0x66, 0xE9], "café"),
        ("iso-8859-2", [0x50, 0xB3, 0xF3, 0x64, 0xBC], "Płódź"),
        ("ISO-8859-5", [0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2], "Привет"),
        ("iso-8859-7", [0xE1, 0xE2, 0xE3], "αβγ"),
        ("ISO-8859-15", [0xA4, 0x35], "€5"),
        ("windows-1251", [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], "Привет"),
        ("cp1252", [0x93, 0x61, 0x94, 0x80], "“a”€"),
        ("windows-1250", [0x8A, 0x9A], "Šš"),
        ("KOI8-R", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
        ("koi8-u", [0xA4, 0xA6], "єі"),
        ("Shift_JIS", [0x93, 0xFA, 0x96, 0x7B], "日本"),
        ("EUC-JP", [0xC6, 0xFC, 0xCB, 0xDC], "日本"),
        ("ISO-2022-JP", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42], "日本"),
        ("GB2312", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
        ("gbk", [0x81, 0x40], "丂"),
        ("GB18030", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
        ("Big5", [0xA4, 0xA4, 0xA4, 0xE5], "中文"),
        ("EUC-KR", [0xC7, 0xD1, 0xB1, 0xDB], "한글"),
        ("us-ascii", Array("plain".utf8), "plain"),
        ("\"UTF-8\"", Array("é".utf8), "é")
    ]

    @Test(arguments: samples.indices)
    func decodesEachCharset(index: Int) {
        let (label, bytes, text) = Self.samples[index]
        #expect(CharsetDecoder.decode(bytes, charset: label) == text, "\(label)")
    }

    @Test func unknownOrMissingLabelsUseTheFileDecoder() {
        #expect(CharsetDecoder.decode([0x63, 0x61, 0x66, 0xE9], charset: "x-nothing") == "café")
        #expect(CharsetDecoder.decode(Array("café".utf8), charset: nil) == "café")
        #expect(CharsetDecoder.decode([0x41], charset: "bad name with spaces") == "A")
    }

    @Test func utf8UnderASingleByteLabelIsUTF8() {
        #expect(CharsetDecoder.decode(Array("Привет".utf8), charset: "windows-1251") == "Привет")
        #expect(CharsetDecoder.decode(Array("naïve".utf8), charset: "iso-8859-2") == "naïve")
    }

    @Test func invalidSequencesBecomeReplacementCharacters() {
        // One bad byte among good Shift_JIS: the rest still reads.
        let text = CharsetDecoder.decode(
            [0x93, 0xFA, 0x96, 0x7B] + Array(repeating: 0x41, count: 200) + [0x81], charset: "Shift_JIS")
        #expect(text.hasPrefix("日本AAA"))
        #expect(text.hasSuffix("\u{FFFD}"))
        // Mostly invalid: not Shift_JIS at all, read as the file decoder reads it.
        #expect(!CharsetDecoder.decode([0x81, 0x81, 0x20, 0x81], charset: "Shift_JIS").isEmpty)
    }
}
