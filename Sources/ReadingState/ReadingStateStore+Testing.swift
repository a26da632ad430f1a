import GRDB

extension ReadingStateStore {
    /// Runs `body` while this store holds the database's write lock, as another process in the
    /// middle of a write would: lets tests check that a second store reports "locked" after its
    /// busy timeout instead of hanging or crashing.
    func holdingWriteLock<T>(_ body: () throws -> T) throws -> T {
        try pool.write { _ in try body() }
    }
}
