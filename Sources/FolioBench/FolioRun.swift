import FolioCore
import Foundation

/// What loading and indexing a corpus with folio cost.
struct FolioBuild {
    let engine: any SearchEngine
    /// Files found: articles plus skipped files.
    let files: Int
    /// Each run's parallel read and parse, then each run's index build.
    let loadRuns: [Double]
    let indexRuns: [Double]
    /// VmHWM right after the first build, before anything else (FTS5, later runs) touches memory.
    let peakResidentBytes: Int?
    /// VmHWM after the first load, before the index build (reading and parsing the files).
    let loadPeakResidentBytes: Int?
    /// VmHWM of the first index build alone (reset after loading); nil where it cannot be reset.
    let indexPeakResidentBytes: Int?
    /// CPU seconds of all threads during each index build: less sensitive than wall time to other
    /// work on a shared machine.
    let indexCPURuns: [Double]
    /// VmRSS after the first build minus VmRSS before loading: the corpus text plus the index.
    let residentGrowthBytes: Int?
    /// Opening the corpus from its index snapshot (scan + fingerprint + map + checksum), each run;
    /// empty when the snapshot could not be written.
    var snapshotOpenRuns: [Double] = []
    var snapshotBytes: Int?

    var loadSeconds: Double { Stats.median(loadRuns) }
    var indexSeconds: Double { Stats.median(indexRuns) }
    var indexCPUSeconds: Double { Stats.median(indexCPURuns) }
}

/// Loads and indexes a corpus with FolioCore, timing load and index build separately.
enum FolioRun {
    /// Loads and builds `runs` times, keeping the first store. The first load finds the page cache
    /// as it is (cold after a reboot or a large write: ~10 times slower here), the later ones warm;
    /// the median of three is then the warm cost, and every run is printed.
    static func build(path: String, runs: Int, withSnapshot: Bool = true) throws(CorpusError) -> FolioBuild {
        let residentBefore = ProcessMemory.residentBytes
        var loadPeak: Int?
        var isPeakReset = false
        // Loaded first and indexed after, as the reader does, so the two phases' peaks are told apart;
        // the engine's report times the parallel read/parse and the index build separately.
        let (engine, firstCPU) = try loadAndIndex(path: path) {
            loadPeak = ProcessMemory.peakResidentBytes
            isPeakReset = ProcessMemory.resetPeak()
        }
        let indexPeak = isPeakReset ? ProcessMemory.peakResidentBytes : nil
        let peak = [loadPeak, indexPeak].compactMap { $0 }.max()
        let growth = ProcessMemory.residentBytes.flatMap { after in residentBefore.map { after - $0 } }
        var loadRuns = [engine.report.loadSeconds]
        var indexRuns = [engine.report.indexSeconds]
        var indexCPURuns = [firstCPU]
        for _ in 1..<max(1, runs) {
            // Each later engine is released before the next is loaded, so at most two are alive.
            let (later, cpu) = try loadAndIndex(path: path) {}
            loadRuns.append(later.report.loadSeconds)
            indexRuns.append(later.report.indexSeconds)
            indexCPURuns.append(cpu)
        }
        let report = engine.report
        var build = FolioBuild(
            engine: engine, files: report.articleCount + report.skippedCount, loadRuns: loadRuns, indexRuns: indexRuns,
            peakResidentBytes: peak, loadPeakResidentBytes: loadPeak, indexPeakResidentBytes: indexPeak,
            indexCPURuns: indexCPURuns, residentGrowthBytes: growth)
        if withSnapshot { (build.snapshotOpenRuns, build.snapshotBytes) = try snapshotRuns(path: path, runs: runs) }
        return build
    }

    /// Builds the index of `engine`'s articles `times` more times, without reading the files again:
    /// many runs in little time, for the minimum, the figure least disturbed by other work on the
    /// machine. Returns each build's wall and CPU seconds.
    static func rebuild(_ engine: any SearchEngine, times: Int) -> (wall: [Double], cpu: [Double]) {
        let articles = (0..<engine.articleCount).map(engine.article(at:))
        var wall: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<times {
            let cpuBefore = ProcessMemory.cpuSeconds
            let rebuilt = EmbeddedEngine(articles: articles, name: engine.name)
            cpu.append(ProcessMemory.cpuSeconds - cpuBefore)
            wall.append(rebuilt.report.indexSeconds)
        }
        return (wall, cpu)
    }

    /// Loads the corpus (no snapshot), calls `betweenPhases`, then builds the index on all cores;
    /// returns the engine and the CPU seconds the build took.
    /// The cache is a throwaway folder, as in `snapshotRuns`: no snapshot is read or written here, but
    /// the bodies go to a spill file in it as they do in the reader (`TextSpillFile`).
    private static func loadAndIndex(path: String, betweenPhases: () -> Void) throws(CorpusError) -> (EmbeddedEngine, Double) {
        let folder = throwawayCacheFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let engine = try CorpusOpener(cache: SnapshotCache(folder: folder)).open(path: path, indexing: .inBackground)
        betweenPhases()
        let cpuBefore = ProcessMemory.cpuSeconds
        engine.buildIndex()
        return (engine, ProcessMemory.cpuSeconds - cpuBefore)
    }

    /// Writes the corpus's snapshot into a throwaway cache folder, then opens the corpus from it
    /// `runs` times, as folio does at start (the list of files, the fingerprint, mapping and checksum).
    private static func snapshotRuns(path: String, runs: Int) throws(CorpusError) -> ([Double], Int?) {
        let folder = throwawayCacheFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let opener = CorpusOpener(cache: SnapshotCache(folder: folder))
        guard case .saved(let file, _) = try opener.open(path: path).snapshotStatus else { return ([], nil) }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
        var seconds: [Double] = []
        for _ in 0..<max(1, runs) {
            let engine = try opener.open(path: path)
            guard case .loaded = engine.snapshotStatus else { return ([], size) }
            seconds.append(engine.report.loadSeconds)
        }
        return (seconds, size)
    }

    /// A folder of this process's own for snapshots and spill files, removed by the caller: in the
    /// user's cache folder (on disk, as the reader's is) when there is one, else the temporary folder.
    private static func throwawayCacheFolder() -> String {
        let parent = SnapshotCache.standard()?.folder ?? FileManager.default.temporaryDirectory.path
        return parent + "/folio-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }
}
