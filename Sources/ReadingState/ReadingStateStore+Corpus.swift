import GRDB

/// Per-corpus state: the last selected article and the sort order.
extension ReadingStateStore {
    /// The id of the article selected when the reader last left this corpus, if any.
    public func lastSelected(corpus: CorpusKey) throws(ReadingStateError) -> String? {
        try corpusValue("lastSelected", corpus: corpus)
    }

    /// Remembers the selected article (nil: nothing selected).
    public func setLastSelected(_ id: String?, corpus: CorpusKey) throws(ReadingStateError) {
        try setCorpusValue("lastSelected", to: id, corpus: corpus)
    }

    /// The name of the sort order last used on this corpus ("relevance", "date", …), if any.
    ///
    /// The store keeps the name as given; the reader maps it to its sort and ignores a name it
    /// no longer knows.
    public func sortOrder(corpus: CorpusKey) throws(ReadingStateError) -> String? {
        try corpusValue("sortOrder", corpus: corpus)
    }

    /// Remembers the sort order by name.
    public func setSortOrder(_ name: String, corpus: CorpusKey) throws(ReadingStateError) {
        try setCorpusValue("sortOrder", to: name, corpus: corpus)
    }

    // `column` is always one of the literals above, never user input.
    private func corpusValue(_ column: String, corpus: CorpusKey) throws(ReadingStateError) -> String? {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT \(column) FROM corpus WHERE key = ?", arguments: [corpus.value])
            return try row.flatMap { try StoredValue.optionalText($0, 0, column: "corpus.\(column)") }
        }
    }

    private func setCorpusValue(_ column: String, to value: String?, corpus: CorpusKey) throws(ReadingStateError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO corpus (key, \(column)) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET \(column) = excluded.\(column)
                    """,
                arguments: [corpus.value, value])
        }
    }
}
