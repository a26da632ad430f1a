import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// Markdown rendering, links, mail quotes and signatures in `ReaderDocument` (architecture.md §10).
@Suite("ReaderRendering")
struct ReaderRenderingTests {
    static func document(
        _ id: String, width: Int = 60, hits: ArticleHits = .none, options: ReaderDocument.Options = .init()
    ) -> ReaderDocument {
        ReaderDocument(article: Fixtures.reading.article(withID: id)!, width: width, hits: hits, options: options)
    }

    /// A document of one Markdown article with `body`.
    static func markdown(_ body: String, width: Int = 60) -> ReaderDocument {
        ReaderDocument(article: Article(id: "a.md", title: "T", source: "s", body: body), width: width, hits: .none)
    }

    /// How many lines the header block takes (it ends with the first blank line).
    static func headerCount(_ document: ReaderDocument) -> Int {
        (document.lines.firstIndex { $0.kind == .blank } ?? -1) + 1
    }

    static func body(_ document: ReaderDocument) -> [String] { document.lines.dropFirst(headerCount(document)).map(\.text) }

    /// The body's line `index` (0: the first line under the header block).
    static func bodyLine(_ document: ReaderDocument, _ index: Int) -> ReaderDocument.Line {
        document.lines[headerCount(document) + index]
    }

    static func roles(_ line: ReaderDocument.Line) -> [TextRole] { line.spans.map(\.role) }

    static func hits(_ query: String, in id: String) -> ArticleHits {
        let store = Fixtures.reading
        return store.hits(of: store.number(ofID: id)!, in: store.search(query, mode: .complete))
    }

    @Test func headingsKeepTheirLevelAndLoseTheirMarkup() {
        let document = Self.markdown("## Second level ##\n\nText\n\nSetext\n===")
        #expect(Self.body(document) == ["## Second level", "", "Text", "", "# Setext"])
        #expect(Self.roles(Self.bodyLine(document, 0)) == [.marker, .heading(2)])
        #expect(Self.roles(Self.bodyLine(document, 4)) == [.marker, .heading(1)])
    }

    @Test func inlinesAreStyledAndTheirMarkersDropped() {
        let document = Self.markdown("Some *em*, **strong**, ***both***, `code`, a\\*b, snake_case_name and 2 * 3.")
        #expect(Self.body(document) == ["Some em, strong, both, code, a*b, snake_case_name and 2 * 3."])
        let line = Self.bodyLine(document, 0)
        let styled = line.spans.map { (line.text.utf8Slice($0.range), $0.role) }
        #expect(styled.map(\.0) == ["em", "strong", "both", "both", "code"])
        #expect(styled.map(\.1) == [.emphasis, .strong, .emphasis, .strong, .code])
    }

