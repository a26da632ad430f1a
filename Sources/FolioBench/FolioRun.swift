import FolioCore

/// What loading and indexing a corpus with folio cost.
struct FolioBuild {
    let store: ArticleStore
    /// Files found: articles plus skipped files.
    let files: Int
    let loadSeconds: Double
    /// Median over the index builds (`ArticleStore.init`: the index plus the sort keys).
    let indexSeconds: Double
    let indexRuns: [Double]
    /// VmHWM right after the first build, before anything else (FTS5) touches memory.
    let peakResidentBytes: Int?
    /// VmRSS after the first build minus VmRSS before loading: the corpus text plus the index.
    let residentGrowthBytes: Int?
}

/// Loads a corpus with FolioCore, timing load and index build separately.
enum FolioRun {
    /// Loads once (file reading is dominated by the page cache after the first time, so repeating
    /// it would measure the cache), then builds the store `builds` times and keeps the first store,
    /// releasing each later one, so peak RSS is read after the first build only.
    static func build(path: String, builds: Int) throws(CorpusError) -> FolioBuild {
        let residentBefore = ProcessMemory.residentBytes
        // `load` times the parallel read/parse and the index build separately in its report.
        let store = try ArticleStore.load(path: path, options: LoadOptions())
        let report = store.report
        let peak = ProcessMemory.peakResidentBytes
        let growth = ProcessMemory.residentBytes.flatMap { after in residentBefore.map { after - $0 } }
        var indexRuns = [store.report.indexSeconds]
        for _ in 1..<max(1, builds) {
            indexRuns.append(ArticleStore(articles: store.articles, report: report, name: store.name).report.indexSeconds)
        }
        return FolioBuild(
            store: store, files: report.articleCount + report.skippedCount, loadSeconds: report.loadSeconds,
            indexSeconds: Stats.median(indexRuns), indexRuns: indexRuns, peakResidentBytes: peak,
            residentGrowthBytes: growth)
    }
}
