import Testing

@testable import folio

/// When the run loop draws: a key that starts a search waits up to a frame for the results.
@Suite struct DeferredFrameTests {
    static let deferral = DeferredFrame.searchDeferral

    /// The run loop's questions, in order, and whether each one drew.
    static func draws(_ steps: [(changed: Bool, isSearching: Bool, now: UInt64)]) -> [Bool] {
        var frame = DeferredFrame()
        return steps.map { frame.isDue(changed: $0.changed, isSearching: $0.isSearching, now: $0.now) }
    }

    @Test func withoutASearchEveryChangeIsDrawnAtOnce() {
        #expect(Self.draws([(true, false, 0), (false, false, 1)]) == [true, false])
    }

    @Test func resultsWithinAFrameAreDrawnOnceWithTheKey() {
        let steps: [(Bool, Bool, UInt64)] = [
            (true, true, 0),  // the key: held back
            (false, true, Self.deferral / 2),
            (true, false, Self.deferral / 2 + 1),  // the results, with the key
            (false, false, Self.deferral)
        ]
        #expect(Self.draws(steps) == [false, false, true, false])
    }

    @Test func aSlowSearchShowsTheKeyAfterAFrame() {
        let steps: [(Bool, Bool, UInt64)] = [
            (true, true, 0),
            (true, true, Self.deferral - 1),  // another key: the same deadline
            (false, true, Self.deferral),  // drawn: the keys and "searching…"
            (false, true, Self.deferral + 1),  // nothing new
            (true, false, 3 * Self.deferral)  // the results, drawn at once
        ]
        #expect(Self.draws(steps) == [false, false, true, false, true])
    }

    /// The query was cleared while a change was held back: no search runs any more, and it shows.
    @Test func aChangeHeldBackWhenTheSearchIsDroppedIsStillDrawn() {
        #expect(Self.draws([(true, true, 0), (false, false, 1)]) == [false, true])
    }
}
