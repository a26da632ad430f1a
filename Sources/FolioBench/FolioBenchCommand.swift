import ArgumentParser
import FolioCore
import Foundation

/// `folio-bench PATH`: measures folio's load, index build and per-keystroke search on a corpus,
/// side by side with SQLite FTS5 on the same articles and queries.
@main
struct FolioBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio-bench",
        abstract: "Measure folio's load, index and per-keystroke search on a corpus, beside SQLite FTS5.",
        discussion: """
            Run a release build: swift run -c release folio-bench PATH
            A synthetic corpus of any size: python3 Scripts/generate-corpus.py OUT --articles N
            Robustness: --random-queries N [--seed S] runs N seeded random queries instead of the benchmark.
            Large corpora: --from-snapshot opens the folder's last snapshot as the reader does (no load, no
            index build) and replays the keystrokes through the reader's state, rendering each screen.
            For scripts: --json prints the figures as JSON; --json --fts5-only measures FTS5 alone (its own peak RSS).
            Exit status: 0 done, 2 bad path or query file.
            """)

    @Argument(help: "A folder of article files (searched recursively), or one file.")
    var path: String

    @Option(help: ArgumentHelp("Query list, one a line (default: Benchmarks/queries.txt).", valueName: "file"))
    var queries: String?

    @Flag(name: .customLong("no-fts5"), help: "Skip the SQLite FTS5 comparison.")
    var noFTS5 = false

    @Option(name: .customLong("repeat"), help: ArgumentHelp("Runs of each timed phase; medians are reported.", valueName: "n"))
    var repeatCount = 3

    @Flag(help: "Also print each complete query's timings and its FTS5 expression (with --from-snapshot: each keystroke's).")
    var verbose = false

    @Option(
        name: .customLong("random-queries"),
        help: ArgumentHelp(
            "Instead of the benchmark, run n seeded random queries (both modes, with snippets) and print the slowest.",
            valueName: "n"))
    var randomQueries: Int?

    @Option(help: ArgumentHelp("Seed for --random-queries (default 1).", valueName: "s"))
    var seed: UInt64 = 1

    @Flag(help: "Print every figure as one JSON object (each run's value, unrounded) instead of the text report.")
    var json = false

    @Flag(
        name: .customLong("fts5-only"),
        help: "With --json: measure SQLite FTS5 alone (no folio index), so this process's peak RSS is FTS5's.")
    var fts5Only = false

    @Flag(
        name: .customLong("from-snapshot"),
        help: """
            Open PATH from its last index snapshot in $XDG_CACHE_HOME/folio (as the reader does) and replay \
            the keystrokes through the reader's state and screen; nothing else is measured.
            """)
    var fromSnapshot = false

    @Flag(
        name: .customLong("build-only"),
        help: "Only load and index (each --repeat run), and print those figures: no snapshot, keystrokes or queries.")
    var buildOnly = false

    @Option(
        help: ArgumentHelp(
            "With --build-only: then build the index n more times from the articles in memory, and print the fastest and the median.",
            valueName: "n"))
    var rebuilds = 0

    @Option(
        help: ArgumentHelp(
            "Instead of the benchmark, answer queries read from standard input (one a line, complete words): print each one's first n article ids, tab-separated, a line per query (Benchmarks/search-quality.py).",
            valueName: "n"))
    var answer: Int?

    func validate() throws {
        if let answer, answer < 1 { throw ValidationError("--answer must be at least 1") }
        guard repeatCount >= 1 else { throw ValidationError("--repeat must be at least 1") }
        if fts5Only && !json { throw ValidationError("--fts5-only needs --json") }
        if fts5Only && noFTS5 { throw ValidationError("--fts5-only and --no-fts5 exclude each other") }
        if json && randomQueries != nil { throw ValidationError("--json does not apply to --random-queries") }
        if fromSnapshot && (json || fts5Only || randomQueries != nil) {
            throw ValidationError("--from-snapshot does not combine with --json, --fts5-only or --random-queries")
        }
        if rebuilds < 0 || (rebuilds > 0 && !buildOnly) {
            throw ValidationError("--rebuilds needs --build-only and is at least 0")
        }
        if buildOnly && (json || fts5Only || randomQueries != nil) {
            throw ValidationError("--build-only prints text and does not combine with --json, --fts5-only or --random-queries")
        }
        if let randomQueries, randomQueries < 1 { throw ValidationError("--random-queries must be at least 1") }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: path) else { try fail("no such file or folder: \(path)") }
        if let randomQueries { return try runRandomQueries(randomQueries) }
        if let answer { return try runAnswer(answer) }
        if buildOnly { return try runBuildOnly() }
        guard let queriesPath = queries ?? QueryList.defaultPath() else {
            try fail("no query list: pass --queries FILE (Benchmarks/queries.txt was not found)")
        }
        let list: [String]
        do { list = try QueryList.load(queriesPath) } catch { try fail("cannot read the query list \(queriesPath)") }
        guard !list.isEmpty else { try fail("no queries in \(queriesPath)") }
        if fromSnapshot { return try runFromSnapshot(list) }

        if fts5Only {
            let report: JSONReport
            do {
                report = try FTS5OnlyRun(path: path, queriesPath: queriesPath, queries: list, repeats: repeatCount).run()
            } catch let error as CorpusError { try fail(error.description) }
            print(try report.render())
            return
        }
        let benchmark = Benchmark(path: path, queriesPath: queriesPath, queries: list, repeats: repeatCount, includeFTS5: !noFTS5)
        let results: BenchmarkResults
        do { results = try benchmark.run() } catch let error as CorpusError { try fail(error.description) }
        print(json ? try JSONReport(results).render() : Report(results: results, verbose: verbose).render())
    }

    /// `--random-queries N`: load the corpus once, then the seeded queries; the other phases are skipped.
    private func runRandomQueries(_ count: Int) throws {
        let engine: any SearchEngine
        do { engine = try EmbeddedEngine.load(path: path) } catch { try fail(error.description) }
        let run = RandomQueryRun(engine: engine, count: count, seed: seed)
        let results = run.run { done in
            FileHandle.standardError.write(Data("folio-bench: \(Format.count(done)) random queries\n".utf8))
        }
        print(RandomQueryReport(results: results, articles: engine.articleCount).render())
    }

    /// `--answer N`: load the corpus once, then answer standard input's queries a line at a time.
    private func runAnswer(_ count: Int) throws {
        let engine: any SearchEngine
        do { engine = try EmbeddedEngine.load(path: path) } catch { try fail(error.description) }
        engine.prepare()
        var output = ""
        while let line = readLine() {
            let results = engine.search(line, mode: .complete)
            let ids = results.list.matches(in: 0..<count).map { engine.article(at: $0.article).id }
            output += ids.joined(separator: "\t") + "\n"
            if output.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output = ""
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// `--from-snapshot`: the keystrokes on the corpus's last snapshot, through the reader's state.
    private func runFromSnapshot(_ queries: [String]) throws {
        guard let cache = SnapshotCache.standard() else { try fail("no cache folder: set XDG_CACHE_HOME or HOME") }
        let loadBefore = MachineLoad.summary()
        guard let engine = CorpusOpener(cache: cache).openLastSnapshot(path: path) else {
            try fail("no usable snapshot of \(path) in \(cache.folder): open it with folio once to write one")
        }
        let replay = SnapshotReplay(engine: engine)
        let passes = (0..<repeatCount).map { _ in replay.pass(queries) }
        let report = SnapshotReplayReport(
            path: path, engine: engine, keystrokes: QueryReplay.keystrokes(of: queries), passes: passes,
            loadBefore: loadBefore, loadAfter: MachineLoad.summary(), verbose: verbose)
        print(report.render())
    }

    /// `--build-only`: the load and index figures alone (sections 1 and 2 of the report), for work on the build.
    private func runBuildOnly() throws {
        let loadBefore = MachineLoad.summary()
        let build: FolioBuild
        do { build = try FolioRun.build(path: path, runs: repeatCount, withSnapshot: false) } catch {
            try fail(error.description)
        }
        let section = FolioBuildSection(build: build)
        var parts = [section.corpus(), section.render()]
        if rebuilds > 0 {
            let (wall, cpu) = FolioRun.rebuild(build.engine, times: rebuilds)
            func summary(_ values: [Double]) -> String {
                "\(Format.buildMs(values.min() ?? 0)) / \(Format.buildMs(Stats.median(values)))"
            }
            parts.append(
                """
                3. \(rebuilds) index rebuilds from the articles in memory, fastest / median
                  wall ms  \(summary(wall))   (\(Format.mibPerSecond(build.engine.report.bytesRead, wall.min() ?? 0)) at the fastest)
                  CPU ms   \(summary(cpu))
                """)
        }
        print(
            ([
                "folio-bench \(path) --build-only; \(repeatCount) runs, medians reported",
                "load average: \(loadBefore ?? "?") at start, \(MachineLoad.summary() ?? "?") at end"
            ] + parts).joined(separator: "\n\n"))
    }

    /// One line on stderr and exit status 2, as folio does for a bad corpus path.
    private func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("folio-bench: \(message)\n".utf8))
        throw ExitCode(2)
    }
}
