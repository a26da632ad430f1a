import FolioCore

/// One pass over every keystroke of every query: latencies in seconds, in keystroke order.
struct ReplayPass {
    /// Search plus snippets for the top rows: what a user waits for after a key press.
    var total: [Double] = []
    /// The search alone, to tell ranking cost from snippet cost.
    var search: [Double] = []
    /// Search plus snippets in this thread's CPU time, robust to other processes' load.
    var cpu: [Double] = []
    var matches = 0
    /// Each keystroke's match count (the snapshot replay's verbose listing).
    var perKeystrokeMatches: [Int] = []
    /// Bytes of snippet text made; reported, and so the optimiser cannot drop the snippet work.
    var snippetBytes = 0
}

/// Replays queries as typed, one character at a time, the way the reader's search bar runs them.
struct QueryReplay {
    let engine: any SearchEngine
    /// Rows on screen get snippets; the reader computes them for these only (Documentation/architecture.md §6).
    var snippetRows = 20

    /// The search bar's text after each keystroke: every prefix of every query, by Character so
    /// a prefix never ends inside "é" or "“".
    static func keystrokes(of queries: [String]) -> [String] {
        queries.flatMap { query in query.indices.map { String(query[...$0]) } }
    }

    func pass(_ keystrokes: [String]) -> ReplayPass {
        var pass = ReplayPass()
        pass.total.reserveCapacity(keystrokes.count)
        pass.search.reserveCapacity(keystrokes.count)
        pass.cpu.reserveCapacity(keystrokes.count)
        for text in keystrokes {
            let cpuClock = ThreadCPUStopwatch()
            let clock = Stopwatch()
            let results = engine.search(text, mode: .incremental)
            let searched = clock.seconds
            let shown = results.list.matches(in: 0..<snippetRows).map(\.article)
            for hits in engine.rowHits(of: shown, in: results, snippetLength: 160) {
                pass.snippetBytes &+= hits.snippet.text.utf8.count
            }
            pass.total.append(clock.seconds)
            pass.cpu.append(cpuClock.seconds)
            pass.search.append(searched)
            pass.matches &+= results.list.count
        }
        return pass
    }
}
