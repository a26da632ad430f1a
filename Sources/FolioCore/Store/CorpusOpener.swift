import Foundation

/// Opens a corpus folder the fast way: scan the names (stat only), and if the snapshot for exactly
/// these files is in the cache, map it — no file is read and no index is built. Otherwise read and
/// parse the files, and build the index now or leave it to the caller's background thread
/// (`EmbeddedEngine.buildIndexAndSaveSnapshot`), which then saves the snapshot for the next start.
///
/// The reader goes one step further (`openLastSnapshot` + `reopenIfChanged`): it paints from the
/// folder's last snapshot without scanning (a scan stats every file, seconds on a large folder),
/// then scans in the background and swaps in a fresh store only if the folder changed.
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
    /// Where the bodies of files read go when the cache folder cannot take them (no cache, or one
    /// that cannot be written or is in memory): a spill file in the first of these that is on disk
    /// (`TextSpillFile`). Empty: they stay in the heap.
    public var spillFolders: [String]

    public init(
        options: LoadOptions = LoadOptions(), cache: SnapshotCache?, spillFolders: [String] = CorpusOpener.temporaryFolders
    ) {
        self.options = options
        self.cache = cache
        self.spillFolders = spillFolders
    }

    /// `$TMPDIR`, `/tmp` and `/var/tmp`, in that order: where `/tmp` is in memory, `/var/tmp` is
    /// usually on disk.
    public static var temporaryFolders: [String] { temporaryFolders(tmpdir: ProcessInfo.processInfo.environment["TMPDIR"]) }

    static func temporaryFolders(tmpdir: String?) -> [String] {
        var folders: [String] = []
        if let tmpdir, !tmpdir.isEmpty { folders.append(tmpdir) }
        for standard in ["/tmp", "/var/tmp"] where !folders.contains(standard) { folders.append(standard) }
        return folders
    }

    /// `progress(filesRead, files)` is called now and then while files are read (not from a snapshot).
    public func open(
        path: String, indexing: Indexing = .now, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(CorpusError) -> EmbeddedEngine {
        let scan = try FolderScan(path: path, options: options)
        return try open(scan, indexing: indexing, progress: progress)
    }

    /// The store of the folder's last snapshot, whatever state of the folder it was written for,
    /// without looking at the files; nil when there is no cache, no usable snapshot or no such
    /// folder. Only what the list needs is checked before it returns (`SnapshotReader.Check.listFirst`);
    /// its index is ready once the rest is checked (`buildIndex`, on the reader's index thread).
    /// Its `snapshotFingerprint` is what `reopenIfChanged` compares with the folder as it is now.
    public func openLastSnapshot(path: String) -> EmbeddedEngine? {
        guard let cache else { return nil }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        let started = DispatchTime.now()
        let root = Self.realPath(path)
        let file = cache.path(forCorpus: root, options: options)
        guard case .success(let contents) = SnapshotReader.read(path: file, fingerprint: nil, check: .listFirst) else {
            return nil
        }
        var report = contents.report
        report.scanSeconds = 0
        report.snapshotSeconds = started.secondsSince
        report.loadSeconds = report.snapshotSeconds
        return EmbeddedEngine(snapshot: contents, report: report, name: CorpusScanner.displayName(ofFolder: path), path: file)
    }

    /// Scans the folder (stat only, on one core: the reader is searching meanwhile); nil when it is
    /// exactly what `store` was read from (its snapshot, which passed its check, or the files).
    /// Otherwise the corpus as it is now: from a newer snapshot if another process wrote one, else
    /// read and parsed, with the index left to the caller as `indexing` says. For a background thread.
    public func reopenIfChanged(
        _ store: EmbeddedEngine, path: String, indexing: Indexing = .now, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(CorpusError) -> EmbeddedEngine? {
        let scan = try FolderScan(path: path, options: options, usesAllCores: false)
        if let current = store.snapshotFingerprint, current == scan.fingerprint, store.waitForSnapshotCheck() { return nil }
        return try open(scan, indexing: indexing, progress: progress)
    }

    private func open(
        _ scan: FolderScan, indexing: Indexing, progress: (@Sendable (Int, Int) -> Void)?
    ) throws(CorpusError) -> EmbeddedEngine {
        var target: SnapshotTarget?
        if let cache {
            let reading = DispatchTime.now()
            let file = cache.path(forCorpus: scan.root, options: options)
            switch SnapshotReader.read(path: file, fingerprint: scan.fingerprint) {
            case .success(let contents):
                var report = contents.report
                report.loadSeconds = scan.started.secondsSince
                report.scanSeconds = scan.seconds
                report.snapshotSeconds = reading.secondsSince
                return EmbeddedEngine(snapshot: contents, report: report, name: scan.name, path: file)
            case .failure(let problem):
                target = SnapshotTarget(cache: cache, path: file, fingerprint: scan.fingerprint, problem: problem)
            }
        }
        let spill = spillFile(for: target)
        var (articles, report) = try CorpusLoader(options: options).load(
            candidates: scan.candidates, scanReport: scan.report, path: scan.path, spill: spill, progress: progress)
        report.loadSeconds = scan.started.secondsSince
        report.scanSeconds = scan.seconds
        let store = EmbeddedEngine(
            articles: articles, report: report, name: scan.name, indexNow: false, snapshotTarget: target,
            fingerprint: scan.fingerprint)
        if indexing == .now { store.buildIndexAndSaveSnapshot() }
        return store
    }

    /// Where the bodies go (see `TextSpillFile`): a spill file in the cache folder, else in the first
    /// of `spillFolders` that takes one, so that `--no-cache` keeps the text off the heap too; nil
    /// (the heap) when none does.
    private func spillFile(for target: SnapshotTarget?) -> TextSpillFile? {
        if let target, target.cache.prepare() == nil, let file = TextSpillFile.create(in: target.cache.folder) { return file }
        for folder in spillFolders {
            if let file = TextSpillFile.create(in: folder) { return file }
        }
        return nil
    }

    /// The canonical path (symlinks resolved), so two spellings of one folder share a snapshot.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// What a scan of the corpus folder found (names and stat data, no file read) and its fingerprint.
private struct FolderScan {
    let path: String
    let started = DispatchTime.now()
    let candidates: [CorpusScanner.Candidate]
    let report: LoadReport
    let seconds: Double
    let root: String
    let name: String
    let fingerprint: UInt64

    init(path: String, options: LoadOptions, usesAllCores: Bool = true) throws(CorpusError) {
        self.path = path
        var report = LoadReport()
        var scanner = CorpusScanner(options: options)
        scanner.usesAllCores = usesAllCores
        candidates = try scanner.scan(root: path, report: &report)
        self.report = report
        seconds = started.secondsSince
        name = CorpusScanner.displayName(ofFolder: path)
        root = CorpusOpener.realPath(path)
        fingerprint = CorpusFingerprint.of(root: root, candidates: candidates, scanReport: report, options: options)
    }
}
