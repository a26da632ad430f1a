import Foundation
import GRDB

/// Reading state (read marks, bookmarks, positions, the last selection, the sort order and the
/// query history) in one SQLite file shared by every folio process of a user.
///
/// Every write is its own short transaction: an upsert under SQLite's write lock. With WAL and a
/// busy timeout, several processes on one file (several SSH sessions) wait for each other instead
/// of failing, and none of their marks is lost. Every failure is a ``ReadingStateError`` whose
/// description is one line for the status bar; nothing here traps.
///
/// A `DatabasePool` rather than a `DatabaseQueue`: it is GRDB's recommended setup for a database
/// shared between processes (it keeps the file in WAL mode and opens every write transaction as
/// `IMMEDIATE`, so two writers queue on the busy timeout instead of failing on a stale snapshot),
/// and the reader's one large read, ``states(corpus:)`` at start, never waits behind a write.
public final class ReadingStateStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens the state file at `path`, creating its folders and the file, and migrating its schema.
    ///
    /// - Throws: ``ReadingStateError`` when the folder cannot be created, the file cannot be opened
    ///   or is not a database, or the schema cannot be migrated.
    public convenience init(path: String) throws(ReadingStateError) {
        try self.init(path: path, options: Options())
    }

    /// Opens the state file with `options`: the designated initialiser, so tests reach the same
    /// code with a read-only connection or a size limit.
    init(path: String, options: Options) throws(ReadingStateError) {
        self.path = path
        if !options.isReadOnly { try StateFolder.createParent(of: path) }
        do {
            pool = try Self.openPool(path: path, options: options)
            if let pages = options.maximumPageCount {
                // On the writer connection only: it is the one that grows the file.
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
            }
        } catch {
            throw ReadingStateError.wrapping(error, operation: .open, path: path)
        }
    }

    /// The default state file: `$XDG_STATE_HOME/folio/state.sqlite`, or
    /// `~/.local/state/folio/state.sqlite` when `XDG_STATE_HOME` is unset, empty or relative
    /// (the XDG Base Directory specification says to ignore a relative one).
    public static func defaultPath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let stateHome = environment["XDG_STATE_HOME"], stateHome.hasPrefix("/") {
            return (stateHome as NSString).appendingPathComponent("folio/state.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/state/folio/state.sqlite")
    }

    /// Runs `body` in one write transaction, turning any failure into a "state not saved" error.
    func write<T>(_ body: (Database) throws -> T) throws(ReadingStateError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw ReadingStateError.wrapping(error, operation: .write, path: path)
        }
    }

    /// Runs `body` in one read transaction, turning any failure into a "state not read" error.
    func read<T>(_ body: (Database) throws -> T) throws(ReadingStateError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw ReadingStateError.wrapping(error, operation: .read, path: path)
        }
    }
}
