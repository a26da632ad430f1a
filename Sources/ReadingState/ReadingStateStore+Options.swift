import Foundation
import GRDB

extension ReadingStateStore {
    /// How the store opens its file. Only the defaults are public (through `init(path:)`); the
    /// rest lets tests reproduce failures that root cannot get from file permissions.
    struct Options: Sendable {
        /// How long a write waits for another process's write lock before failing as "locked".
        var busyTimeout: TimeInterval = 5
        /// Opens the file read-only, as SQLite does for a user without write permission.
        var isReadOnly = false
        /// Caps the file, once open, at this many pages (SQLite clamps it to the current size):
        /// a full disk.
        var maximumPageCount: Int?

        var configuration: Configuration {
            var configuration = Configuration()
            configuration.label = "ReadingState"
            configuration.readonly = isReadOnly
            configuration.busyMode = .timeout(busyTimeout)
            // Few connections are needed: one large read at start, then single-row writes.
            configuration.maximumReaderCount = 2
            configuration.prepareDatabase { db in
                // In WAL mode NORMAL never corrupts the file; a power cut may lose the last marks,
                // which is a fair price for not syncing the disk on every article opened.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            return configuration
        }
    }
}
