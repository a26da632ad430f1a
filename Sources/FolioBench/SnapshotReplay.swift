import FolioCore
import FolioUI
import Foundation
import TerminalCore

/// `--from-snapshot`: the reader's own keystroke path on a corpus opened from its last snapshot, the
/// way `folio PATH` opens it (`CorpusOpener.openLastSnapshot`: no folder scan, no index build, so a
/// million articles are ready in about a second where loading the folder takes minutes).
///
/// Each keystroke goes through the reader's state: the typed character reduced into the search bar,
/// the query run as the background search runs it, its results reduced into the list and the reading
/// pane, and the screen rendered into a grid: everything between a key and ncurses but ncurses.
struct SnapshotReplay {
    let engine: any SearchEngine
    /// The pty harness's terminal (`Benchmarks/peers/typing_latency.py`): list above, reader below.
    var width = 100
    var height = 30

    /// One pass over every query, each typed from an empty search bar.
    func pass(_ queries: [String]) -> ReplayPass {
        var pass = ReplayPass()
        var state = AppState(engine: engine, width: width, height: height)
        _ = reduce(&state, .resize(width: width, height: height))
        _ = reduce(&state, .command(.focusSearch))
        for query in queries {
            _ = reduce(&state, .command(.clearLine))  // untimed: the full listing, not a keystroke
            for character in query {
                let cpuClock = ThreadCPUStopwatch()
                let clock = Stopwatch()
                var searched = 0.0
                var matches = 0
                for effect in reduce(&state, .insert(character)) {
                    guard case .search(let text, let sort, let generation) = effect else { continue }
                    let searchClock = Stopwatch()
                    // As `BackgroundSearch` runs it on its queue.
                    let results = engine.search(QueryParser.parse(text, mode: .incremental), sort: sort)
                    searched += searchClock.seconds
                    pass.matches &+= results.list.count
                    matches = results.list.count
                    _ = reduce(&state, .searchFinished(generation: generation, results: results))
                }
                let grid = Screen.render(state)
                pass.total.append(clock.seconds)
                pass.cpu.append(cpuClock.seconds)
                pass.search.append(searched)
                pass.perKeystrokeMatches.append(matches)
                // Reported, and so the optimiser cannot drop the rendering.
                pass.snippetBytes &+= grid.width * grid.height
            }
        }
        return pass
    }
}

/// Prints the snapshot replay: per-keystroke figures, medians over the runs, and the slowest keys.
struct SnapshotReplayReport {
    var path: String
    var engine: any SearchEngine
    var keystrokes: [String]
    var passes: [ReplayPass]
    var loadBefore: String?
    var loadAfter: String?
    /// Also list every keystroke's median time and match count.
    var verbose = false

    func render() -> String {
        let total = passes.map { LatencySummary($0.total) }
        let search = passes.map { LatencySummary($0.search) }
        let cpu = passes.map { LatencySummary($0.cpu) }
        var table = TextTable(headers: ["ms"] + total.indices.map { "run \($0 + 1)" } + ["median"])
        func add(_ label: String, _ values: [Double]) {
            table.rows.append([label] + values.map(Format.ms) + [Format.ms(Stats.median(values))])
        }
        add("key → grid p50", total.map(\.p50))
        add("key → grid p90", total.map(\.p90))
        add("key → grid p99", total.map(\.p99))
        add("key → grid max", total.map(\.max))
        add("search only p50", search.map(\.p50))
        add("search only p99", search.map(\.p99))
        add("thread CPU p50", cpu.map(\.p50))
        add("thread CPU p99", cpu.map(\.p99))
        let steps = max(1, keystrokes.count)
        let meanMatches = Stats.median(passes.map { Double($0.matches) / Double(steps) })
        var slowest = TextTable("", "")
        slowest.textColumns = [1]
        slowest.indent = "    "
        let medians = keystrokes.indices.map { position in (position, Stats.median(passes.map { $0.total[position] })) }
        for (position, seconds) in medians.sorted(by: { $0.1 > $1.1 }).prefix(5) {
            slowest.add(Format.ms(seconds), "\"\(keystrokes[position])\"")
        }
        var perKeystroke: [String] = []
        if verbose {
            var table = TextTable("ms", "search ms", "matches", "search bar")
            table.textColumns = [3]
            for (position, text) in keystrokes.enumerated() {
                table.add(
                    Format.ms(medians[position].1), Format.ms(Stats.median(passes.map { $0.search[position] })),
                    Format.count(passes[0].perKeystrokeMatches[position]), "\"\(text)\"")
            }
            perKeystroke = ["", "Every keystroke (median over runs):", table.render()]
        }
        return [
            "folio-bench --from-snapshot \(path)",
            "\(Format.count(engine.articleCount)) articles, opened from the snapshot in "
                + "\(Format.buildMs(engine.report.loadSeconds)) ms; \(Format.count(keystrokes.count)) keystrokes a run, "
                + "\(passes.count) runs, medians reported",
            "load average: \(loadBefore ?? "?") at start, \(loadAfter ?? "?") at end",
            "",
            "Per keystroke, as the reader does it at 100x30: the key reduced, the incremental search, its",
            "results reduced into the list and reading pane, the screen rendered (all but ncurses)",
            table.render(),
            "  mean matches per keystroke: \(Format.count(Int(meanMatches.rounded())))",
            "  5 slowest keystrokes (median ms over runs):",
            slowest.render()
        ].joined(separator: "\n") + perKeystroke.joined(separator: "\n")
    }
}
