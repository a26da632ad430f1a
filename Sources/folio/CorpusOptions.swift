import ArgumentParser
import BuiltinCorpus
import FolioConfig
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

    @Option(
        name: .customLong("field"),
        help: ArgumentHelp(
            "In JSON Lines and CSV files, read field NAME as the article's ROLE (title, body, date, url, author or source); repeatable, e.g. --field title=headline --field body=story.",
            valueName: "ROLE=NAME"))
    var fields: [String] = []

    /// The field names of `--field`, after those of the config's `[fields]` table (`configured`):
    /// the flag's are tried first.
    func fieldNames(configured: [String: String] = [:]) throws -> FieldNames {
        var names = FieldNames()
        for mapping in fields {
            if let problem = names.add(mapping: mapping) { throw FolioExit.usage("--field: \(problem)") }
        }
        for (role, name) in configured.sorted(by: { $0.key < $1.key }) {
            _ = names.add(mapping: role + "=" + name)
        }
        return names
    }

    /// The snapshot folder to use, or nil when caching is off.
    var cache: SnapshotCache? {
        let variable = ProcessInfo.processInfo.environment["FOLIO_NO_CACHE"] ?? ""
        guard !noCache, variable.isEmpty || variable == "0" else { return nil }
        return SnapshotCache.standard()
    }

    /// How files are read: `followLinks` nil takes the flag (the reader passes what the flag, the
    /// config and restricted mode decide).
    /// `fieldNames` nil: `--field` and the `[fields]` table of the default config file.
    func loadOptions(followLinks: Bool? = nil, fieldNames: FieldNames? = nil) -> LoadOptions {
        LoadOptions(
            maxFileSize: maxFileSizeMiB * 1024 * 1024, followLinks: followLinks ?? self.followLinks,
            fieldNames: fieldNames ?? (try? self.fieldNames(configured: Self.configuredFields())) ?? FieldNames())
    }

    /// The `[fields]` table of the default config file (its other problems are the reader's to report).
    static func configuredFields() -> [String: String] {
        ConfigLoader.load(path: ConfigLoader.defaultPath(), mustExist: false).0.fields
    }

    func validate() throws { _ = try fieldNames() }

    /// Loads the corpus at `path`, or the built-in one when there is none; a corpus error becomes exit 2.
    /// `.inBackground` leaves the index to the caller (`SearchEngine.prepare` on another thread).
    func loadEngine(
        path: String?, followLinks: Bool? = nil, fieldNames: FieldNames? = nil, indexing: CorpusOpener.Indexing = .now,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> any SearchEngine {
        guard maxFileSizeMiB > 0 else { throw FolioExit.usage("--max-file-size must be at least 1 (MiB)") }
        let options = loadOptions(followLinks: followLinks, fieldNames: fieldNames)
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
    /// For a folder or file (not the built-in articles) also how to read it again (`ReloadSource`).
    func openForReader(
        path: String?, followLinks: Bool, fieldNames: FieldNames, progress: @escaping @Sendable (Int, Int) -> Void
    ) throws -> (engine: any SearchEngine, checkAtStart: Bool, reload: ReloadSource?) {
        func load() throws -> any SearchEngine {
            try loadEngine(
                path: path, followLinks: followLinks, fieldNames: fieldNames, indexing: .inBackground, progress: progress)
        }
        guard let path, maxFileSizeMiB > 0 else { return (try load(), false, nil) }
        let opener = CorpusOpener(options: loadOptions(followLinks: followLinks, fieldNames: fieldNames), cache: cache)
        let reload = ReloadSource(path: path, opener: opener)
        if let engine = opener.openLastSnapshot(path: path) { return (engine, true, reload) }
        return (try load(), false, reload)
    }

    static func builtinEngine(options: LoadOptions = LoadOptions()) -> any SearchEngine {
        let documents = BuiltinCorpus.files.map {
            CorpusLoader.Document(id: $0.name, folderName: BuiltinCorpus.name, bytes: $0.bytes)
        }
        return EmbeddedEngine.load(documents: documents, name: BuiltinCorpus.name, options: options)
    }
}

/// How the reader reads its corpus folder again: on the reload key, when the folder watch sees a
/// change, and after painting from the folder's last snapshot (Documentation/architecture.md §4).
struct ReloadSource: Sendable {
    let path: String
    let opener: CorpusOpener

    /// Starts checking the folder against what `engine` was read from; nil for an engine not
    /// opened from it (EmbeddedEngine is the only one the opener makes).
    func recheck(_ engine: any SearchEngine) -> CorpusRecheck? {
        CorpusRecheck(engine: engine, path: path, opener: opener)
    }

    /// Whether the path is a folder (a single file is not watched).
    var isFolder: Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

/// The output formats of `list` and `search`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, tsv, json
}

extension ListOrder: ExpressibleByArgument {}
