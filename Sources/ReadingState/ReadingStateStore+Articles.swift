import GRDB

/// Per-article state: read marks, bookmarks and reading positions.
extension ReadingStateStore {
    /// Every article of `corpus` that has any state, by article id, in one query.
    ///
    /// Articles missing from the result are unmarked (``ArticleState/unmarked``).
    public func states(corpus: CorpusKey) throws(ReadingStateError) -> [String: ArticleState] {
        try read { db in
            var states: [String: ArticleState] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT id, isRead, isBookmarked, position FROM article WHERE corpus = ?",
                arguments: [corpus.value])
            while let row = try rows.next() {
                states[try StoredValue.text(row, 0, column: "article.id")] = try Self.articleState(row, from: 1)
            }
            return states
        }
    }

    /// The state of one article (``ArticleState/unmarked`` when it has none).
    public func state(corpus: CorpusKey, id: String) throws(ReadingStateError) -> ArticleState {
        try read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT isRead, isBookmarked, position FROM article WHERE corpus = ? AND id = ?",
                arguments: [corpus.value, id])
            guard let row else { return .unmarked }
            return try Self.articleState(row, from: 0)
        }
    }

    /// The state in columns `isRead, isBookmarked, position` of `row`, starting at `index`.
    private static func articleState(_ row: Row, from index: Int) throws -> ArticleState {
        ArticleState(
            isRead: try StoredValue.flag(row, index, column: "article.isRead"),
            isBookmarked: try StoredValue.flag(row, index + 1, column: "article.isBookmarked"),
            position: try StoredValue.offset(row, index + 2, column: "article.position"))
    }

    /// Marks an article read or unread.
    public func setRead(_ read: Bool, corpus: CorpusKey, id: String) throws(ReadingStateError) {
        try upsert(column: "isRead", value: read, corpus: corpus, id: id)
    }

    /// Marks many articles read or unread in one transaction (marking a whole list read).
    public func setRead(_ read: Bool, corpus: CorpusKey, ids: [String]) throws(ReadingStateError) {
        try write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO article (corpus, id, isRead) VALUES (?, ?, ?)
                    ON CONFLICT (corpus, id) DO UPDATE SET isRead = excluded.isRead
                    """)
            for id in ids { try statement.execute(arguments: [corpus.value, id, read]) }
            if !read {
                try db.execute(
                    sql: "DELETE FROM article WHERE corpus = ? AND NOT isRead AND NOT isBookmarked AND position IS NULL",
                    arguments: [corpus.value])
            }
        }
    }

    /// Sets or clears an article's bookmark.
    public func setBookmarked(_ flag: Bool, corpus: CorpusKey, id: String) throws(ReadingStateError) {
        try upsert(column: "isBookmarked", value: flag, corpus: corpus, id: id)
    }

    /// Remembers where reading stopped (the UTF-8 body offset of the top line), or forgets it with nil.
    public func setPosition(_ offset: Int?, corpus: CorpusKey, id: String) throws(ReadingStateError) {
        try upsert(column: "position", value: offset, corpus: corpus, id: id)
    }

    /// Sets one column of one article in its own transaction, touching no other column, so two
    /// processes changing different things about one article both keep their change.
    private func upsert(
        column: String, value: (any DatabaseValueConvertible)?, corpus: CorpusKey, id: String
    ) throws(ReadingStateError) {
        // `column` is one of the three literals above, never user input.
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO article (corpus, id, \(column)) VALUES (?, ?, ?)
                    ON CONFLICT (corpus, id) DO UPDATE SET \(column) = excluded.\(column)
                    """,
                arguments: [corpus.value, id, value])
            // An article back to "no state" leaves the table, which holds only what the user touched.
            try db.execute(
                sql: """
                    DELETE FROM article WHERE corpus = ? AND id = ?
                    AND NOT isRead AND NOT isBookmarked AND position IS NULL
                    """,
                arguments: [corpus.value, id])
        }
    }
}
