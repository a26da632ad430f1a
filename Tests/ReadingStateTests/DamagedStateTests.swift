import Foundation
import GRDB
import Testing

@testable import ReadingState

/// A state file holding what the schema does not allow (a NULL, a wrong type) or written by a
/// newer folio: every read reports it as one line, never a trap (issue #21, item 8).
struct DamagedStateTests {
    let folder: TemporaryFolder
    let corpus = CorpusKey("/articles")
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("state.sqlite")
        // One row in every table, so a damaged value is always read.
        let store = try ReadingStateStore(path: path)
        try store.setRead(true, corpus: corpus, id: "a")
        try store.setBookmarked(true, corpus: corpus, id: "a")
        try store.setPosition(10, corpus: corpus, id: "a")
        try store.setLastSelected("a", corpus: corpus)
        try store.setSortOrder("date", corpus: corpus)
        try store.appendHistory("ashes", corpus: corpus)
    }

    /// The tables rebuilt without their NOT NULL and type constraints, as a hand-made or damaged
    /// file may be, so any value can be planted.
    static let looseSchema = """
        CREATE TABLE article_loose (corpus, id, isRead, isBookmarked, position, UNIQUE (corpus, id));
        INSERT INTO article_loose SELECT * FROM article;
        DROP TABLE article;
        ALTER TABLE article_loose RENAME TO article;
        CREATE TABLE history_loose (sequence INTEGER PRIMARY KEY AUTOINCREMENT, corpus, query, UNIQUE (corpus, query));
        INSERT INTO history_loose SELECT * FROM history;
        DROP TABLE history;
        ALTER TABLE history_loose RENAME TO history;
        CREATE TABLE corpus_loose (key, lastSelected, sortOrder, UNIQUE (key));
        INSERT INTO corpus_loose SELECT * FROM corpus;
        DROP TABLE corpus;
        ALTER TABLE corpus_loose RENAME TO corpus;
        """

    /// A damaged value, the read that meets it, and the one line it gives.
    struct Damage: CustomTestStringConvertible, Sendable {
        let sql: String
        let read: @Sendable (ReadingStateStore, CorpusKey) throws -> Void
        let message: String
        var testDescription: String { sql }
    }

    static let damages: [Damage] = [
        Damage(
            sql: "UPDATE article SET id = NULL", read: { _ = try $0.states(corpus: $1) },
            message: "article.id holds NULL, not text"),
        Damage(
            sql: "UPDATE article SET id = X'00'", read: { _ = try $0.states(corpus: $1) },
            message: "article.id holds a blob, not text"),
        Damage(
            sql: "UPDATE article SET isRead = NULL", read: { _ = try $0.states(corpus: $1) },
            message: "article.isRead holds NULL, not 0 or 1"),
        Damage(
            sql: "UPDATE article SET isRead = 'yes'", read: { _ = try $0.state(corpus: $1, id: "a") },
            message: "article.isRead holds text, not 0 or 1"),
        Damage(
            sql: "UPDATE article SET isBookmarked = NULL", read: { _ = try $0.state(corpus: $1, id: "a") },
            message: "article.isBookmarked holds NULL, not 0 or 1"),
        Damage(
            sql: "UPDATE article SET isBookmarked = 7", read: { _ = try $0.states(corpus: $1) },
            message: "article.isBookmarked holds the number 7, not 0 or 1"),
        Damage(
            sql: "UPDATE article SET position = 'top'", read: { _ = try $0.states(corpus: $1) },
            message: "article.position holds text, not an offset"),
        Damage(
            sql: "UPDATE article SET position = -5", read: { _ = try $0.states(corpus: $1) },
            message: "article.position holds the number -5, not an offset"),
        Damage(
            sql: "UPDATE article SET position = 1.5", read: { _ = try $0.states(corpus: $1) },
            message: "article.position holds a real number, not an offset"),
        Damage(
            sql: "UPDATE corpus SET lastSelected = X'01'", read: { _ = try $0.lastSelected(corpus: $1) },
            message: "corpus.lastSelected holds a blob, not text"),
        Damage(
            sql: "UPDATE corpus SET sortOrder = X'01'", read: { _ = try $0.sortOrder(corpus: $1) },
            message: "corpus.sortOrder holds a blob, not text"),
        Damage(
            sql: "UPDATE corpus SET lastSelected = 12", read: { _ = try $0.lastSelected(corpus: $1) },
            message: "corpus.lastSelected holds the number 12, not text"),
        Damage(
            sql: "UPDATE history SET query = NULL", read: { _ = try $0.history(corpus: $1) },
            message: "history.query holds NULL, not text"),
        Damage(
            sql: "UPDATE history SET query = 3.25", read: { _ = try $0.history(corpus: $1) },
            message: "history.query holds a real number, not text")
    ]

    @Test(arguments: damages)
    func aDamagedValueIsOneLineNotATrap(_ damage: Damage) throws {
        try ReadingStateStore.executeRaw(path: path, Self.looseSchema + damage.sql)
        let store = try ReadingStateStore(path: path)
        let error = #expect(throws: ReadingStateError.self) { try damage.read(store, corpus) }
        #expect(error?.operation == .read)
        #expect(error?.description == "state not read: damaged file: \(damage.message)")
    }

    @Test func nullWhereTheSchemaAllowsItIsNoState() throws {
        try ReadingStateStore.executeRaw(
            path: path,
            """
            UPDATE article SET position = NULL;
            UPDATE corpus SET lastSelected = NULL, sortOrder = NULL;
            """)
        let store = try ReadingStateStore(path: path)
        #expect(try store.states(corpus: corpus) == ["a": ArticleState(isRead: true, isBookmarked: true)])
        #expect(try store.lastSelected(corpus: corpus) == nil)
        #expect(try store.sortOrder(corpus: corpus) == nil)
    }

    @Test func aFileOfANewerSchemaVersionIsRefused() throws {
        try ReadingStateStore.executeRaw(path: path, "PRAGMA user_version = 99")
        for options in [ReadingStateStore.Options(), ReadingStateStore.Options(isReadOnly: true)] {
            let error = #expect(throws: ReadingStateError.self) { try ReadingStateStore(path: path, options: options) }
            #expect(error?.operation == .open)
            #expect(
                error?.description
                    == "state unavailable: written by a newer folio (schema version 99; this folio reads up to 2) (\(path))")
        }
        // Refused, not migrated: the newer folio finds its file as it left it.
        #expect(try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 99)
    }

    @Test func aFileWithAMigrationThisFolioDoesNotKnowIsRefused() throws {
        try ReadingStateStore.executeRaw(path: path, "INSERT INTO grdb_migrations (identifier) VALUES ('v3')")
        let error = #expect(throws: ReadingStateError.self) { try ReadingStateStore(path: path) }
        #expect(
            error?.description
                == "state unavailable: written by a newer folio (its schema has changes this folio does not know) (\(path))")
    }

    @Test func aNewFileSaysItsSchemaVersion() throws {
        #expect(try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == StateSchema.version)
    }

    @Test func aFileOfTheFirstReleaseIsStampedAndKeepsItsMarks() throws {
        let old = folder.file("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: old)
            try StateSchema.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO article (corpus, id, isRead) VALUES (?, 'a', 1)", arguments: [corpus.value])
            }
            #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 0)
        }
        let store = try ReadingStateStore(path: old)
        #expect(try store.states(corpus: corpus) == ["a": ArticleState(isRead: true)])
        #expect(try DatabaseQueue(path: old).read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 2)
    }
}
