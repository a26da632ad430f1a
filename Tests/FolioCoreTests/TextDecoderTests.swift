import Testing

@testable import FolioCore

/// Bytes → text without failing: UTF-8 as is, clearly Latin-1/Windows-1252 as that, else U+FFFD.
@Suite struct TextDecoderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String, bytes: [UInt8], text: String, encoding: TextDecoder.Encoding
        init(_ name: String, _ bytes: [UInt8], _ text: String, _ encoding: TextDecoder.Encoding) {
            (self.name, self.bytes, self.text, self.encoding) = (name, bytes, text, encoding)
        }
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case("empty", [], "", .utf8),
        Case("ASCII", Array("plain text".utf8), "plain text", .utf8),
        Case("UTF-8", Array("£ é ’ 東京 😀".utf8), "£ é ’ 東京 😀", .utf8),
        Case("Latin-1 pound", [0xA3, 0x35], "£5", .windows1252),
        Case("Latin-1 letters", [0x63, 0x61, 0x66, 0xE9, 0x20, 0xFC, 0xDF], "café üß", .windows1252),
        Case(
            "1252 quotes and dashes", [0x93, 0x48, 0x69, 0x94, 0x20, 0x92, 0x20, 0x96, 0x20, 0x97, 0x20, 0x85], "“Hi” ’ – — …",
            .windows1252),
        Case("1252 euro and trade mark", [0x80, 0x31, 0x20, 0x99], "€1 ™", .windows1252),
        Case(
            "1252 undefined bytes stay C1", [0x61, 0x81, 0x8D, 0x8F, 0x90, 0x9D], "a\u{81}\u{8D}\u{8F}\u{90}\u{9D}", .windows1252),
        Case("UTF-8 with one bad byte", Array("é".utf8) + [0xFF], "é\u{FFFD}", .utf8WithReplacements),
        Case("truncated sequence", Array("ok é".utf8) + [0xE2, 0x82], "ok é\u{FFFD}", .utf8WithReplacements),
        Case(
            "surrogate encoded in UTF-8", Array("é".utf8) + [0xED, 0xA0, 0x80], "é\u{FFFD}\u{FFFD}\u{FFFD}", .utf8WithReplacements
        ),
        Case("overlong slash", Array("é".utf8) + [0xC0, 0xAF], "é\u{FFFD}\u{FFFD}", .utf8WithReplacements)
    ]

    @Test(arguments: cases)
    func decodes(_ testCase: Case) {
        let (text, encoding) = TextDecoder.decode(testCase.bytes)
        #expect(text == testCase.text)
        #expect(encoding == testCase.encoding)
    }

    @Test func everySingleHighByteDecodesAsWindows1252() {
        for byte in UInt8(0x80)...0xFF {
            let (text, encoding) = TextDecoder.decode([0x41, byte])
            #expect(encoding == .windows1252)
            #expect(text.unicodeScalars.count == 2)
            #expect(text.unicodeScalars.first == "A")
        }
    }
}
