import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// `ReaderDocument`: an article laid out for the reading pane, with source ranges and hits.
@Suite("ReaderDocument")
struct ReaderDocumentTests {
    static func article(_ id: String, in store: EmbeddedEngine = Fixtures.unicode) -> Article {
        store.article(withID: id)!
    }

    /// Where `query` matches in article `id`, as the engine gives the reader its hits.
    static func hits(_ query: String, in id: String, of store: EmbeddedEngine = Fixtures.unicode) -> ArticleHits {
        store.hits(of: store.number(ofID: id)!, in: store.search(query, mode: .complete))
    }

    @Test func titleMetadataBlankThenBody() {
        let document = ReaderDocument(article: Self.article("quotes.md"), width: 40, hits: .none)
        #expect(document.lines.map(\.kind).prefix(6) == [.title, .title, .metadata, .metadata, .blank, .body])
        #expect(document.lines[0].text == "“Curly” quotes, ‘single’ ones — café and")
        #expect(document.lines[1].text == "naïve")
        #expect(document.lines[2].text == "2024-05-06 · fixture")
        #expect(document.lines[3].text == "27 words · 1 min · unread")
        #expect(document.lines[0].sourceRange == nil && document.lines[2].sourceRange == nil)
        #expect(document.hitLines.isEmpty && document.hitSpans.isEmpty)
        #expect(document.width == 40)
    }

    @Test func anUndatedArticleLeavesTheDateOut() {
        let document = ReaderDocument(article: Self.article("control.txt"), width: 80, hits: .none)
        #expect(document.lines[1].text == "fixture")
        #expect(document.lines[2].text == "20 words · 1 min · unread")
    }

    @Test func paragraphsAreKeptApart() {
        let document = ReaderDocument(article: Self.article("quotes.md"), width: 70, hits: .none)
        let body = document.lines.drop { $0.sourceRange == nil }
        #expect(body.map(\.kind) == [.body, .body, .blank, .body])
        #expect(body.last?.text == "Second paragraph with ‘single quotes’ and an em dash — like this.")
    }

    @Test(arguments: ["quotes.md", "chinese.md", "japanese.md", "emoji.md", "rtl.md", "long.md", "control.txt"])
    func everyLineFitsAndShowsItsSource(id: String) {
        let article = Self.article(id)
        for width in [1, 2, 3, 5, 8, 13, 21, 38, 80] {
            let document = ReaderDocument(article: article, width: width, hits: .none)
            var previousEnd = 0
            for line in document.lines {
                #expect(DisplayWidth.of(line.text) <= width, "\(id) at \(width): \(line.text)")
                guard let range = line.sourceRange else { continue }
                #expect(range.lowerBound >= previousEnd, "\(id) at \(width): ranges out of order")
                previousEnd = range.upperBound
                // The line shows its source (an undrawable wide cell at width 1 shows nothing).
                #expect(line.text.isEmpty || article.body.utf8Slice(range) == line.text, "\(id) at \(width)")
            }
        }
    }

    @Test func theMeasureCapsTheWidthOnlyInTheReducer() {
        // The document wraps at what it is given; the reducer never gives more than the measure.
        let article = Self.article("long.md")
        #expect(ReaderDocument.measure == 80)
        let wide = ReaderDocument(article: article, width: 200, hits: .none)
        #expect(wide.lines.contains { DisplayWidth.of($0.text) > 80 })
        #expect(ReaderDocument(article: article, width: 0, hits: .none).width == 1)
    }

