import Foundation
import Testing

/// A state file holding a NULL or a value of the wrong type in any column folio reads, or written
/// by a newer folio: the reader says so in one line and reads on without state, `folio list
/// --unread` exits 2 with one line, and nothing traps (issue #21, item 8: GRDB's `try!` made the
/// reader die with SIGILL in the alternate screen and `list --unread` exit 132).
@Suite(
    .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
    .enabled(if: TmuxSession.which("sqlite3") != nil, "the sqlite3 command is not installed"))
struct DamagedStateEndToEndTests {
    /// One planted value: the SQL, the line the reader and `list --unread` show (nil: the value is
    /// allowed and the state reads normally), and whether `list --unread` reads that column.
    struct Damage: Sendable {
        let sql: String
        let message: String?
        var listReadsIt = true
    }

    /// The tables rebuilt without their NOT NULL and type constraints, as a damaged or hand-made
    /// file may be, so any value can be planted (the same in ReadingStateTests' DamagedStateTests).
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

    static let damages: [Damage] = [
        // A NULL in each column that is read.
        Damage(sql: "UPDATE article SET id = NULL", message: "damaged file: article.id holds NULL, not text"),
        Damage(sql: "UPDATE article SET isRead = NULL", message: "damaged file: article.isRead holds NULL, not 0 or 1"),
        Damage(
            sql: "UPDATE article SET isBookmarked = NULL", message: "damaged file: article.isBookmarked holds NULL, not 0 or 1"),
        Damage(sql: "UPDATE article SET position = NULL", message: nil),
        Damage(sql: "UPDATE corpus SET lastSelected = NULL", message: nil, listReadsIt: false),
        Damage(sql: "UPDATE corpus SET sortOrder = NULL", message: nil, listReadsIt: false),
        Damage(
            sql: "UPDATE history SET query = NULL", message: "damaged file: history.query holds NULL, not text",
            listReadsIt: false),
        // Wrong types.
        Damage(sql: "UPDATE article SET id = CAST(id AS BLOB)", message: "damaged file: article.id holds a blob, not text"),
        Damage(sql: "UPDATE article SET isRead = 'yes'", message: "damaged file: article.isRead holds text, not 0 or 1"),
        Damage(
            sql: "UPDATE article SET isBookmarked = 2.5",
            message: "damaged file: article.isBookmarked holds a real number, not 0 or 1"),
        Damage(sql: "UPDATE article SET position = 'top'", message: "damaged file: article.position holds text, not an offset"),
        Damage(
            sql: "UPDATE corpus SET lastSelected = X'01'", message: "damaged file: corpus.lastSelected holds a blob, not text",
            listReadsIt: false),
        Damage(
            sql: "UPDATE corpus SET sortOrder = 42", message: "damaged file: corpus.sortOrder holds the number 42, not text",
            listReadsIt: false),
        Damage(
            sql: "UPDATE history SET query = X'02'", message: "damaged file: history.query holds a blob, not text",
            listReadsIt: false),
        // A newer folio's file.
        Damage(sql: "PRAGMA user_version = 99", message: "written by a newer folio (schema version 99; this folio reads up to 2)")
    ]

    @Test func everyDamagedValueIsOneLineAndAReaderWithoutState() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let sqlite = try #require(TmuxSession.which("sqlite3"))
        let base = ThrowawayState.path()
        defer { ThrowawayState.remove(base) }
        let tmux = try TmuxSession(width: 200, height: 30)
        // A state file with a row in every table: a bookmark, a read mark, a sort, a query, a selection.
        try tmux.runInShell("clear; \(folio.path) --state \(base)")
        try tmux.waitFor("the reader") { $0.contains("1/5") }
        try tmux.press("f", "m", "s", "/")
        try tmux.type("ashes\n")
        try tmux.waitFor("the search") { $0.contains("3 results") }
        try tmux.press("q")
        try waitForTheShell(tmux)
        let unread = Self.run(folio.path, ["list", "--unread", "--state", base, "--format", "tsv"])
        try #require(unread.status == 0 && unread.output.split(separator: "\n").count < 5, "no read mark: \(unread.output)")

        for damage in Self.damages {
            let path = ThrowawayState.path()
            defer { ThrowawayState.remove(path) }
            try FileManager.default.copyItem(atPath: base, toPath: path)
            let planted = Self.run(sqlite, [path, Self.looseSchema + damage.sql])
            try #require(planted.status == 0, "sqlite3 could not plant \(damage.sql): \(planted.output)")

            // `folio list --unread`: one line and exit 2 when it meets the damage; else what it lists
            // without the damage.
            let listed = Self.run(folio.path, ["list", "--unread", "--state", path, "--format", "tsv"])
            let lines = listed.output.split(separator: "\n")
            if let message = damage.message, damage.listReadsIt {
                #expect(listed.status == 2, "list --unread on \(damage.sql): exit \(listed.status)\n\(listed.output)")
                #expect(
                    lines.count == 1 && lines[0].hasPrefix("folio: cannot read the reading state: ")
                        && lines[0].contains(message), "list --unread on \(damage.sql):\n\(listed.output)")
            } else {
                #expect(listed.status == 0, "list --unread on \(damage.sql): exit \(listed.status)\n\(listed.output)")
                #expect(listed.output == unread.output, "list --unread on \(damage.sql):\n\(listed.output)")
            }

            // The reader (after list, as opening an article marks it read): one line, no bookmark
            // shown, articles open, and a clean exit.
            try tmux.runInShell("clear; \(folio.path) --state \(path)")
            let screen = try tmux.waitFor("the reader on \(damage.sql)") { $0.contains("/5") && $0.contains("5 articles") }
            if let message = damage.message {
                try tmux.waitFor("the problem for \(damage.sql)") { $0.contains("reading state off: ") && $0.contains(message) }
                #expect(!screen.contains("★"), "state shown from a damaged file (\(damage.sql)):\n\(screen)")
            } else {
                #expect(screen.contains("★"), "an allowed NULL lost the state (\(damage.sql)):\n\(screen)")
                #expect(!screen.contains("reading state off"), "an allowed NULL is reported (\(damage.sql)):\n\(screen)")
            }
            try tmux.press("Enter")
            try tmux.waitFor("an article open (\(damage.sql))") { $0.contains("n/N hits") }
            try tmux.press("q", "q")
            try waitForTheShell(tmux)
            try tmux.type("echo EXIT=$?\n")
            try tmux.waitFor("exit status 0 after \(damage.sql)") { $0.contains("EXIT=0") }
        }
    }

    /// Folio gone: the cleared screen holds only the prompt (folio's first line is its search bar).
    func waitForTheShell(_ tmux: TmuxSession) throws {
        try tmux.waitFor("the shell again") { $0.hasPrefix("$") }
    }

    static func run(_ program: String, _ arguments: [String]) -> (status: Int32, output: String) {
        var status: Int32 = 0
        let output = TmuxSession.capture { file in
            status = TmuxSession.spawn(program, arguments, environment: ProcessInfo.processInfo.environment, output: file)
            return status
        }
        return (status, String(decoding: output, as: UTF8.self))
    }
}
