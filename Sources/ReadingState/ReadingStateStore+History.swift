import GRDB

/// Per-corpus query history, for Up/Down in the search bar across sessions.
extension ReadingStateStore {
    /// The most recent `limit` queries of `corpus`, oldest first, each once.
    public func history(corpus: CorpusKey, limit: Int = 100) throws(ReadingStateError) -> [String] {
        guard limit > 0 else { return [] }
        return try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT query FROM (
                        SELECT sequence, query FROM history WHERE corpus = ? ORDER BY sequence DESC LIMIT ?
                    ) ORDER BY sequence
                    """,
                arguments: [corpus.value, limit])
            var queries: [String] = []
            while let row = try rows.next() { queries.append(try StoredValue.text(row, 0, column: "history.query")) }
            return queries
        }
    }

    /// Adds a query at the end of the history (moving it there if it was already in it), keeping
    /// at most 1,000 queries per corpus. A blank query is not recorded.
    public func appendHistory(_ query: String, corpus: CorpusKey) throws(ReadingStateError) {
        guard query.contains(where: { !$0.isWhitespace }) else { return }
        try write { db in
            // Delete and insert rather than upsert: the new row takes the next (AUTOINCREMENT, so
            // never reused) sequence number, which moves a repeated query to the end.
            try db.execute(
                sql: "DELETE FROM history WHERE corpus = ? AND query = ?", arguments: [corpus.value, query])
            try db.execute(
                sql: "INSERT INTO history (corpus, query) VALUES (?, ?)", arguments: [corpus.value, query])
            try db.execute(
                sql: """
                    DELETE FROM history WHERE corpus = ? AND sequence <= (
                        SELECT sequence FROM history WHERE corpus = ? ORDER BY sequence DESC LIMIT 1 OFFSET ?
                    )
                    """,
                arguments: [corpus.value, corpus.value, StateSchema.historyCapacity])
        }
    }
}
