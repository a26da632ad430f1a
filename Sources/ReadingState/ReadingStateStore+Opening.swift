import Foundation
import GRDB

extension ReadingStateStore {
    /// Opens the pool, refuses a file of a newer folio, and migrates the schema, waiting out other
    /// processes that open the same new file at the same moment.
    ///
    /// Switching a new file to WAL (`PRAGMA journal_mode = WAL`, run by `DatabasePool`) needs an
    /// exclusive lock and fails at once with "database is locked" when another process holds any
    /// lock: SQLite does not call the busy handler there. Measured: 37 of 150 pairs of
    /// `FolioStateStress` started together on a new file failed so. Retrying until the busy
    /// timeout, as the busy handler would have waited, makes them all succeed.
    static func openPool(path: String, options: Options) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(options.busyTimeout)
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: options.configuration)
                try pool.read(StateSchema.checkNotNewer)
                // A read-only connection cannot migrate; it reads whatever schema is there.
                if !options.isReadOnly { try StateSchema.migrate(pool) }
                return pool
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }
}