    @Test func aLongWordIsBrokenAcrossLines() {
        let document = ReaderDocument(article: Self.article("long.md"), width: 40, hits: .none)
        let texts = document.lines.filter { $0.kind == .body }.map(\.text)
        // 300 letters: seven full 40-column lines, and 20 letters that share a line with what follows.
        #expect(
            texts == ["Before the long word"] + (0..<7).map { _ in String(repeating: "abcdefghij", count: 4) }
                + ["abcdefghijabcdefghij and after it."])
    }

    @Test func hitsAreFoundInTitleAndBody() throws {
        let document = ReaderDocument(article: Self.article("quotes.md"), width: 80, hits: Self.hits("café", in: "quotes.md"))
        let title = document.lines[0]
        #expect(title.hits.map { title.text.utf8Slice($0) } == ["café"])
        // "café" twice in the body, the second written with a combining accent (normalised to NFC).
        #expect(document.hitLines.count == 2)
        for (line, span) in zip(document.hitLines, document.hitSpans) {
            let text = document.lines[line].text
            #expect(text.utf8Slice(span) == "café")
            #expect(document.lines[line].hits.contains(span))
        }
    }

    @Test func hitsInCJKText() {
        let document = ReaderDocument(article: Self.article("chinese.md"), width: 20, hits: Self.hits("中文", in: "chinese.md"))
        #expect(!document.hitLines.isEmpty)
        #expect(document.hitLines == document.hitLines.sorted())
        for (line, span) in zip(document.hitLines, document.hitSpans) {
            #expect(document.lines[line].text.utf8Slice(span).hasPrefix("中"))
        }
    }

    @Test func aHitThatWrapsIsOneHitOnTwoLines() throws {
        let store = Fixtures.builtin
        let article = try #require(store.article(withID: "000_28476d52775e6d63.txt"))
        let hits = Self.hits("\"baby jack\"", in: "000_28476d52775e6d63.txt", of: store)
        // Find a width where a "baby jack" hit breaks across lines.
        for width in 20...60 {
            let document = ReaderDocument(article: article, width: width, hits: hits)
            guard
                let line = document.hitLines.first(where: { index in
                    let text = document.lines[index].text
                    return document.lines[index].hits.last.map { $0.upperBound == text.utf8.count && text.hasSuffix("Baby") }
                        ?? false
                })
            else { continue }
            let next = document.lines[line + 1]
            #expect(next.hits.first.map { next.text.utf8Slice($0) } == "Jack", "width \(width)")
            #expect(!document.hitLines.contains(line + 1) || document.lines[line + 1].hits.count > 1)
            return
        }
        Issue.record("no width wraps inside \"Baby Jack\"")
    }

    @Test func anchorsRoundTrip() {
        let article = Fixtures.builtin.article(at: 1)
        for width in [20, 47, 78] {
            let document = ReaderDocument(article: article, width: width, hits: .none)
            for (index, line) in document.lines.enumerated() {
                guard let range = line.sourceRange, !range.isEmpty else { continue }
                #expect(document.anchor(atLine: index) == range.lowerBound)
                #expect(document.line(containing: range.lowerBound) == index, "width \(width), line \(index)")
                #expect(document.line(containing: range.upperBound - 1) == index)
            }
            // Before the body, the anchor is the body's start; past the end, the last line.
            let firstBody = document.lines.firstIndex { $0.sourceRange != nil }!
            #expect(document.anchor(atLine: 0) == document.lines[firstBody].sourceRange?.lowerBound)
            #expect(document.anchor(atLine: 10_000) == document.lines.last?.sourceRange?.lowerBound)
            #expect(document.line(containing: Int.max) == document.lines.count - 1)
        }
    }

    @Test func anEmptyBodyStillHasTitleAndMetadata() throws {
        let store = EmbeddedEngine.load(
            documents: [CorpusLoader.Document(id: "t.md", folderName: "f", bytes: Array("# Only a title\n".utf8))], name: "f")
        let document = ReaderDocument(article: store.article(at: 0), width: 30, hits: .none)
        #expect(document.lines.map(\.kind).prefix(4) == [.title, .metadata, .metadata, .blank])
        #expect(document.lines[0].text == "Only a title")
        #expect(document.anchor(atLine: 0) == document.lines.compactMap(\.sourceRange).first?.lowerBound)
    }
}
