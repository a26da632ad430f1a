import FolioCore
import Testing

struct VisibleControlsTests {
    @Test(
        arguments: [
            ("plain text", "plain text"),
            ("héllo 中文 👍🏽", "héllo 中文 👍🏽"),
            ("\u{1B}]0;pwned\u{07}", #"\u{1B}]0;pwned\u{07}"#),
            ("--\u{1B}[2J", #"--\u{1B}[2J"#),
            ("a\tb\nc\r\0", #"a\u{09}b\u{0A}c\u{0D}\u{00}"#),
            ("\u{7F}\u{9B}31m", #"\u{7F}\u{9B}31m"#),
            ("abc\u{202E}fed\u{2066}\u{200F}\u{FEFF}\u{2028}", #"abc\u{202E}fed\u{2066}\u{200F}\u{FEFF}\u{2028}"#),
            (#"C:\path\u{1B}"#, #"C:\path\u{1B}"#)
        ] as [(String, String)])
    func escapesEveryControl(text: String, expected: String) {
        #expect(VisibleControls.escape(text) == expected)
    }

    @Test func escapedTextHasNoControlLeft() {
        var all = String.UnicodeScalarView()
        for value in 0...0x3000 { if let scalar = Unicode.Scalar(value) { all.append(scalar) } }
        let escaped = VisibleControls.escape(String(all))
        #expect(!escaped.unicodeScalars.contains(where: VisibleControls.needsEscape))
    }
}
