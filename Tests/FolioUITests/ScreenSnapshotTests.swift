import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// `Screen.render` of fixed states, compared with `__Snapshots__/<name>.txt` (Documentation/architecture.md §14).
/// Re-record with `SNAPSHOT_RECORD=1 swift test --filter ScreenSnapshotTests`, then read the files.
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var store: @Sendable () -> EmbeddedEngine
        var width: Int
        var height: Int
        /// Typed before the snapshot: `Key`s, and `search` as "/", the text, Enter.
        var keys: [Key] = []
        var theme: Theme = .standard

        var testDescription: String { name }

        func driver() -> Driver {
            var driver = Driver(engine: store(), width: width, height: height)
            driver.press(contentsOf: keys)
            return driver
        }
    }

    static func keys(search text: String, then keys: [Key] = []) -> [Key] {
        [.character("/")] + text.map { .character($0) } + [.enter] + keys
    }

    static let standardSizes = [(80, 24), (40, 12), (20, 6)]

    static let cases: [Case] = {
        var cases: [Case] = []
        func add(
            _ name: String, _ store: @escaping @Sendable () -> EmbeddedEngine, sizes: [(Int, Int)] = standardSizes,
            keys: [Key] = [], theme: Theme = .standard
        ) {
            for (width, height) in sizes {
                cases.append(
                    Case(name: "\(name)-\(width)x\(height)", store: store, width: width, height: height, keys: keys, theme: theme)
                )
            }
        }
        add("builtin", { Fixtures.builtin })
        add("builtin-ashes-list", { Fixtures.builtin }, keys: keys(search: "ashes"))
        add(
            "builtin-ashes-reader", { Fixtures.builtin }, sizes: standardSizes + [(130, 30)],
            keys: keys(search: "ashes", then: [.enter]))
        add(
            "builtin-ashes-reader-next-hit", { Fixtures.builtin }, sizes: [(80, 24)],
            keys: keys(search: "ashes", then: [.enter, .character("n")]))
        add(
            "builtin-ashes-monochrome", { Fixtures.builtin }, sizes: [(80, 24)], keys: keys(search: "ashes", then: [.enter]),
            theme: .monochrome)
        add("builtin-zoomed", { Fixtures.builtin }, sizes: [(80, 24)], keys: [.character("z")])
        add("unicode", { Fixtures.unicode })
        add("unicode-cafe", { Fixtures.unicode }, sizes: [(80, 24), (40, 12)], keys: keys(search: "café"))
        add("unicode-chinese", { Fixtures.unicode }, sizes: [(40, 12)], keys: [.character("j"), .enter])
        add(
            "unicode-emoji", { Fixtures.unicode }, sizes: [(40, 12)],
            keys: [.character("j"), .character("j"), .character("j"), .enter])
        add(
            "unicode-rtl", { Fixtures.unicode }, sizes: [(40, 12)],
            keys: [.character("G"), .character("k"), .character("k"), .enter])
        add("unicode-long-word", { Fixtures.unicode }, sizes: [(40, 12)], keys: [.character("G"), .character("k"), .enter])
        add("unicode-control", { Fixtures.unicode }, sizes: [(80, 24)], keys: [.character("G"), .enter])
        add(
            "unicode-typed-query", { Fixtures.unicode }, sizes: [(40, 12)],
            keys: [.character("/")] + "日本語 😀 e\u{301}".map { .character($0) })
        add("near-matches", { Fixtures.typos }, sizes: [(80, 24)], keys: keys(search: "legend "))
        add("no-results", { Fixtures.builtin }, keys: keys(search: "zzzzqqq"))
        add("partial-matches", { Fixtures.builtin }, sizes: [(80, 24)], keys: keys(search: "ashes zebra"))
        add("did-you-mean", { Fixtures.builtin }, sizes: [(80, 24)], keys: keys(search: "tedy"))
        add("empty-corpus", { Fixtures.empty })
        add("help", { Fixtures.builtin }, keys: [.character("?")])
        add("help-scrolled", { Fixtures.builtin }, sizes: [(80, 24)], keys: [.character("?"), .pageDown])
        add("too-small", { Fixtures.builtin }, sizes: [(12, 4), (19, 10)])
        // Reading (issue #17): the header block, the find in the article, the y/n prompt, filters.
        add("reader-header", { Fixtures.builtin }, sizes: [(80, 24), (40, 12)], keys: [.enter, .character("f")])
        let find: [Key] = [.enter, .character("/")] + "teigen".map { .character($0) }
        add("reader-finding", { Fixtures.builtin }, sizes: [(80, 24), (40, 12)], keys: find)
        add(
            "reader-find-hit-3", { Fixtures.builtin }, sizes: [(80, 24), (40, 12)],
            keys: find + [.enter, .character("n"), .character("n")])
        add("mark-all-confirm", { Fixtures.builtin }, sizes: [(80, 24), (40, 12)], keys: [.character("A")])
        add(
            "status-filters", { Fixtures.builtin }, sizes: [(80, 24), (40, 12)],
            keys: [.character("U"), .character("O"), .character("s")] + keys(search: "ashes"))
        // Marks typed as keys of their own join their letter in the search bar (no dotted circles).
        add(
            "typed-combining-query", { Fixtures.builtin }, sizes: [(40, 12)],
            keys: [.character("/")] + "नमस्ते กิน".unicodeScalars.map { .character(Character($0)) })
        let readingSizes = [(80, 24), (40, 12)]
        add(
            "reading-markdown", { Fixtures.reading }, sizes: readingSizes,
            keys: keys(search: "river", then: [.enter, .character("z")]))
        add(
            "reading-markdown-raw", { Fixtures.reading }, sizes: [(80, 24)],
            keys: keys(search: "river", then: [.enter, .character("z"), .character("M")]))
        add(
            "reading-mail", { Fixtures.reading }, sizes: readingSizes, keys: keys(search: "boat", then: [.enter, .character("z")])
        )
        add(
            "reading-mail-folded", { Fixtures.reading }, sizes: [(80, 24)],
            keys: keys(search: "boat", then: [.enter, .character("z"), .character("T")]))
        add(
            "reading-links", { Fixtures.reading }, sizes: readingSizes,
            keys: keys(search: "river", then: [.enter, .character("u"), .character("j")]))
        return cases
    }()

    @Test(arguments: cases)
    func snapshot(_ testCase: Case) {
        let driver = testCase.driver()
        let grid = Screen.render(driver.state, theme: testCase.theme)
        #expect(grid.width == testCase.width && grid.height == testCase.height)
        #expect(GridChecks.problems(in: grid) == [])
        Snapshot.expect(grid, named: testCase.name)
    }

    // MARK: What the snapshots should show, checked directly

    /// The columns of `row` whose style satisfies `predicate`.
    static func columns(_ grid: ScreenGrid, row: Int, where predicate: (Style) -> Bool) -> [Int] {
        (0..<grid.width).filter { predicate(grid[row, $0].style) }
    }

    @Test func theSelectedRowIsReverseVideoAcrossTheList() {
        let driver = Driver(engine: Fixtures.builtin, width: 80, height: 24)
        let grid = driver.render(theme: .monochrome)
        #expect(Self.columns(grid, row: 1, where: \.reverse).count == 80)
        #expect(Self.columns(grid, row: 2, where: \.reverse).isEmpty)
        // Unfocused (reading), the selection stays visible without colour: bold and underlined.
        var reading = driver
        reading.press(.tab)
        let unfocused = reading.render(theme: .monochrome)
        #expect(Self.columns(unfocused, row: 1, where: { $0.underline && $0.bold }).count == 80)
    }

    @Test func longTitlesAreCutWithAnEllipsis() {
        let driver = Driver(engine: Fixtures.unicode, width: 40, height: 12)
        let text = driver.screenText()
        #expect(text.contains(" A title much longer than any list colu…"))
        #expect(!text.contains("ellipsis at the end"))
    }

    @Test func hitsAreHighlightedInTheListAndTheReader() throws {
        var driver = Driver(engine: Fixtures.builtin, width: 80, height: 24)
        driver.search("ashes")
        let grid = driver.render()
        let hit = Theme.standard.hit
        // Each result's snippet line (rows 2, 4, 6) highlights "ashes" (or "ash") in the hit style.
        for row in [4, 6] {
            let columns = Self.columns(grid, row: row, where: { $0 == hit })
            let word = columns.map { grid[row, $0].text }.joined()
            #expect(word.lowercased().hasPrefix("ash"), "row \(row): \(word)")
        }
        // The reader marks the current hit apart from the others.
        let readerRows = try #require(driver.state.layout.reader)
        let current = (readerRows.y..<readerRows.maxY).flatMap { row in
            Self.columns(grid, row: row, where: { $0 == Theme.standard.currentHit }).map { (row, $0) }
        }
        #expect(current.map { grid[$0.0, $0.1].text }.joined().lowercased() == "ashes")
    }

    @Test func onlyTheCurrentHitOfALineIsCurrent() throws {
        // Both hits of "café" in this article's body share a line: n must move the mark along it.
        var driver = Driver(engine: Fixtures.unicode, width: 80, height: 24)
        driver.search("café")
        driver.press(.enter)
        let reader = try #require(driver.state.reader)
        let shared = try #require(
            reader.document.hitLines.indices.dropFirst().first {
                reader.document.hitLines[$0] == reader.document.hitLines[$0 - 1]
            })
        #expect(shared == 1)
        #expect(driver.state.reader?.currentHit == 0)
        let before = driver.render()
        driver.press(.character("n"))
        let after = driver.render()
        func currentColumns(_ grid: ScreenGrid) -> [Int] {
            (0..<grid.height).flatMap { row in Self.columns(grid, row: row, where: { $0 == Theme.standard.currentHit }) }
        }
        #expect(currentColumns(before) == Array(27..<31))
        #expect(currentColumns(after) == Array(69..<73))
    }

    @Test func nearMatchesAreMarkedAndAligned() {
        var driver = Driver(engine: Fixtures.typos, width: 80, height: 24)
        driver.search("legend ")
        #expect(driver.state.rows.count == 3)
        #expect(driver.state.exactCount == 2)
        let grid = driver.render()
        // Rows 1, 3, 5 are titles: the near match is marked "~", and every title starts in column 1.
        #expect([1, 3, 5].map { grid[$0, 0].text } == [" ", " ", "~"])
        #expect([1, 3, 5].allSatisfy { grid[$0, 1].text != " " })
        #expect(grid[5, 0].style == Theme.standard.fuzzyMarker)
        #expect(driver.screenText().contains("3 results (1 near)"))
    }

    @Test func controlCharactersNeverReachTheGrid() {
        var driver = Driver(engine: Fixtures.unicode, width: 80, height: 24)
        driver.press(.character("G"), .enter)
        let grid = driver.render()
        #expect(GridChecks.problems(in: grid) == [])
        let text = driver.screenText()
        #expect(text.contains("Red alert title"))
        #expect(!text.contains("[31m") && !text.contains("]0;"))
    }

    @Test func wideCharactersAreNeverCutInHalf() {
        // At every width the CJK and emoji rows must keep each wide cell whole.
        for width in 20...60 {
            for keys in [[], [Key.character("j"), .enter], [.character("j"), .character("j"), .character("j"), .enter]] {
                var driver = Driver(engine: Fixtures.unicode, width: width, height: 12)
                driver.press(contentsOf: keys)
                #expect(GridChecks.problems(in: driver.render()) == [], "width \(width) after \(keys)")
            }
        }
    }
}
