import Testing

@testable import CursesTerminal

struct ColorPairsTests {
    /// Records the init_pair calls instead of making them.
    private final class Recorder {
        var calls: [[Int16]] = []
        func initialize(_ number: Int16, _ foreground: Int16, _ background: Int16) -> Bool {
            calls.append([number, foreground, background])
            return true
        }
    }

    @Test func allocatesOnePairPerCombinationOnDemand() {
        var pairs = ColorPairs(colors: 256, pairs: 65536, allowsDefaultColors: true)
        let recorder = Recorder()
        #expect(pairs.pair(foreground: -1, background: -1, initialize: recorder.initialize) == 0)
        #expect(pairs.pair(foreground: 1, background: -1, initialize: recorder.initialize) == 1)
        #expect(pairs.pair(foreground: 200, background: 17, initialize: recorder.initialize) == 2)
        #expect(pairs.pair(foreground: 1, background: -1, initialize: recorder.initialize) == 1)
        #expect(recorder.calls == [[1, 1, -1], [2, 200, 17]])
    }

    @Test func coloursBeyondTheTerminalFallBackToTheDefault() {
        var pairs = ColorPairs(colors: 8, pairs: 64, allowsDefaultColors: true)
        let recorder = Recorder()
        #expect(pairs.pair(foreground: 200, background: 17, initialize: recorder.initialize) == 0)
        #expect(pairs.pair(foreground: 3, background: 17, initialize: recorder.initialize) == 1)
        #expect(recorder.calls == [[1, 3, -1]])
    }

    @Test func withoutDefaultColoursTheDefaultIsWhiteOnBlack() {
        var pairs = ColorPairs(colors: 8, pairs: 64, allowsDefaultColors: false)
        let recorder = Recorder()
        #expect(pairs.pair(foreground: 7, background: -1, initialize: recorder.initialize) == 0)
        #expect(pairs.pair(foreground: 1, background: -1, initialize: recorder.initialize) == 1)
        #expect(recorder.calls == [[1, 1, 0]])
    }

    @Test func runningOutOfPairsGivesPairZero() {
        var pairs = ColorPairs(colors: 8, pairs: 3, allowsDefaultColors: true)
        let recorder = Recorder()
        #expect(pairs.pair(foreground: 1, background: -1, initialize: recorder.initialize) == 1)
        #expect(pairs.pair(foreground: 2, background: -1, initialize: recorder.initialize) == 2)
        #expect(pairs.pair(foreground: 3, background: -1, initialize: recorder.initialize) == 0)
        #expect(pairs.pair(foreground: 4, background: -1) { _, _, _ in false } == 0)
    }
}
