import FolioCore
import FolioXapian
import Foundation

/// A corpus path of the form `xapian:PATH` (Documentation/architecture.md §9): a Xapian database
/// folder, a folder `folio index --xapian` wrote, or a stub file of shards. Accepted wherever a
/// corpus path is (the reader, `list`, `search`, `show`, `stats`, the config's `corpus`).
enum XapianCorpus {
    /// The database path of a `xapian:` corpus path; nil for any other path.
    static func databasePath(in corpusPath: String?) -> String? {
        guard let corpusPath, corpusPath.hasPrefix(XapianEngine.scheme) else { return nil }
        let path = String(corpusPath.dropFirst(XapianEngine.scheme.count))
        // The shell expands no ~ after "xapian:".
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            return home + path.dropFirst()
        }
        return path
    }

    /// The engine over the database; one line and exit status 2 when it cannot be opened (not
    /// built with Xapian, no such database, a shard that refuses, a newer or damaged database).
    static func open(_ path: String) throws -> any SearchEngine {
        guard !path.isEmpty else { throw FolioExit.usage("xapian: needs a database folder or stub file (xapian:PATH)") }
        do {
            return try XapianEngine(path: path)
        } catch {
            throw FolioExit(status: 2, message: error.description)
        }
    }

    /// The path the reading state is kept under: the database's own, so marks follow it.
    static func stateRoot(of corpusPath: String?) -> String? {
        guard let corpusPath else { return nil }
        let path = databasePath(in: corpusPath) ?? corpusPath
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
