import ArgumentParser
import BuiltinCorpus
import FolioCore
import Foundation

/// Options every subcommand shares for choosing and reading a corpus.
struct CorpusOptions: ParsableArguments {
    @Option(
        name: .customLong("max-file-size"),
        help: ArgumentHelp(
            "Skip article files larger than this many MiB.", valueName: "MiB"))
    var maxFileSizeMiB: Int = LoadOptions.defaultMaxFileSize / (1024 * 1024)

    @Flag(
        name: .customLong("no-cache"),
        help: ArgumentHelp(
            "Neither read nor write the index snapshot (also FOLIO_NO_CACHE=1); the corpus is read and indexed from scratch."))
    var noCache = false

    @Flag(
        name: .customLong("follow-links"),
        help: ArgumentHelp(
            "Follow symlinks that lead out of the corpus folder (skipped and counted by default). Never into /proc, /sys or /dev; ignored in restricted mode."
        ))
    var followLinks = false

    /// The snapshot folder to use, or nil when caching is off.
    var cache: SnapshotCache? {
        let variable = ProcessInfo.processInfo.environment["FOLIO_NO_CACHE"] ?? ""
        guard !noCache, variable.isEmpty || variable == "0" else { return nil }
        return SnapshotCache.standard()
    }

    /// How files are read: `followLinks` nil takes the flag (the reader passes what the flag, the
    /// config and restricted mode decide).
    func loadOptions(followLinks: Bool? = nil) -> LoadOptions {
        LoadOptions(maxFileSize: maxFileSizeMiB * 1024 * 1024, followLinks: followLinks ?? self.followLinks)
    }

    /// Loads the corpus at `path`, or the built-in one when there is none; a corpus error becomes exit 2.
    /// `.inBackground` leaves the index to the caller (`SearchEngine.prepare` on another thread).
    func loadEngine(
        path: String?, followLinks: Bool? = nil, indexing: CorpusOpener.Indexing = .now,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> any SearchEngine {
        guard maxFileSizeMiB > 0 else { throw FolioExit.usage("--max-file-size must be at least 1 (MiB)") }
        if let database = XapianCorpus.databasePath(in: path) { return try XapianCorpus.open(database) }
        let options = loadOptions(followLinks: followLinks)
        guard let path else { return Self.builtinEngine(options: options) }
        do {
            return try CorpusOpener(options: options, cache: cache).open(path: path, indexing: indexing, progress: progress)
        } catch {
            throw FolioExit(status: 2, message: error.description)
        }
    }

    /// The reader's open: a folder's last snapshot at once when the cache has one, painted before
    /// the folder is looked at, with the check of the folder (and a re-read if it changed) to start
    /// once the screen is up; otherwise `loadEngine` with the index left to a background thread.
    func openForReader(
        path: String?, followLinks: Bool, progress: @escaping @Sendable (Int, Int) -> Void
    ) throws -> (engine: any SearchEngine, recheck: (() -> CorpusRecheck)?) {
        if let path, maxFileSizeMiB > 0, XapianCorpus.databasePath(in: path) == nil {
            let opener = CorpusOpener(options: loadOptions(followLinks: followLinks), cache: cache)
            if let engine = opener.openLastSnapshot(path: path) {
                return (engine, { CorpusRecheck(engine: engine, path: path, opener: opener) })
            }
        }
        return (try loadEngine(path: path, followLinks: followLinks, indexing: .inBackground, progress: progress), nil)
    }

    static func builtinEngine(options: LoadOptions = LoadOptions()) -> any SearchEngine {
        let documents = BuiltinCorpus.files.map {
            CorpusLoader.Document(id: $0.name, folderName: BuiltinCorpus.name, bytes: $0.bytes)
        }
        return EmbeddedEngine.load(documents: documents, name: BuiltinCorpus.name, options: options)
    }
}

/// The output formats of `list` and `search`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, tsv, json
}

extension ListOrder: ExpressibleByArgument {}
