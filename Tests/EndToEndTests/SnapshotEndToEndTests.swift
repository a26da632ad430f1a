import Foundation
import Testing

/// The index snapshot as a user meets it: the reader writes it once its index is built, and the next
/// start (reader or command line) uses it and finds the same articles.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct SnapshotEndToEndTests {
    /// 1,500 small articles in three folders; "lighthouse" in every seventh title.
    static func writeCorpus(at folder: URL) throws {
        for number in 0..<1500 {
            let section = folder.appending(path: "section\(number % 3)")
            try FileManager.default.createDirectory(at: section, withIntermediateDirectories: true)
            let title = number % 7 == 0 ? "Lighthouse keeper \(number) retires" : "Harbour report \(number)"
            let text = "\(title).\n\nThe harbour opened at dawn and boats \(number) went out past the pier.\n"
            try Data(text.utf8).write(to: section.appending(path: String(format: "%04d.txt", number)))
        }
    }

    @Test func theReaderWritesTheSnapshotAndTheNextStartUsesIt() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed at the end of the test, not after its last use
        let corpus = scratch.corpus
        let cache = scratch.cache
        let state = scratch.state
        let tmux = try TmuxSession(width: 100, height: 30)
        let reader = "XDG_CACHE_HOME=\(cache.path) \(folio.path) --state \(state) \(corpus.path)"
        try tmux.runInShell("clear; " + reader)
        try tmux.waitFor("the list") { $0.contains("1/1500") }
        try tmux.press("/")
        try tmux.type("lighthouse", slowly: true)
        let first = try tmux.waitFor("the results on the index") {
            $0.contains("215 results") && !$0.contains("(scan)") && !$0.contains("indexing")
        }
        #expect(first.contains("Lighthouse keeper"))
        try tmux.press("Escape", "q")
        // The screen before folio was a cleared one with the prompt: that is what quitting restores.
        try tmux.waitFor("the shell again") { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "$" }
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: cache.path + "/folio").filter {
            $0.hasSuffix(".snapshot")
        }
        #expect(snapshots.count == 1, "the reader saved one snapshot")

        try tmux.type("clear; XDG_CACHE_HOME=\(cache.path) \(folio.path) stats \(corpus.path) | grep snapshot\n")
        try tmux.waitFor("stats") { $0.contains("loaded from \(cache.path)") }

        try tmux.type("clear; " + reader + "\n")
        try tmux.waitFor("the list again (the selection comes back from the state)") {
            $0.contains("/1500") && !$0.contains("indexing")
        }
        try tmux.press("/")
        try tmux.type("lighthouse", slowly: true)
        try tmux.waitFor("the same results from the snapshot") { $0.contains("215 results") && !$0.contains("(scan)") }
        try tmux.press("Escape", "q")
    }

    /// The reader paints from the last snapshot before looking at the folder; a folder changed since
    /// then is read again in the background, the query runs again on it, and marks made afterwards go
    /// to the right article although every position after the new files moved.
    @Test func aFolderChangedSinceTheSnapshotIsReloadedBehindTheList() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed at the end of the test, not after its last use
        let corpus = scratch.corpus
        let cache = scratch.cache
        let state = scratch.state
        let tmux = try TmuxSession(width: 100, height: 30)
        try scratch.writeSnapshot(folio: folio, in: tmux)

        // Files that sort before the one the reader will open, so every position after them shifts.
        for number in 0..<3 {
            let text = "Zeppelin sighted over the harbour \(number)\n\nA zeppelin drifted over the pier.\n"
            try Data(text.utf8).write(to: corpus.appending(path: "section0/000\(number)a.txt"))
        }
        try tmux.type("clear; XDG_CACHE_HOME=\(cache.path) \(folio.path) --state \(state) \(corpus.path)\n")
        // Painted from the snapshot (1,500) or already reloaded (1,503): either way folio has the keys now.
        try tmux.waitFor("the list") { $0.contains("/1500") || $0.contains("/1503") }
        try tmux.press("/")
        try tmux.type("zeppelin", slowly: true)
        // Until the reload the painted list (the snapshot's) has no zeppelin: the query reruns on the new corpus.
        let found = try tmux.waitFor("the new articles found after the reload") { $0.contains("3 results") }
        #expect(found.contains("Zeppelin sighted over the harbour"))
        try tmux.press("Escape", "Escape")
        try tmux.press("/")
        try tmux.type("lighthouse keeper 700", slowly: true)
        try tmux.waitFor("the article in the list") { $0.contains("Lighthouse keeper 700 retires") }
        try tmux.press("Enter", "Enter")
        // The list's snippet holds the same words: "· read" is in the open article's header only.
        try tmux.waitFor("the article open and marked read") {
            $0.contains("Lighthouse keeper 700 retires.\n") && $0.contains("boats 700 went out") && $0.contains("· read")
        }
        try tmux.press("q", "Escape", "q")
        try tmux.waitFor("the shell again") { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "$" }
        // The article read after the reload is marked read under its id (the state keeper moved over too).
        try tmux.type(
            "clear; \(folio.path) list \(corpus.path) --no-cache --unread --state \(state) | grep -c -E 'keeper (693|700|707) '\n"
        )
        try tmux.waitFor("only the two unread of the three") { $0.split(separator: "\n").first == "2" }
    }

    /// The reader paints after checking only the list's columns; damage in the rest (here the
    /// postings) is found behind the list, before any search uses them, and the folder is read again.
    @Test func aSnapshotDamagedBehindTheListIsNeverSearchedAndIsRebuilt() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed at the end of the test, not after its last use
        let corpus = scratch.corpus
        let cache = scratch.cache
        let tmux = try TmuxSession(width: 100, height: 30)
        try scratch.writeSnapshot(folio: folio, in: tmux)
        try Self.flipByte(inSection: 5, ofSnapshot: try scratch.snapshotFile())  // 5: the postings (SnapshotFormat)

        try scratch.startReader(folio: folio, in: tmux)
        try tmux.waitFor("the list, then the folder read again") { $0.contains("snapshot damaged: reloaded, 1,500 articles") }
        try scratch.searchOnTheIndexAndQuit(in: tmux, "the results on the rebuilt index")
        try tmux.type("clear; XDG_CACHE_HOME=\(cache.path) \(folio.path) stats \(corpus.path) | grep snapshot\n")
        try tmux.waitFor("the rewritten snapshot used") { $0.contains("loaded from \(cache.path)") }
    }

    /// A cache folder others may write is not trusted: the reader says so on its status line, builds
    /// the index in memory and writes nothing there; `folio stats` says so too.
    @Test func aCacheFolderOthersMayWriteIsNotUsedAndTheReaderSaysSo() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed at the end of the test, not after its last use
        let corpus = scratch.corpus
        let cache = scratch.cache
        let tmux = try TmuxSession(width: 100, height: 30)
        try scratch.writeSnapshot(folio: folio, in: tmux)
        let folder = cache.appending(path: "folio")
        #expect(chmod(folder.path, 0o777) == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path)

        try scratch.startReader(folio: folio, in: tmux)
        try tmux.waitFor("the notice") { $0.contains("cache folder not trusted") }
        try scratch.searchOnTheIndexAndQuit(in: tmux, "the results on the index built in memory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == before)
        try tmux.type("clear; XDG_CACHE_HOME=\(cache.path) \(folio.path) stats \(corpus.path) | grep snapshot\n")
        try tmux.waitFor("stats") { $0.contains("not used (cache folder not trusted") }
    }

    /// A FIFO where the snapshot should be: the reader opens at once (a FIFO with no writer used to
    /// block its first read forever) and replaces it with a snapshot once the index is built.
    @Test func aFIFOAtTheSnapshotPathDoesNotStopTheReader() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let scratch = try Scratch()
        defer { withExtendedLifetime(scratch) {} }  // removed at the end of the test, not after its last use
        let tmux = try TmuxSession(width: 100, height: 30)
        try scratch.writeSnapshot(folio: folio, in: tmux)
        let file = try scratch.snapshotFile().path
        #expect(unlink(file) == 0 && mkfifo(file, 0o600) == 0)

        try scratch.startReader(folio: folio, in: tmux)
        try tmux.waitFor("the list and the notice") { $0.contains("/1500") && $0.contains("snapshot not trusted") }
        try scratch.searchOnTheIndexAndQuit(in: tmux, "the results on the index")
        var info = stat()
        #expect(lstat(file, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG, "the FIFO replaced by the snapshot")
    }

    /// Flips a byte in the middle of one section of a snapshot file (format 3: a 64-byte header, then
    /// 32-byte table entries of kind UInt32, element size UInt32, offset UInt64, count UInt64, checksum).
    private static func flipByte(inSection kind: UInt32, ofSnapshot file: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: file))
        let sections = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 40, as: UInt32.self)) }
        let entry = try #require(
            (0..<sections).map { 64 + $0 * 32 }.first { at in
                bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) } == kind
            })
        let (size, offset, count) = bytes.withUnsafeBytes {
            (
                Int($0.loadUnaligned(fromByteOffset: entry + 4, as: UInt32.self)),
                Int($0.loadUnaligned(fromByteOffset: entry + 8, as: UInt64.self)),
                Int($0.loadUnaligned(fromByteOffset: entry + 16, as: UInt64.self))
            )
        }
        try #require(count > 0)
        bytes[offset + size * count / 2] ^= 0x40
        try Data(bytes).write(to: file)
    }

    /// A throwaway corpus (`writeCorpus`), snapshot cache and reading state, removed at the end.
    private final class Scratch {
        let folder = FileManager.default.temporaryDirectory.appending(path: "folio-snapshot-e2e-\(UUID().uuidString)")
        var corpus: URL { folder.appending(path: "corpus") }
        var cache: URL { folder.appending(path: "cache") }
        let state = ThrowawayState.path()

        init() throws { try SnapshotEndToEndTests.writeCorpus(at: corpus) }

        /// Writes the corpus's snapshot with the command line (as a first run of the reader would).
        func writeSnapshot(folio: URL, in tmux: TmuxSession) throws {
            try tmux.runInShell("clear; XDG_CACHE_HOME=\(cache.path) \(folio.path) stats \(corpus.path) | grep snapshot")
            // Typing on before the shell is back would hand the keys to the shell, not to folio.
            try tmux.waitFor("the snapshot written and the shell back") {
                $0.contains("saved to") && $0.split(separator: "\n").last.map { $0.hasPrefix("$") } == true
            }
        }

        /// The one snapshot file in the cache folder.
        func snapshotFile() throws -> URL {
            let folder = cache.appending(path: "folio")
            let name = try #require(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".snapshot") })
            return folder.appending(path: name)
        }

        /// Starts the reader on the corpus with this cache and state.
        func startReader(folio: URL, in tmux: TmuxSession) throws {
            try tmux.type("clear; XDG_CACHE_HOME=\(cache.path) \(folio.path) --state \(state) \(corpus.path)\n")
        }

        /// Searches "lighthouse", waits for its 215 results from the index (not a scan), and quits.
        func searchOnTheIndexAndQuit(in tmux: TmuxSession, _ description: String) throws {
            try tmux.press("/")
            try tmux.type("lighthouse", slowly: true)
            try tmux.waitFor(description) { $0.contains("215 results") && !$0.contains("(scan)") }
            try tmux.press("Escape", "q")
            try tmux.waitFor("the shell again") { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "$" }
        }

        deinit {
            try? FileManager.default.removeItem(at: folder)
            ThrowawayState.remove(state)
        }
    }
}
