import Foundation
import Testing

@testable import ReadingState

/// Every failure of the store is a `ReadingStateError` with a one-line message, never a crash.
/// The tests run as root, for whom file modes block nothing, so each failure is made real another
/// way: a read-only SQLite connection, a path under /proc, a size cap, a held write lock.
struct ReadingStateFailureTests {
    let folder: TemporaryFolder
    let corpus = CorpusKey("/articles")

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func readOnlyDatabaseStillReadsButReportsTheFirstWrite() throws {
        let path = folder.file("state.sqlite")
        // Another session keeps the file open, as a second folio would (its WAL files stay).
        let writer = try ReadingStateStore(path: path)
        try writer.setRead(true, corpus: corpus, id: "a")

        let readOnly = try ReadingStateStore(path: path, options: .init(isReadOnly: true))
        #expect(try readOnly.states(corpus: corpus) == ["a": ArticleState(isRead: true)])
        let error = #expect(throws: ReadingStateError.self) {
            try readOnly.setBookmarked(true, corpus: corpus, id: "a")
        }
        #expect(error?.operation == .write)
        #expect(error?.description == "state not saved: attempt to write a readonly database")
        #expect(try writer.state(corpus: corpus, id: "a") == ArticleState(isRead: true))
    }

    @Test func readOnlyMissingFileFailsAtOpen() throws {
        let path = folder.file("missing.sqlite")
        let error = #expect(throws: ReadingStateError.self) {
            try ReadingStateStore(path: path, options: .init(isReadOnly: true))
        }
        #expect(error?.description == "state unavailable: unable to open database file (\(path))")
    }

    @Test func folderThatCannotBeCreatedFailsAtOpen() {
        // /proc refuses new folders even to root.
        let error = #expect(throws: ReadingStateError.self) {
            try ReadingStateStore(path: "/proc/folio-state-test/folio/state.sqlite")
        }
        #expect(error?.operation == .open)
        #expect(
            error?.description == """
                state unavailable: cannot create folder /proc/folio-state-test: No such file or directory \
                (/proc/folio-state-test/folio/state.sqlite)
                """)
    }

    @Test func fileInPlaceOfAFolderFailsAtOpen() throws {
        let file = folder.file("plain-file")
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: file))
        let error = #expect(throws: ReadingStateError.self) {
            try ReadingStateStore(path: file + "/state.sqlite")
        }
        #expect(
            error?.description
                == "state unavailable: cannot create folder \(file): Not a directory (\(file)/state.sqlite)")
    }

    @Test func readOnlyFileSystemFailsAtOpen() {
        // /proc/version is a read-only file on a file system that refuses writes even to root.
        let error = #expect(throws: ReadingStateError.self) {
            try ReadingStateStore(path: "/proc/version")
        }
        #expect(error?.operation == .open)
        #expect(error.map { !$0.description.contains("\n") } == true)
    }

    @Test func corruptFileFailsAtOpen() throws {
        let path = folder.file("state.sqlite")
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16_384).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: ReadingStateError.self) {
            try ReadingStateStore(path: path)
        }
        #expect(error?.description == "state unavailable: file is not a database (\(path))")
    }

    @Test func fullDiskReportsTheWrite() throws {
        let path = folder.file("state.sqlite")
        do {
            let store = try ReadingStateStore(path: path)
            try store.setRead(true, corpus: corpus, id: "kept")
        }
        // SQLite clamps the cap to the current size: the next pages the file needs are refused.
        let store = try ReadingStateStore(path: path, options: .init(maximumPageCount: 1))
        let longID = String(repeating: "x", count: 2_000)
        let error = #expect(throws: ReadingStateError.self) {
            for index in 0..<200 { try store.setRead(true, corpus: corpus, id: "\(index)-\(longID)") }
        }
        #expect(error?.description == "state not saved: database or disk is full")
        #expect(try store.state(corpus: corpus, id: "kept") == ArticleState(isRead: true))
    }

    @Test func lockHeldLongerThanTheBusyTimeoutReportsLocked() throws {
        let path = folder.file("state.sqlite")
        let holder = try ReadingStateStore(path: path)
        let waiter = try ReadingStateStore(path: path, options: .init(busyTimeout: 0.2))
        let started = Date()
        let error = try holder.holdingWriteLock {
            #expect(throws: ReadingStateError.self) {
                try waiter.setRead(true, corpus: corpus, id: "a")
            }
        }
        #expect(Date().timeIntervalSince(started) >= 0.15)
        #expect(error?.description == "state not saved: database is locked")
        // Once the lock is released, the same store writes again.
        try waiter.setRead(true, corpus: corpus, id: "a")
        #expect(try holder.state(corpus: corpus, id: "a") == ArticleState(isRead: true))
    }

    @Test func errorMessagesAreOneLine() {
        let error = ReadingStateError(operation: .write, path: "/p", reason: "disk\nfull\r\n  now")
        #expect(error.description == "state not saved: disk full now")
        let empty = ReadingStateError(operation: .read, path: "/p", reason: "")
        #expect(empty.description == "state not read: unknown error")
    }
}
