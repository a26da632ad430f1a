import FolioConfig
import Foundation
import Testing

/// Diagnostics quote the config's own text: an escape sequence written in a key, a value or a table
/// header (as TOML's `\u001B`) must reach the terminal as visible text, never as ESC or BEL.
struct ControlCharacterDiagnosticsTests {
    static let hostileConfig = #"""
        ["\u001B]0;pwned\u0007"]
        x = 1
        [theme]
        "k\u001B]0;pwned\u0007" = "red"
        [general]
        default_sort = "\u001B]0;pwned\u0007"
        """#

    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    @Test func keysValuesAndHeadersAreShownEscaped() {
        let (_, diagnostics) = ConfigLoader.parse(Self.hostileConfig)
        let lines = diagnostics.map(\.description)
        #expect(lines.count == 3, "\(lines)")
        for line in lines {
            #expect(!Self.hasControlCharacters(line), "raw control character in: \(line.debugDescription)")
            #expect(line.contains(#"\u{1B}]0;pwned\u{07}"#), "\(line)")
        }
        #expect(lines.contains { $0.hasPrefix("config.toml:1: unknown table [") })
        #expect(lines.contains { $0.hasPrefix("config.toml:4: unknown key 'k") })
        #expect(lines.contains { $0.hasPrefix("config.toml:6: unknown sort '") })
    }

    @Test func rawControlBytesAreASyntaxErrorShownEscaped() {
        for text in ["[gen\u{1B}]0;pwned\u{07}eral]\n", "k = \"a\u{1B}]0;pwned\u{07}\"\n", "\u{1B}]0;pwned\u{07} = 1\n"] {
            let (configuration, diagnostics) = ConfigLoader.parse(text)
            #expect(configuration == .defaults)
            #expect(diagnostics.count == 1)
            for diagnostic in diagnostics {
                #expect(!Self.hasControlCharacters(diagnostic.description), "\(diagnostic.description.debugDescription)")
                #expect(diagnostic.description.contains("TOML syntax error"))
            }
        }
    }

    @Test func theFileNameIsShownEscaped() {
        let diagnostic = ConfigDiagnostic(file: "/tmp/c\u{1B}[2J\u{202E}.toml", line: 3, message: "bad\u{9B}31m")
        #expect(diagnostic.description == #"/tmp/c\u{1B}[2J\u{202E}.toml:3: bad\u{9B}31m"#)
        let (_, missing) = ConfigLoader.load(path: "/nonexistent/\u{1B}]0;x\u{07}.toml", mustExist: true)
        #expect(missing.map(\.description) == [#"/nonexistent/\u{1B}]0;x\u{07}.toml: no such file"#])
    }
}
