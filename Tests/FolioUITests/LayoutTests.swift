import TerminalCore
import Testing

@testable import FolioUI

/// `Layout.compute`: which panes a screen size shows, and where.
@Suite("Layout")
struct LayoutTests {
    func layout(_ width: Int, _ height: Int, focus: Focus = .list, zoomed: Bool = false, readerOpen: Bool = false) -> Layout {
        Layout.compute(width: width, height: height, focus: focus, isZoomed: zoomed, isReaderOpen: readerOpen)
    }

    @Test func wideScreensPutTheListBesideTheReader() {
        let layout = layout(130, 30)
        #expect(layout.mode == .sideBySide)
        #expect(layout.searchBar == Rect(x: 0, y: 0, width: 130, height: 1))
        #expect(layout.list == Rect(x: 0, y: 1, width: 52, height: 28))
        #expect(layout.divider == Rect(x: 52, y: 1, width: 1, height: 28))
        #expect(layout.reader == Rect(x: 53, y: 1, width: 77, height: 28))
        #expect(layout.status == Rect(x: 0, y: 29, width: 130, height: 1))
        // The list never gets narrower than 40 nor wider than 70 columns.
        #expect(self.layout(120, 30).list?.width == 48)
        #expect(self.layout(300, 30).list?.width == 70)
    }

    @Test func mediumScreensStackTheListAboveTheReader() {
        let layout = layout(80, 24)
        #expect(layout.mode == .stacked)
        #expect(layout.list == Rect(x: 0, y: 1, width: 80, height: 8))
        #expect(layout.divider == Rect(x: 0, y: 9, width: 80, height: 1))
        #expect(layout.reader == Rect(x: 0, y: 10, width: 80, height: 13))
        #expect(layout.status == Rect(x: 0, y: 23, width: 80, height: 1))
    }

    @Test func narrowOrShortScreensShowOnePane() {
        for (width, height) in [(69, 40), (80, 13), (40, 10), (20, 5)] {
            let list = layout(width, height)
            #expect(list.mode == .single, "\(width)x\(height)")
            #expect(list.list == Rect(x: 0, y: 1, width: width, height: height - 2))
            #expect(list.reader == nil && list.divider == nil)
            let reading = layout(width, height, focus: .reader, readerOpen: true)
            #expect(reading.reader == Rect(x: 0, y: 1, width: width, height: height - 2))
            #expect(reading.list == nil)
            // Searching while an article is open shows the list, where the results are.
            #expect(layout(width, height, focus: .search, readerOpen: true).list != nil)
        }
    }

    @Test func theModeChangesAtTheThresholds() {
        #expect(layout(119, 30).mode == .stacked)
        #expect(layout(120, 30).mode == .sideBySide)
        #expect(layout(69, 30).mode == .single)
        #expect(layout(70, 30).mode == .stacked)
        #expect(layout(70, 13).mode == .single)  // a body of 11 rows is too short to stack
        #expect(layout(70, 14).mode == .stacked)
        #expect(layout(19, 30).mode == .tooSmall)
        #expect(layout(20, 4).mode == .tooSmall)
        #expect(layout(20, 5).mode == .single)
    }

    @Test func zoomGivesTheReaderTheWholeBody() {
        for (width, height) in [(130, 30), (80, 24), (40, 10)] {
            let zoomed = layout(width, height, focus: .reader, zoomed: true, readerOpen: true)
            #expect(zoomed.reader == Rect(x: 0, y: 1, width: width, height: height - 2))
            #expect(zoomed.list == nil && zoomed.divider == nil)
            // Nothing to zoom without an open article.
            #expect(layout(width, height, zoomed: true).list != nil)
        }
    }

    @Test func tooSmallShowsNothingButTheStatus() {
        for (width, height) in [(0, 0), (1, 1), (12, 4), (19, 100), (300, 4)] {
            let layout = layout(width, height)
            #expect(layout.mode == .tooSmall)
            #expect(layout.list == nil && layout.reader == nil && layout.divider == nil)
            #expect(layout.searchBar.isEmpty)
        }
    }

    @Test func panesTileTheScreenWithoutOverlapping() {
        for width in stride(from: 20, through: 240, by: 7) {
            for height in stride(from: 5, through: 70, by: 5) {
                for (focus, zoomed, open) in [
                    (Focus.list, false, false), (.reader, false, true), (.reader, true, true), (.search, false, true)
                ] {
                    let layout = layout(width, height, focus: focus, zoomed: zoomed, readerOpen: open)
                    let rects = [layout.searchBar, layout.status] + [layout.list, layout.divider, layout.reader].compactMap { $0 }
                    let context = "\(width)x\(height) \(focus) zoomed \(zoomed): \(rects)"
                    // Inside the screen, disjoint, and their areas add up to the screen's: a tiling.
                    #expect(rects.allSatisfy { $0.x >= 0 && $0.y >= 0 && $0.maxX <= width && $0.maxY <= height }, "\(context)")
                    #expect(rects.map { $0.width * $0.height }.reduce(0, +) == width * height, "\(context)")
                    for (index, a) in rects.enumerated() {
                        for b in rects[(index + 1)...] {
                            let overlaps = a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY
                            #expect(!overlaps, "\(a) overlaps \(b) in \(context)")
                        }
                    }
                }
            }
        }
    }
}
