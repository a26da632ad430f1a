import Foundation
import Testing

@testable import FolioCore

private let esc = "\u{1B}"
private let bel = "\u{07}"

/// Normalisation: whatever a file holds, article text must not be able to drive a terminal.
@Suite struct TextNormalizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String, input: String, expected: String
        init(_ name: String, _ input: String, _ expected: String) {
            (self.name, self.input, self.expected) = (name, input, expected)
        }
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case("plain ASCII is untouched", "Hello, world.\nSecond line.", "Hello, world.\nSecond line."),
        Case("CRLF", "a\r\nb\r\n", "a\nb\n"),
        Case("lone CR", "a\rb\rc", "a\nb\nc"),
        Case("CR CR LF", "a\r\r\nb", "a\n\nb"),
        Case("tab at line start", "\tx", "    x"),
        Case("tab stops every 4 columns", "ab\tc\td", "ab  c   d"),
        Case("tab column restarts after a newline", "abc\n\tx", "abc\n    x"),
        Case("NUL and other C0 controls", "a\u{0}b\u{1}c\u{8}d\u{0C}e\u{07}f", "abcdef"),
        Case("DEL", "a\u{7F}b", "ab"),
        Case("OSC title with BEL", "Hello \(esc)]0;pwned\(bel)world", "Hello world"),
        Case("OSC with ST", "a\(esc)]8;;http://evil.example\(esc)\\link\(esc)]8;;\(esc)\\b", "alinkb"),
        Case("CSI colour", "\(esc)[31mred\(esc)[0m text", "red text"),
        Case("CSI with private parameters", "a\(esc)[?1049hb\(esc)[2Jc", "abc"),
        Case("unterminated CSI at the end", "text\(esc)[31", "text"),
        Case("unterminated CSI before a line end", "a\(esc)[31\nb", "a\nb"),
        Case("unterminated OSC at the end", "text\(esc)]0;pwned", "text"),
        Case("unterminated OSC stops at the line end", "a\(esc)]0;pwned\nb", "a\nb"),
        Case("DCS string", "a\(esc)Pq#0;2;0;0;0\(esc)\\b", "ab"),
        Case("APC, PM, SOS strings", "a\(esc)_apc\(esc)\\b\(esc)^pm\(esc)\\c\(esc)Xsos\(esc)\\d", "abcd"),
        Case("charset designation", "a\(esc)(Bb", "ab"),
        Case("two-character escapes", "a\(esc)7b\(esc)8c\(esc)cd", "abcd"),
        Case("ESC at a line end keeps the line end", "a\(esc)\nb", "a\nb"),
        Case("ESC at the very end", "a\(esc)", "a"),
        Case("ESC ESC starts the sequence again", "a\(esc)\(esc)[31mb", "ab"),
        Case("an ESC inside OSC starts a new sequence", "a\(esc)]0;pwned\(esc)[31mb", "ab"),
        Case("C1 CSI as UTF-8", "a\u{9B}31mb", "ab"),
        Case("C1 OSC as UTF-8 ended by C1 ST", "a\u{9D}0;pwned\u{9C}b", "ab"),
        Case("C1 OSC as UTF-8 ended by BEL", "a\u{9D}0;pwned\(bel)b", "ab"),
        Case("C1 DCS as UTF-8", "a\u{90}data\u{9C}b", "ab"),
        Case("other C1 controls", "a\u{80}b\u{85}c\u{9A}d", "abcd"),
        Case("C1 APC string", "a\u{9F}apc\u{9C}b", "ab"),
        Case("bidi override (Trojan Source)", "access\u{202E}level\u{202C}", "accesslevel"),
        Case("bidi embeddings", "\u{202A}a\u{202B}b\u{202D}c", "abc"),
        Case("bidi isolates", "\u{2066}a\u{2067}b\u{2068}c\u{2069}", "abc"),
        Case("bidi marks", "a\u{200E}b\u{200F}c\u{061C}d", "abcd"),
        Case("BOM at the start", "\u{FEFF}Title", "Title"),
        Case("ZWNBSP inside text", "wo\u{FEFF}rd", "word"),
        Case("interlinear annotation", "a\u{FFF9}b\u{FFFA}c\u{FFFB}d", "abcd"),
        Case("decomposed é becomes precomposed (NFC)", "cafe\u{301}", "caf\u{E9}"),
        Case("NFC after cleaning", "\tcafe\u{301}", "    caf\u{E9}"),
        Case("non-ASCII kept", "£5 · “quoted” — 東京 · Ελλάδα", "£5 · “quoted” — 東京 · Ελλάδα"),
        Case("emoji kept", "I ❤️ it 👍🏽", "I ❤️ it 👍🏽")
    ]

    @Test(arguments: cases)
    func normalizes(_ testCase: Case) {
        let output = TextNormalizer.normalize(testCase.input)
        #expect(output == testCase.expected)
        #expect(TerminalSafety.violations(output).isEmpty)
    }

    @Test(arguments: cases)
    func isIdempotent(_ testCase: Case) {
        let once = TextNormalizer.normalize(testCase.input)
        #expect(TextNormalizer.normalize(once) == once)
    }

    @Test func normalisedTextIsNFC() {
        let output = TextNormalizer.normalize("Ame\u{301}lie and An\u{303}o and \u{212B}ngstro\u{308}m")
        #expect(output == output.precomposedStringWithCanonicalMapping)
        #expect(output.unicodeScalars.elementsEqual(output.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    /// Every scalar 0...0x10FFFF that is not a surrogate, in one text: nothing forbidden survives.
    @Test func everyScalarIsSafeAfterNormalisation() {
        var scalars = String.UnicodeScalarView()
        for value in UInt32(0)...0x3000 { if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } }
        for value in UInt32(0xFE00)...0xFFFF { if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } }
        let output = TextNormalizer.normalize(String(scalars))
        #expect(TerminalSafety.violations(output).isEmpty)
    }

    /// Random bytes, decoded as the loader decodes them: the result is always safe.
    @Test func randomBytesAreSafeAfterDecodingAndNormalisation() {
        var random = SplitMix64(seed: 0xF0110)
        let alphabet: [UInt8] = [
            0x1B, 0x9B, 0x9D, 0x9C, 0x07, 0x5B, 0x5D, 0x3B, 0x33, 0x31, 0x6D, 0x0D, 0x0A, 0x09,
            0xE2, 0x80, 0xAE, 0xC2, 0xEF, 0xBB, 0xBF, 0x61, 0x20, 0xFF, 0x00
        ]
        for _ in 0..<300 {
            let count = Int.random(in: 0..<200, using: &random)
            let bytes = (0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
            let output = TextNormalizer.normalize(TextDecoder.decode(bytes).text)
            let violations = TerminalSafety.violations(output)
            #expect(violations.isEmpty, "bytes \(bytes) left \(violations)")
        }
    }
}
