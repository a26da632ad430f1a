import GRDB

extension ReadingStateStore {
    /// Runs `body` while this store holds the database's write lock, as another process in the
    /// middle of a write would: lets tests check that a second store reports "locked" after its
    /// busy timeout instead of hanging or crashing.
    func holdingWriteLock<T>(_ body: () throws -> T) throws -> T {
        try pool.write { _ in try body() }
    }
}

extension ReadingStateStore {
    /// Runs raw SQL on the file at `path` outside any store, as a hand edit, a damaged disk or a
    /// newer folio would change it: lets tests plant values the schema does not allow.
    static func executeRaw(path: String, _ sql: String) throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}