    @Test func listsHangTheirIndent() {
        let document = Self.markdown("- first item that is long enough to wrap\n  - nested\n3. third", width: 24)
        #expect(
            Self.body(document) == ["• first item that is", "  long enough to wrap", "  • nested", "3. third"])
    }

    @Test func quotesGetABarAndTheirDepth() {
        let document = Self.markdown("> outer\n>\n> > inner")
        #expect(Self.body(document) == ["│ outer", "│ ", "│ │ inner"])
        #expect(Self.roles(Self.bodyLine(document, 2)) == [.marker, .marker, .quote(2)])
    }

    @Test func codeIsNeverWrappedButCutWithAnArrow() {
        let document = Self.document("field-notes.md", width: 40)
        let code = document.lines.filter { $0.spans.contains { $0.role == .code } && $0.text.hasPrefix("  gauge") }
        #expect(code.map(\.text) == ["  gauge --calibrate --site upper-river→", "  gauge --read"])
        #expect(code.allSatisfy { DisplayWidth.of($0.text) <= 40 })
    }

    @Test func indentedCodeAndFencesWithTildes() {
        let document = Self.markdown("Text\n\n    let x = 1\n    let y = 2\n\n~~~\nraw *not em*\n~~~")
        #expect(Self.body(document) == ["Text", "", "  let x = 1", "  let y = 2", "", "  raw *not em*"])
    }

    @Test func tablesAreDrawnWhenTheyFitElseLeftAsText() {
        let table = "| a | bb |\n|---|:--:|\n| ccc | d |"
        #expect(Self.body(Self.markdown(table)) == ["a   │ bb", "────┼───", "ccc │ d"])
        #expect(Self.body(Self.markdown(table, width: 6)) == ["| a |", "bb |", "|---|:", "--:|", "| ccc", "| d |"])
    }

    @Test func rulesAndImages() {
        let document = Self.markdown("a\n\n***\n\n![a map](m.png)", width: 10)
        #expect(Self.body(document) == ["a", "", String(repeating: "─", count: 10), "", "[image: a", "map]"])
        #expect(Self.bodyLine(document, 2).sourceRange == nil)
    }

    @Test func linksAreTextWithTheirAddressInTheList() {
        let document = Self.document("field-notes.md")
        #expect(
            document.links.map(\.url) == [
                "https://example.org/survey/2024", "https://example.org/summary", "mailto:survey@example.org"
            ])
        #expect(!document.lines.contains { $0.text.contains("](") || $0.text.contains("javascript") })
        let summary = document.lines[document.links[1].line]
        #expect(summary.spans.contains { summary.text.utf8Slice($0.range) == "summary page" && $0.role == .link(1) })
        // The hostile link's text is plain text.
        #expect(
            document.lines.contains {
                $0.text.contains("hostile link is shown")
                    && !$0.spans.contains { if case .link = $0.role { true } else { false } }
            })
    }

    @Test func hitsMapToTheRenderedText() {
        let document = Self.document("field-notes.md", hits: Self.hits("gauge", in: "field-notes.md"))
        #expect(document.hitLines.count >= 4)
        for (line, span) in zip(document.hitLines, document.hitSpans) {
            // A hit at the cut end of a code line shows as far as the line goes.
            let shown = document.lines[line].text.utf8Slice(span).lowercased()
            #expect(!shown.isEmpty && "gauge".hasPrefix(shown), "\(document.lines[line].text)")
            #expect(document.lines[line].hits.contains(span))
        }
        #expect(document.hitLines == document.hitLines.sorted())
    }

    @Test func sourceRangesGrowSoAnchorsSurviveAResize() {
        for width in [1, 5, 20, 40, 80] {
            let document = Self.document("field-notes.md", width: width)
            let ranges = document.lines.compactMap(\.sourceRange)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.lowerBound <= $1.lowerBound }, "width \(width)")
            #expect(document.lines.allSatisfy { DisplayWidth.of($0.text) <= width }, "width \(width)")
        }
    }

    @Test func rawTextShowsTheMarkdownAsWritten() {
        let document = Self.document("field-notes.md", options: .init(showsRawText: true))
        #expect(!document.isRendered)
        #expect(document.lines.contains { $0.text == "## Equipment" && $0.spans.isEmpty })
        #expect(document.links.map(\.url).contains("https://example.org/summary"))
    }

    @Test func mailQuotesAreColouredByDepthAndTheSignatureDimmed() {
        let document = Self.document("mail-reply.txt")
        let roles = Dictionary(
            document.lines.map { ($0.text, $0.spans.first?.role) }, uniquingKeysWith: { first, _ in first })
        #expect(roles["> Can we start on Thursday instead of Wednesday?"] == .quote(1))
        #expect(roles["> > Let us not repeat that."] == .quote(2))
        #expect(roles[">> Who brings the spare notebook?"] == .quote(2))
        #expect(roles["Rowan Clerk"] == .signature)
        #expect(roles["I will."] == .some(nil))
        #expect(document.quoteBlockCount == 2)
    }

    @Test func foldedQuotesAreOneLineEachAndHitsStayOnThem() {
        let hits = Self.hits("boat", in: "mail-reply.txt")
        let document = Self.document("mail-reply.txt", hits: hits, options: .init(foldsQuotes: true))
        #expect(Self.body(document).contains("[… 5 quoted lines]"))
        #expect(Self.body(document).contains("[… 1 quoted line]"))
        #expect(!document.lines.contains { $0.text.hasPrefix(">") })
        let line = try! #require(document.hitLines.first)
        #expect(document.lines[line].text == "[… 5 quoted lines]")
        #expect(document.hitSpans.first == 0..<document.lines[line].text.utf8.count)
    }

    @Test func plainTextLinksAreNeverBrokenWhenTheyFit() {
        let document = Self.document("mail-reply.txt", width: 40)
        let link = document.links[0]
        #expect(link.url == "https://example.org/gauge-notes")
        #expect(document.lines[link.line].text.contains("https://example.org/gauge-notes"))
    }
}
