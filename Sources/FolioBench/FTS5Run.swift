import FolioCore
import GRDB

/// The same articles in an SQLite FTS5 table, for a side-by-side comparison with folio's index.
///
/// In memory, like folio's index. The tokenizer is the closest SQLite has to folio's text folding:
/// Porter stemming over unicode61 with diacritics removed (`remove_diacritics 2` also folds
/// diacritics of code points that 1 leaves alone).
struct FTS5Run {
    let database: DatabaseQueue
    /// Inserting every article in one transaction (FTS5 builds its segments as rows arrive).
    let insertSeconds: Double
    /// Merging the segments into one b-tree ('optimize'), FTS5's best shape for queries, as
    /// folio's index is built whole; reported separately because an application may skip it.
    let optimizeSeconds: Double
    /// page_count × page_size: the FTS5 index plus its copy of the text (the content table).
    let databaseBytes: Int
    /// VmRSS after the build minus before it.
    let residentGrowthBytes: Int?

    static let tokenizer = "porter unicode61 remove_diacritics 2"
    /// bm25 weights in column order (title, body): a title hit counts 4 times, as in folio.
    static let searchSQL = "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 4.0, 1.0) LIMIT 20"

    /// Builds the table; rowid is the article's position + 1 (rowid 0 is legal but unusual).
    static func build(_ articles: [Article]) throws -> FTS5Run {
        let residentBefore = ProcessMemory.residentBytes
        let database = try DatabaseQueue()
        let insertClock = Stopwatch()
        try database.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = '\(tokenizer)')")
            let insert = try db.makeStatement(sql: "INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)")
            for (position, article) in articles.enumerated() {
                try insert.execute(arguments: [position + 1, article.title, article.body])
            }
        }
        let insertSeconds = insertClock.seconds
        let optimizeClock = Stopwatch()
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO t(t) VALUES('optimize')")
        }
        let optimizeSeconds = optimizeClock.seconds
        let bytes = try database.read { db in
            try (Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0) * (Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
        }
        let growth = ProcessMemory.residentBytes.flatMap { after in residentBefore.map { after - $0 } }
        return FTS5Run(
            database: database, insertSeconds: insertSeconds, optimizeSeconds: optimizeSeconds,
            databaseBytes: bytes, residentGrowthBytes: growth)
    }

    /// The outcome of one MATCH: the top 20 article positions, or FTS5's error message.
    enum Answer {
        case rows([Int], seconds: Double)
        case rejected(String)
    }

    /// Runs each expression once, timing each inside one database access so the queue's dispatch
    /// is not counted. A query FTS5 rejects is reported, never thrown.
    func answer(_ expressions: [String]) throws -> [Answer] {
        try database.read { db in
            let statement = try db.cachedStatement(sql: Self.searchSQL)
            return expressions.map { expression in
                let clock = Stopwatch()
                do {
                    let rowids = try Int.fetchAll(statement, arguments: [expression])
                    return .rows(rowids.map { $0 - 1 }, seconds: clock.seconds)
                } catch let error as DatabaseError {
                    return .rejected(error.message ?? "\(error)")
                } catch {
                    return .rejected("\(error)")
                }
            }
        }
    }
}
