import GRDB

/// The database schema, as versioned migrations: a released migration is never edited, a change
/// is a new migration appended here. Migration "vN" ends with `PRAGMA user_version = N` and
/// ``version`` becomes N, so an older folio recognises a file it cannot read.
enum StateSchema {
    /// The schema this folio writes (the file's `user_version`; files made before it hold 0).
    static let version = 2

    /// Keeps the most recent queries of each corpus; older ones are deleted as new ones arrive.
    static let historyCapacity = 1_000

    /// Brings the schema of `writer`'s file up to date, also when other processes open the same
    /// new file at the same moment.
    ///
    /// GRDB's migrator reads which migrations are applied before taking the write lock, so when
    /// two processes create the file together, the second runs "v1" again after the first
    /// committed it and fails ("table article already exists"; seen in 5 of 40 runs of three
    /// `FolioStateStress` on a new file). Running the migrator again re-reads the applied
    /// migrations and skips them; each attempt can only lose to a migration another process
    /// committed, so one attempt per migration suffices. A real failure fails every attempt.
    static func migrate(_ writer: some DatabaseWriter) throws {
        let migrator = migrator
        var attemptsLeft = migrator.migrations.count
        while true {
            do {
                try migrator.migrate(writer)
                return
            } catch  where attemptsLeft > 0 {
                attemptsLeft -= 1
            }
        }
    }

    /// Refuses a file written by a newer folio: a higher `user_version`, or a migration this folio
    /// does not know. Reading it could misread renamed or retyped columns; migrating it could undo
    /// what the newer folio did.
    static func checkNotNewer(_ db: Database) throws {
        let fileVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if fileVersion > version {
            throw NewerSchema(reason: "schema version \(fileVersion); this folio reads up to \(version)")
        }
        if try migrator.hasBeenSuperseded(db) {
            throw NewerSchema(reason: "its schema has changes this folio does not know")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // One row per article with any state, keyed by corpus and article id (not by file
            // contents, so an edited file keeps its marks). A row that returns to "no state" is
            // deleted, so the table only holds articles the user touched.
            try db.execute(
                sql: """
                    CREATE TABLE article (
                        corpus TEXT NOT NULL,
                        id TEXT NOT NULL,
                        isRead BOOLEAN NOT NULL DEFAULT 0,
                        isBookmarked BOOLEAN NOT NULL DEFAULT 0,
                        position INTEGER,
                        PRIMARY KEY (corpus, id)
                    ) WITHOUT ROWID;
                    CREATE TABLE corpus (
                        key TEXT NOT NULL PRIMARY KEY,
                        lastSelected TEXT,
                        sortOrder TEXT
                    ) WITHOUT ROWID;
                    CREATE TABLE history (
                        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                        corpus TEXT NOT NULL,
                        query TEXT NOT NULL,
                        UNIQUE (corpus, query)
                    );
                    CREATE INDEX history_by_corpus ON history (corpus, sequence);
                    """)
        }
        migrator.registerMigration("v2") { db in
            // No change to the tables: the file now says which schema it holds (see `version`).
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        return migrator
    }
}

/// The state file was written by a newer folio.
struct NewerSchema: Error, CustomStringConvertible {
    let reason: String
    var description: String { "written by a newer folio (\(reason))" }
}
