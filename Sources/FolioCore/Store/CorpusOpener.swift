import Foundation

/// Opens a corpus folder the fast way: scan the names (stat only), and if the snapshot for exactly
/// these files is in the cache, map it — no file is read and no index is built. Otherwise read and
/// parse the files, and build the index now or leave it to the caller's background thread
/// (`ArticleStore.buildIndexAndSaveSnapshot`), which then saves the snapshot for the next start.
public struct CorpusOpener: Sendable {
    public enum Indexing: Sendable {
        /// Build the index before returning (the CLI, benchmarks).
        case now
        /// Return as soon as the articles are loaded (the reader paints, then builds).
        case inBackground
    }

    public var options: LoadOptions
    /// nil: never read or write a snapshot.
    public var cache: SnapshotCache?

    public init(options: LoadOptions = LoadOptions(), cache: SnapshotCache?) {
        self.options = options
        self.cache = cache
    }

    /// `progress(filesRead, files)` is called now and then while files are read (not from a snapshot).
    public func open(
        path: String, indexing: Indexing = .now, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(CorpusError) -> ArticleStore {
        let started = DispatchTime.now()
        var scanReport = LoadReport()
        let candidates = try CorpusScanner(options: options).scan(root: path, report: &scanReport)
        let name = CorpusScanner.displayName(ofFolder: path)
        let scanSeconds = started.secondsSince
        var target: SnapshotTarget?
        if let cache {
            let reading = DispatchTime.now()
            let root = Self.realPath(path)
            let fingerprint = CorpusFingerprint.of(root: root, candidates: candidates, scanReport: scanReport, options: options)
            let file = cache.path(forCorpus: root, options: options)
            switch SnapshotReader.read(path: file, fingerprint: fingerprint) {
            case .success(let contents):
                var report = contents.report
                report.loadSeconds = started.secondsSince
                report.scanSeconds = scanSeconds
                report.snapshotSeconds = reading.secondsSince
                return ArticleStore(snapshot: contents, report: report, name: name, path: file)
            case .failure(let problem):
                target = SnapshotTarget(cache: cache, path: file, fingerprint: fingerprint, problem: problem)
            }
        }
        var (articles, report) = try CorpusLoader(options: options).load(
            candidates: candidates, scanReport: scanReport, path: path, progress: progress)
        report.loadSeconds = started.secondsSince
        report.scanSeconds = scanSeconds
        let store = ArticleStore(articles: articles, report: report, name: name, indexNow: false, snapshotTarget: target)
        if indexing == .now { store.buildIndexAndSaveSnapshot() }
        return store
    }

    /// The canonical path (symlinks resolved), so two spellings of one folder share a snapshot.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
