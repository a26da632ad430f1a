import Foundation

/// The folder holding index snapshots: `$XDG_CACHE_HOME/folio`, else `~/.cache/folio`. One file per
/// corpus (named from its real path and the load options), replaced whole when the corpus changes.
public struct SnapshotCache: Sendable {
    public var folder: String

    public init(folder: String) { self.folder = folder }

    /// The standard place for this user, or nil when neither XDG_CACHE_HOME nor HOME is set.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> SnapshotCache? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return SnapshotCache(folder: cache + "/folio") }
        if let home = environment["HOME"], !home.isEmpty { return SnapshotCache(folder: home + "/.cache/folio") }
        return nil
    }

    /// The snapshot file for the corpus at `realPath` read with `options`.
    func path(forCorpus realPath: String, options: LoadOptions) -> String {
        var hasher = FingerprintHasher()
        hasher.combine(realPath)
        hasher.combine(options.maxFileSize)
        for fileExtension in options.articleExtensions.sorted() { hasher.combine(fileExtension) }
        // Only when set, so that the snapshots of earlier versions keep their names.
        if options.followLinks { hasher.combine("follow-links") }
        let name = String(hasher.finalize(), radix: 16)
        return folder + "/" + String(repeating: "0", count: 16 - name.count) + name + ".snapshot"
    }

    /// Creates the folder (and its parents) readable by this user only; nil, or the reason it failed
    /// or is not to be written in (`SnapshotTrust`: another user's, or writable by others).
    func prepare() -> String? {
        var path = ""
        for component in folder.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + component
            if mkdir(path, 0o700) != 0 && errno != EEXIST { return "cannot create \(path): \(String(cString: strerror(errno)))" }
        }
        var info = stat()
        if stat(folder, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR { return "cannot create \(folder): a file is in the way" }
        if let problem = trustProblem() { return problem.description }
        removeAbandonedFiles()
        return nil
    }

    /// Why the folder is not to be trusted (nothing in it is then read or written); nil when it is,
    /// or does not exist yet.
    func trustProblem() -> SnapshotProblem? { SnapshotTrust.folderProblem(folder) }

    /// A writer killed mid-write (or a reader quit while its snapshot was being written) leaves a
    /// `.tmp-` file; remove those older than an hour (a younger one may be another process's, in use).
    func removeAbandonedFiles(olderThan seconds: Int = 3600) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let now = time(nil)
        for name in names where name.contains(".snapshot.tmp-") {
            var info = stat()
            let path = folder + "/" + name
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, now - info.st_mtim.tv_sec > seconds { unlink(path) }
        }
    }
}

/// How a store relates to its snapshot, for `folio stats` and tests.
public enum SnapshotStatus: Sendable, Equatable, CustomStringConvertible {
    /// No cache (the built-in corpus, `--no-cache`, or no cache folder).
    case off
    /// Read from this file.
    case loaded(String)
    /// Not usable (why); rebuilt and to be written to the file once the index is built.
    case pending(String, because: SnapshotProblem)
    /// Written to this file after the build.
    case saved(String, because: SnapshotProblem)
    /// Could not be written (why); folio works the same, only the next start builds again.
    case unsaved(String)
    /// Painted from this file, whose text or index then failed the check behind the list (why): the
    /// index was built from the articles instead (the reader then reads the folder again).
    case damaged(String, because: SnapshotProblem)
    /// The cache folder is not to be trusted (why): nothing read from it or written to it; the index
    /// is built in memory.
    case ignored(because: SnapshotProblem)

    public var description: String {
        switch self {
        case .off: "off"
        case .loaded(let path): "loaded from \(path)"
        case .pending(let path, let problem): "building (\(problem)); will be saved to \(path)"
        case .saved(let path, let problem): "rebuilt (\(problem)) and saved to \(path)"
        case .unsaved(let why): "not saved: \(why)"
        case .damaged(let path, let problem): "\(path) failed its check after opening (\(problem)); index rebuilt"
        case .ignored(let problem): "not used (\(problem)); index built in memory, not saved"
        }
    }

    /// A line for the reader's status bar when the snapshot was refused as not to be trusted (a
    /// planted snapshot is worth knowing about); nil otherwise.
    public var notice: String? {
        switch self {
        case .ignored(let problem), .pending(_, let problem), .saved(_, let problem):
            switch problem {
            case .untrusted, .untrustedFolder: "\(problem); not used"
            default: nil
            }
        default: nil
        }
    }
}

extension SnapshotTarget {
    /// False when the cache folder is not to be trusted: nothing is then written in it.
    var saves: Bool {
        if case .untrustedFolder = problem { return false }
        return true
    }

    var initialStatus: SnapshotStatus { saves ? .pending(path, because: problem) : .ignored(because: problem) }
}
