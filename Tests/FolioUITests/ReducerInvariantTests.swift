import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// Random key sequences and resizes (seeded, so a failure repeats), checking after every step what
/// must always hold, and that every state renders.
@Suite("Reducer invariants")
struct ReducerInvariantTests {
    static let sizes = [(1, 1), (20, 6), (40, 10), (80, 24), (200, 60), (130, 30), (69, 14), (20, 5), (19, 5), (0, 0)]

    /// Every key some focus binds, plus text worth searching for (words of the corpora, wide and
    /// combined characters, emoji).
    static let keys: [Key] = {
        var keys = Set(KeyMap.standard.bindings.flatMap(\.keys))
        keys.formUnion([.backTab, .insert, .function(5)])
        for character in "ashe luntigcfé中文日😀\"-:" { keys.insert(.character(character)) }
        return keys.sorted { $0.description < $1.description }
    }()

    static let stores: [(name: String, store: EmbeddedEngine)] = [
        ("builtin", Fixtures.builtin), ("unicode", Fixtures.unicode), ("numbered", Fixtures.numbered(40)),
        ("empty", Fixtures.empty)
    ]

    @Test(arguments: 1...6)
    func randomSequencesKeepTheInvariants(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let (name, store) = Self.stores[Int(seed) % Self.stores.count]
        let (width, height) = Self.sizes[Int(seed) % Self.sizes.count]
        var driver = Driver(engine: store, width: width, height: height)
        var history: [String] = []
        for step in 0..<400 {
            let roll = Int.random(in: 0..<100, using: &random)
            if roll < 6 {
                let (width, height) = Self.sizes.randomElement(using: &random)!
                history.append("resize \(width)x\(height)")
                driver.resize(width, height)
            } else if roll < 12 {
                history.append("/ and type")
                driver.press(.character("/"))
                driver.type(
                    ["ashes", "a", "luna te", "中", "café", "zzzzqqq", "\"baby jack", "-ashes teigen"].randomElement(
                        using: &random)!)
            } else {
                let key = Self.keys.randomElement(using: &random)!
                history.append(key.description)
                driver.press(key)
            }
            if driver.state.shouldQuit { driver.state.shouldQuit = false }
            let problems = Self.violations(driver.state)
            if !problems.isEmpty {
                Issue.record("seed \(seed) (\(name)), step \(step), after \(history.suffix(12)): \(problems)")
                return
            }
        }
    }

    /// What is wrong with `state`: [] when everything holds.
    static func violations(_ state: AppState) -> [String] {
        var problems: [String] = []
        if state.rows.isEmpty {
            if state.selected != 0 { problems.append("selected \(state.selected) with no rows") }
        } else if !state.rows.indices.contains(state.selected) {
            problems.append("selected \(state.selected) outside \(state.rows.count) rows")
        }
        let visible = state.visibleListRows
        if !(state.listOffset <= state.selected && state.selected < state.listOffset + visible) {
            problems.append("selected \(state.selected) not within list offset \(state.listOffset) + \(visible)")
        }
        if state.listOffset < 0 { problems.append("negative list offset") }
        if let reader = state.reader {
            let limit = max(0, reader.document.lines.count - readerHeight(state))
            if !(0...limit).contains(reader.offset) { problems.append("reader offset \(reader.offset) outside 0...\(limit)") }
            if let hit = reader.currentHit, !reader.document.hitLines.indices.contains(hit) {
                problems.append("current hit \(hit) of \(reader.document.hitLines.count)")
            }
            if reader.document.hitSpans.count != reader.document.hitLines.count { problems.append("hit spans and lines differ") }
            if let pane = state.layout.reader {
                let expected = max(1, min(ReaderDocument.measure, pane.width - 2))
                if reader.document.width != expected {
                    problems.append("document width \(reader.document.width), pane wants \(expected)")
                }
            }
            if !(0..<state.engine.articleCount).contains(reader.article) { problems.append("reader article \(reader.article)") }
        }
        if state.layout.list != nil && state.layout.reader != nil && state.reader?.article != state.selectedArticle {
            problems.append(
                "reader shows \(String(describing: state.reader?.article)) beside selected \(String(describing: state.selectedArticle))"
            )
        }
        if state.focus == .reader && state.reader == nil { problems.append("reader focused but closed") }
        if state.readCount != state.marks.values.count(where: \.isRead) {
            problems.append("read count \(state.readCount), marks say \(state.marks.values.count(where: \.isRead))")
        }
        // The | prompt lives in the status line, visible in every layout, so it may open over a zoom;
        // the link list takes the reading pane's place, zoomed or not.
        if state.focus == .links && (state.reader == nil || state.linkList == nil) {
            problems.append("link list without an article")
        }
        if state.isZoomed && state.focus != .reader && state.focus != .prompt && state.focus != .links {
            problems.append("zoomed with focus on \(state.focus)")
        }
        if (state.focus == .prompt) != (state.prompt != nil) { problems.append("prompt focus without a prompt, or the reverse") }
        let helpLines = KeyMap.standard.helpLines().count
        if state.helpOffset < 0 || (state.isShowingHelp && state.helpOffset > max(0, helpLines - max(1, state.height - 2))) {
            problems.append("help offset \(state.helpOffset) for \(helpLines) lines in \(state.height) rows")
        }
        if state.editor.cursor < 0 || state.editor.cursor > state.editor.characters.count {
            problems.append("cursor outside the query")
        }

        let grid = Screen.render(state)
        if grid.width != state.width || grid.height != state.height || grid.cells.count != state.width * state.height {
            problems.append("grid \(grid.width)x\(grid.height) for a \(state.width)x\(state.height) screen")
        }
        problems += GridChecks.problems(in: grid)
        return problems
    }

    @Test func everySizeRendersEveryScreen() {
        // Each kind of screen at each size, including the degenerate ones.
        for (name, store) in Self.stores {
            for (width, height) in Self.sizes + [(2, 1), (1, 40), (300, 3), (120, 13)] {
                let fresh = Driver(engine: store, width: width, height: height)
                var searched = fresh
                searched.search("ashes")
                let screens: [[Key]] = [
                    [], [.character("/")], [.enter], [.character("z")], [.character("?")], [.character("G"), .tab]
                ]
                for (start, query) in [(fresh, ""), (searched, "ashes")] {
                    for keys in screens {
                        var driver = start
                        for key in keys { driver.press(key) }
                        let problems = Self.violations(driver.state)
                        #expect(problems.isEmpty, "\(name) at \(width)x\(height), query \(query), after \(keys): \(problems)")
                    }
                }
            }
        }
    }

    @Test func searchResultsRenderAtEveryWidth() {
        // Snippets are cut to the width: hits must be cut with them, never left pointing into "…".
        for query in ["ashes", "jack"] {
            var driver = Driver(engine: Fixtures.builtin, width: 80, height: 24)
            driver.search(query)
            for width in 20...70 {
                driver.resize(width, 24)
                let problems = Self.violations(driver.state)
                #expect(problems.isEmpty, "\(query) at width \(width): \(problems)")
            }
        }
    }
}
