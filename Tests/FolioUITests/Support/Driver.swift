import FolioCore
import TerminalCore

@testable import FolioUI

/// Drives the reader the way the run loop does (Sources/folio/ReaderSession.swift): keys go through
/// `action(for:in:)` and `reduce`, and the effects `reduce` asks for are run at once, on this thread.
struct Driver {
    var state: AppState
    /// Every effect `reduce` returned, in order (searches included, after they ran).
    private(set) var effects: [Effect] = []
    /// When false, `.search` effects are only recorded, so a test can deliver results itself.
    var runsSearches = true

    /// The time every search reports, so snapshots of the search bar ("· 1.2 ms") do not change
    /// from run to run.
    static let fixedSearchSeconds = 0.0012

    /// Starts like the run loop: the state, then a resize to the terminal's size.
    init(engine: any SearchEngine, width: Int = 80, height: Int = 24) {
        state = AppState(engine: engine, width: width, height: height)
        send(.resize(width: width, height: height))
    }

    /// Presses keys, one after another; a key the current focus does not bind does nothing.
    mutating func press(_ keys: Key...) {
        for key in keys {
            guard let next = action(for: key, in: state) else { continue }
            send(next)
        }
    }

    mutating func press(contentsOf keys: [Key]) {
        for key in keys { press(key) }
    }

    /// Types text one character at a time, as separate key presses.
    mutating func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// Opens the search bar, replaces the query with `text` and presses Enter (results applied,
    /// list focused).
    mutating func search(_ text: String) {
        press(.character("/"), .control("u"))
        type(text)
        press(.enter)
    }

    mutating func resize(_ width: Int, _ height: Int) {
        send(.resize(width: width, height: height))
    }

    /// Reduces one action and runs the effects it returns.
    @discardableResult
    mutating func send(_ action: Action) -> [Effect] {
        let produced = reduce(&state, action)
        effects += produced
        for effect in produced { run(effect) }
        return produced
    }

    private mutating func run(_ effect: Effect) {
        if runsSearches, case .related(let article, let generation) = effect {
            var results = state.engine.related(to: article, limit: RelatedList.limit)
            results?.seconds = Self.fixedSearchSeconds
            send(.relatedFinished(generation: generation, results: results))
            return
        }
        guard runsSearches, case .search(let text, let sort, let generation) = effect else { return }
        send(.searchFinished(generation: generation, results: Self.results(of: text, in: state.engine, sort: sort)))
    }

    /// What the run loop's background search computes for a `.search` effect.
    static func results(of text: String, in engine: any SearchEngine, sort: ListOrder = .relevance) -> SearchResults {
        var results = engine.search(text, mode: .incremental, sort: sort)
        results.seconds = fixedSearchSeconds
        return results
    }

    /// The `.search` effects so far, as (text, generation).
    var searches: [(text: String, generation: Int)] {
        effects.compactMap { effect in
            if case .search(let text, _, let generation) = effect { (text, generation) } else { nil }
        }
    }

    func render(theme: Theme = .standard) -> ScreenGrid { Screen.render(state, theme: theme) }

    /// The screen as plain rows (for quick `contains` checks in tests).
    func screenText() -> String {
        let grid = render()
        return (0..<grid.height).map { grid.text(ofRow: $0) }.joined(separator: "\n")
    }
}
