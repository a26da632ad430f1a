import FolioCore

/// `--fts5-only`: SQLite FTS5 alone in this process, fed by folio's loader but with no folio index
/// or keystroke replay, so the process's peak RSS is FTS5's own (plus the loaded article text,
/// which FTS5 is built from) rather than FTS5's on top of folio's store.
struct FTS5OnlyRun {
    var path: String
    var queriesPath: String
    var queries: [String]
    var repeats: Int

    func run() throws -> JSONReport {
        let loadBefore = MachineLoad.summary()
        let (articles, report) = try CorpusLoader(options: LoadOptions()).load(path: path)
        // Each build is released before the next starts, so at most one database is alive; the
        // first build's RSS growth is kept (later builds reuse memory the first one freed).
        var fts: FTS5Run?
        var buildSeconds: [Double] = []
        var firstGrowth: Int?
        for run in 0..<repeats {
            fts = nil
            let build = try FTS5Run.build(articles)
            buildSeconds.append(build.insertSeconds + build.optimizeSeconds)
            if run == 0 { firstGrowth = build.residentGrowthBytes }
            fts = build
        }
        guard let fts else { preconditionFailure("--repeat is validated to be at least 1") }

        let complete = CompleteQueries(queries: queries)
        let (exact, _, rejections) = try complete.triage(fts)
        let passes = try (0..<repeats).map { _ in try complete.ftsPass(fts, exact: exact, prefix: []).pass }
        let timings = exact.enumerated().map { slot, position in
            JSONReport.QueryTiming(
                query: complete.pairs[position].text, expression: complete.pairs[position].exact,
                seconds: passes.map { $0.exact[slot] })
        }
        let engine = JSONReport.Engine(
            loadSeconds: [report.loadSeconds], buildSeconds: buildSeconds, indexBytes: fts.databaseBytes,
            peakResidentBytes: ProcessMemory.peakResidentBytes, residentGrowthBytes: firstGrowth, queries: timings)
        return JSONReport(
            corpus: JSONReport.Corpus(
                path: path, files: report.articleCount + report.skippedCount, articles: report.articleCount,
                bytes: report.bytesRead, skipped: report.skippedCount),
            queriesPath: queriesPath, runs: repeats, loadAverageStart: loadBefore, loadAverageEnd: MachineLoad.summary(),
            fts5: engine,
            fts5Rejected: rejections.map {
                JSONReport.Rejection(query: $0.query, expression: $0.expression, message: $0.message)
            },
            fts5Untranslatable: complete.untranslatable)
    }
}
