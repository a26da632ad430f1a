import FolioCore
import Foundation
import Testing

@testable import folio

/// The command line's last cleaning before it prints: text that needs none comes back unchanged
/// (ids must still match), anything that could drive a terminal goes.
@Suite struct PrintableTextTests {
    static func forbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false
        case 0x00..<0x20, 0x7F...0x9F, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    @Test func cleanTextIsLeftAlone() {
        for text in ["plain.txt", #"a\x01.txt"#, "Cafe\u{301} decomposed", "東京の市場", "caf\u{E9} \u{201C}quoted\u{201D}"] {
            #expect(PrintableText.line(text) == text)
            #expect(PrintableText.text(text) == text)
        }
        #expect(PrintableText.text("two\nlines") == "two\nlines")
    }

    @Test func whatCouldDriveATerminalIsRemoved() {
        let hostile = "Title \u{1B}]0;pwned\u{07}here \u{1B}[31mred\u{1B}[0m \u{9B}2J \u{202E}bidi\u{2028}next\nline\u{85}"
        let line = PrintableText.line(hostile)
        #expect(line.unicodeScalars.filter(Self.forbidden).isEmpty && !line.contains("\n"), "\(line.debugDescription)")
        #expect(!line.contains("pwned") && line.contains("Title") && line.contains("red"))
        let text = PrintableText.text(hostile)
        #expect(text.unicodeScalars.filter(Self.forbidden).isEmpty, "\(text.debugDescription)")
        #expect(text.contains("\n"))
    }

    @Test func everyFieldOfARowIsCleanedInEveryFormat() {
        let article = Article(
            id: "id\u{1B}[2J.txt", title: "\u{1B}]0;pwned\u{07}Title", source: "\u{9B}31msource", author: "\u{202E}author",
            url: "https://example.org/\u{1B}[5m", body: "Body.")
        var row = ArticleRow(article)
        row.snippet = Snippet(text: "snippet \u{1B}[1mbold", hits: [0..<7])
        for format in OutputFormat.allCases {
            let printed = Output(format: format, terminal: TerminalInfo(isTerminal: false, columns: nil, allowsStyle: false))
                .render([row])
            #expect(
                printed.unicodeScalars.filter { $0 != "\t" && Self.forbidden($0) }.isEmpty,
                "\(format): \(printed.debugDescription)")
            #expect(!printed.contains("pwned"))
        }
        #expect(row.printable.snippet == Snippet(text: "snippet bold", hits: []))
        // A snippet that needs nothing keeps its highlights.
        row.snippet = Snippet(text: "snippet bold", hits: [0..<7])
        #expect(row.printable.snippet == row.snippet)
        let shown = ArticleText.render(
            Article(id: "a.txt", title: "T", source: "s", body: "One \u{1B}]0;pwned\u{07}two\n\nthree"), width: 40)
        #expect(shown.unicodeScalars.filter(Self.forbidden).isEmpty && !shown.contains("pwned"))
    }
}
