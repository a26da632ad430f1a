import FolioCore

/// One keystroke of the replay: the text in the search bar after it.
struct Keystroke: Sendable {
    var query: Int
    var text: String
}

/// One pass over every keystroke of every query: latencies in seconds, in keystroke order.
struct ReplayPass {
    /// Search plus snippets for the top rows: what a user waits for after a key press.
    var total: [Double] = []
    /// The search alone, to tell ranking cost from snippet cost.
    var search: [Double] = []
    var matches = 0
    /// Bytes of snippet text made; reported, and so the optimiser cannot drop the snippet work.
    var snippetBytes = 0
}

/// Replays queries as typed, one character at a time, the way the reader's search bar runs them.
struct QueryReplay {
    let store: ArticleStore
    /// Rows on screen get snippets; the reader computes them for these only (DESIGN.md §4).
    var snippetRows = 20

    /// Every prefix of every query, by Character so a prefix never ends inside "é" or "“".
    static func keystrokes(of queries: [String]) -> [Keystroke] {
        queries.enumerated().flatMap { number, query in
            query.indices.map { Keystroke(query: number, text: String(query[...$0])) }
        }
    }

    func pass(_ keystrokes: [Keystroke]) -> ReplayPass {
        var pass = ReplayPass()
        pass.total.reserveCapacity(keystrokes.count)
        pass.search.reserveCapacity(keystrokes.count)
        for keystroke in keystrokes {
            let clock = Stopwatch()
            let results = store.search(keystroke.text, mode: .incremental)
            let searched = clock.seconds
            for match in results.matches.prefix(snippetRows) {
                pass.snippetBytes &+= store.snippet(for: match.article, in: results).text.utf8.count
            }
            pass.total.append(clock.seconds)
            pass.search.append(searched)
            pass.matches &+= results.matches.count
        }
        return pass
    }
}
