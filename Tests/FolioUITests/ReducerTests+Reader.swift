import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// `reduce` in the reading pane: opening, scrolling, hits, and keeping the place across resizes.
extension ReducerTests {
    // MARK: Opening and reading

    @Test func enterOpensTheReaderAloneOnANarrowScreen() {
        for close in [Key.character("q"), .escape, .character("h"), .left, .backspace] {
            var driver = Driver(engine: Fixtures.builtin, width: 60, height: 20)
            #expect(driver.state.layout.mode == .single)
            #expect(driver.state.reader == nil)
            driver.press(.character("j"), .enter)
            #expect(driver.state.focus == .reader)
            #expect(driver.state.reader?.article == driver.state.rows[1])
            #expect(driver.state.layout.list == nil)
            #expect(driver.state.layout.reader == Rect(x: 0, y: 1, width: 60, height: 18))
            driver.press(close)
            #expect(driver.state.focus == .list, "closing with \(close)")
            #expect(driver.state.reader == nil)
            #expect(driver.state.layout.list == Rect(x: 0, y: 1, width: 60, height: 18))
            #expect(driver.state.selected == 1)
            #expect(!driver.state.shouldQuit)
        }
    }

    @Test func theReaderScrollsAndStaysInBounds() throws {
        var driver = Driver(engine: Fixtures.builtin, width: 60, height: 20)
        driver.press(.enter)
        let reader = try #require(driver.state.reader)
        let height = 18
        let maxOffset = reader.document.lines.count - height
        #expect(maxOffset > 10)
        driver.press(.character("j"), .down, .enter)
        #expect(driver.state.reader?.offset == 3)
        driver.press(.character("k"))
        #expect(driver.state.reader?.offset == 2)
        driver.press(.character(" "))
        #expect(driver.state.reader?.offset == 2 + height - 2)
        driver.press(.character("b"), .character("b"))
        #expect(driver.state.reader?.offset == 0)
        driver.press(.character("G"))
        #expect(driver.state.reader?.offset == maxOffset)
        driver.press(.character("j"))
        #expect(driver.state.reader?.offset == maxOffset)
        driver.press(.character("g"))
        #expect(driver.state.reader?.offset == 0)
    }

    @Test func openingFromASearchLandsOnTheFirstHitAndNWalksTheHits() throws {
        var driver = Driver(engine: Fixtures.builtin)
        driver.search("ashes")
        driver.press(.enter)
        #expect(driver.state.focus == .reader)
        let reader = try #require(driver.state.reader)
        let hits = reader.document.hitLines
        #expect(hits.count >= 3)
        #expect(reader.currentHit == 0)
        let height = try #require(driver.state.layout.reader).height
        func hitIsVisible() -> Bool {
            guard let reader = driver.state.reader, let current = reader.currentHit else { return false }
            let line = reader.document.hitLines[current]
            return reader.offset <= line && line < reader.offset + height
        }
        #expect(hitIsVisible())
        // The first hit's line really holds "ashes" (or "ash").
        let firstLine = reader.document.lines[hits[0]]
        #expect(firstLine.hits.map { firstLine.text.utf8Slice($0).lowercased() }.contains { $0.hasPrefix("ash") })
        for step in 1..<hits.count {
            driver.press(.character("n"))
            #expect(driver.state.reader?.currentHit == step)
            #expect(driver.state.message == nil)
            #expect(hitIsVisible())
        }
        driver.press(.character("n"))
        #expect(driver.state.reader?.currentHit == 0)
        #expect(driver.state.message == "search wrapped to the first hit")
        #expect(hitIsVisible())
        driver.press(.character("N"))
        #expect(driver.state.reader?.currentHit == hits.count - 1)
        #expect(driver.state.message == "search wrapped to the last hit")
        #expect(hitIsVisible())
        driver.press(.character("N"))
        #expect(driver.state.reader?.currentHit == hits.count - 2)
        #expect(driver.state.message == nil)
    }

    @Test func nWithoutASearchSaysSo() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.press(.enter, .character("n"))
        #expect(driver.state.message == "no search: press / to search")
        #expect(driver.state.reader?.currentHit == nil)
    }

    @Test func thePreviewShowsTheCurrentQuerysHits() throws {
        var driver = Driver(engine: Fixtures.builtin)
        driver.search("ashes")
        let first = try #require(driver.state.reader)
        #expect(first.article == driver.state.rows[0])
        #expect(!first.document.hitLines.isEmpty)
        #expect(first.currentHit == 0)
        // The same article stays first for "ashes luna", but its hits are now those of both words.
        driver.search("ashes luna")
        let both = try #require(driver.state.reader)
        #expect(driver.state.rows.first == first.article)
        #expect(both.document.hitLines.count > first.document.hitLines.count)
        // Clearing the query clears the highlights.
        driver.press(.escape)
        #expect(driver.state.query == "")
        #expect(driver.state.reader?.document.hitLines == [])
        #expect(driver.state.reader?.document.lines.allSatisfy { $0.hits.isEmpty } == true)
    }

    // MARK: Resizing

    /// The first visible line's source range, and whether it holds body offset `anchor`.
    static func firstVisibleLineHolds(_ anchor: Int, _ state: AppState) -> Bool {
        guard let reader = state.reader, let range = reader.document.lines[reader.offset].sourceRange else { return false }
        return range.lowerBound <= anchor && anchor < max(range.upperBound, range.lowerBound + 1)
    }

    @Test func resizingKeepsTheSameTextAtTheTop() throws {
        var driver = Driver(engine: Fixtures.builtin, width: 100, height: 30)
        driver.press(.character("j"), .enter)  // the second article, which has no hits to land on
        for _ in 0..<9 { driver.press(.character("j")) }
        let reader = try #require(driver.state.reader)
        #expect(reader.offset == 9)
        let top = reader.document.lines[9]
        #expect(top.kind == .body && !top.text.isEmpty)
        let anchor = try #require(top.sourceRange?.lowerBound)
        let body = Fixtures.builtin.article(at: reader.article).body
        for (width, height) in [(50, 15), (100, 30), (50, 15), (37, 11), (100, 30), (200, 60), (100, 30)] {
            driver.resize(width, height)
            let reader = try #require(driver.state.reader)
            let maxOffset = max(0, reader.document.lines.count - readerHeight(driver.state))
            let anchorLine = reader.document.line(containing: anchor)
            #expect(anchorLine > 3)
            if anchorLine <= maxOffset {
                #expect(Self.firstVisibleLineHolds(anchor, driver.state), "\(width)x\(height): top line \(reader.offset)")
            } else {
                // The pane is tall enough to show the end: as close as it can.
                #expect(reader.offset == maxOffset, "\(width)x\(height)")
            }
        }
        // Back at the first size, the very same line is at the top: no drift.
        #expect(driver.state.reader?.offset == 9)
        #expect(driver.state.reader?.document.lines[9].text == top.text)
        #expect(body.utf8Slice(top.sourceRange!) == top.text)
    }

    @Test func resizingToTooSmallAndBackKeepsThePlace() throws {
        var driver = Driver(engine: Fixtures.builtin, width: 100, height: 30)
        driver.press(.enter)
        driver.press(.character(" "))
        let before = try #require(driver.state.reader)
        let anchor = try #require(before.document.lines[before.offset].sourceRange?.lowerBound)
        driver.resize(1, 1)
        #expect(driver.state.layout.mode == .tooSmall)
        driver.resize(100, 30)
        #expect(driver.state.reader?.offset == before.offset)
        #expect(Self.firstVisibleLineHolds(anchor, driver.state))
    }
}
