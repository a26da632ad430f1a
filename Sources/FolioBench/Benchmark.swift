import FolioCore

/// Every measurement of one benchmark run, gathered before anything is printed.
struct BenchmarkResults {
    var path: String
    var queriesPath: String
    var queries: [String]
    var repeats: Int
    var folio: FolioBuild
    /// The search bar's text after each replayed keystroke.
    var keystrokes: [String]
    var replay: [ReplayPass]
    var comparison: ComparisonResults
    /// The 1-minute load average when the run started and when it ended.
    var loadBefore: String?
    var loadAfter: String?
}

/// The complete-query comparison: which queries were compared and each side's passes.
struct ComparisonResults {
    var queries: CompleteQueries
    /// Positions in `queries.pairs` compared as typed, and as prefix variants.
    var exact: [Int]
    var prefix: [Int]
    var folio: [CompleteQueries.Pass] = []
    /// Empty with --no-fts5.
    var fts: [CompleteQueries.Pass] = []
    var ftsBuild: FTS5Run?
    var rejections: [CompleteQueries.Rejection] = []
    var overlap: Double?
}

/// Runs the phases in order: folio load and index, keystroke replay, FTS5 build, complete queries.
struct Benchmark {
    var path: String
    var queriesPath: String
    var queries: [String]
    var repeats: Int
    var includeFTS5: Bool

    func run() throws -> BenchmarkResults {
        let loadBefore = MachineLoad.summary()
        // folio first, so its peak RSS is read before SQLite allocates anything.
        let folio = try FolioRun.build(path: path, runs: repeats)
        let keystrokes = QueryReplay.keystrokes(of: queries)
        let replay = QueryReplay(engine: folio.engine)
        let passes = (0..<repeats).map { _ in replay.pass(keystrokes) }
        let comparison = try compare(folio.engine)
        return BenchmarkResults(
            path: path, queriesPath: queriesPath, queries: queries, repeats: repeats, folio: folio,
            keystrokes: keystrokes, replay: passes, comparison: comparison, loadBefore: loadBefore,
            loadAfter: MachineLoad.summary())
    }

    /// Both engines on the same complete queries; each run does folio's pass and then FTS5's.
    private func compare(_ engine: any SearchEngine) throws -> ComparisonResults {
        let queries = CompleteQueries(queries: self.queries)
        guard includeFTS5 else {
            var result = ComparisonResults(
                queries: queries, exact: Array(queries.pairs.indices),
                prefix: queries.pairs.indices.filter { queries.pairs[$0].prefix != nil })
            result.folio = (0..<repeats).map { _ in queries.folioPass(engine, exact: result.exact, prefix: result.prefix).pass }
            return result
        }
        let fts = try FTS5Run.build((0..<engine.articleCount).map(engine.article(at:)))
        let (exact, prefix, rejections) = try queries.triage(fts)
        var result = ComparisonResults(queries: queries, exact: exact, prefix: prefix, ftsBuild: fts, rejections: rejections)
        for run in 0..<repeats {
            let folioPass = queries.folioPass(engine, exact: exact, prefix: prefix)
            let ftsPass = try queries.ftsPass(fts, exact: exact, prefix: prefix)
            result.folio.append(folioPass.pass)
            result.fts.append(ftsPass.pass)
            if run == 0 { result.overlap = CompleteQueries.overlap(Array(folioPass.top.prefix(exact.count)), ftsPass.top) }
        }
        return result
    }
}
