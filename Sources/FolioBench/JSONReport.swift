import Foundation

/// The benchmark's figures as one JSON object (`--json`), for scripts such as
/// `Scripts/compare-peers.sh`: seconds and bytes, unrounded, every run's value rather than medians,
/// so the reader can summarise the same way for every engine it compares.
struct JSONReport: Encodable {
    struct Corpus: Encodable {
        var path: String
        var files: Int
        var articles: Int
        var bytes: Int
        var skipped: Int
    }

    /// One complete query (as typed, top 20, no snippets) and its time in each run.
    struct QueryTiming: Encodable {
        var query: String
        /// The FTS5 MATCH expression it was translated to (FTS5 only).
        var expression: String?
        var seconds: [Double]
    }

    /// A query FTS5 refused, with its message.
    struct Rejection: Encodable {
        var query: String
        var expression: String
        var message: String
    }

    /// One engine's figures. Missing values (nil) are left out of the JSON.
    struct Engine: Encodable {
        /// Reading, decoding and parsing the files, each run (the same folio loader for both engines).
        var loadSeconds: [Double]
        /// Index build from the loaded articles, each run (FTS5: insert in one transaction + optimize).
        var buildSeconds: [Double]
        /// folio: EngineStatistics.indexBytes; FTS5: the in-memory database (index plus its copy of the text).
        var indexBytes: Int
        /// VmHWM of this process after the engine's first build (folio) or at the end (--fts5-only).
        var peakResidentBytes: Int?
        /// folio: VmHWM after loading, and of the index build alone (reset in between).
        var loadPeakResidentBytes: Int? = nil
        var indexPeakResidentBytes: Int? = nil
        /// folio: CPU seconds of all threads during each index build.
        var buildCPUSeconds: [Double]? = nil
        /// VmRSS after the first build minus before it.
        var residentGrowthBytes: Int?
        var queries: [QueryTiming]
        /// Per-keystroke search plus snippets for 20 rows, median over runs of each run's p50 / p99 (folio only).
        var keystrokeP50Seconds: Double?
        var keystrokeP99Seconds: Double?
        /// folio: opening the corpus from its index snapshot, each run, and the snapshot's size.
        var snapshotOpenSeconds: [Double]? = nil
        var snapshotBytes: Int? = nil
    }

    var corpus: Corpus
    var queriesPath: String
    var runs: Int
    var loadAverageStart: String?
    var loadAverageEnd: String?
    var folio: Engine?
    var fts5: Engine?
    var fts5Rejected: [Rejection] = []
    /// Queries with nothing FTS5 can search for (only `date:` filters or only exclusions).
    var fts5Untranslatable: [String] = []

    func render() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

extension JSONReport {
    /// The figures of an ordinary benchmark run (folio, and FTS5 unless --no-fts5).
    init(_ results: BenchmarkResults) {
        let report = results.folio.engine.report
        let comparison = results.comparison
        let pairs = comparison.queries.pairs
        func timings(_ passes: [CompleteQueries.Pass], expressions: Bool) -> [QueryTiming] {
            comparison.exact.enumerated().map { slot, position in
                QueryTiming(
                    query: pairs[position].text, expression: expressions ? pairs[position].exact : nil,
                    seconds: passes.map { $0.exact[slot] })
            }
        }
        let keystrokes = results.replay.map { LatencySummary($0.total) }
        var folio = Engine(
            loadSeconds: results.folio.loadRuns, buildSeconds: results.folio.indexRuns,
            indexBytes: results.folio.engine.statistics.indexBytes, peakResidentBytes: results.folio.peakResidentBytes,
            residentGrowthBytes: results.folio.residentGrowthBytes, queries: timings(comparison.folio, expressions: false),
            keystrokeP50Seconds: Stats.median(keystrokes.map(\.p50)), keystrokeP99Seconds: Stats.median(keystrokes.map(\.p99)),
            snapshotOpenSeconds: results.folio.snapshotOpenRuns, snapshotBytes: results.folio.snapshotBytes)
        folio.loadPeakResidentBytes = results.folio.loadPeakResidentBytes
        folio.indexPeakResidentBytes = results.folio.indexPeakResidentBytes
        folio.buildCPUSeconds = results.folio.indexCPURuns
        // In this mode FTS5 shares the process with folio's engine, so it has no peak RSS of its own.
        let fts5 = comparison.ftsBuild.map { build in
            Engine(
                loadSeconds: [], buildSeconds: [build.insertSeconds + build.optimizeSeconds], indexBytes: build.databaseBytes,
                residentGrowthBytes: build.residentGrowthBytes, queries: timings(comparison.fts, expressions: true))
        }
        self.init(
            corpus: Corpus(
                path: results.path, files: results.folio.files, articles: report.articleCount, bytes: report.bytesRead,
                skipped: report.skippedCount),
            queriesPath: results.queriesPath, runs: results.repeats, loadAverageStart: results.loadBefore,
            loadAverageEnd: results.loadAfter, folio: folio, fts5: fts5,
            fts5Rejected: comparison.rejections.map {
                Rejection(query: $0.query, expression: $0.expression, message: $0.message)
            },
            fts5Untranslatable: comparison.ftsBuild == nil ? [] : comparison.queries.untranslatable)
    }
}
