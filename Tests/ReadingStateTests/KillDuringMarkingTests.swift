import Foundation
import Testing

@testable import ReadingState

/// `kill -9` in the middle of heavy marking (issue: robust under faults): the database opens
/// afterwards, intact, and what was marked is exactly a prefix of what was asked — at most the mark
/// in flight is missing.
@Suite struct KillDuringMarkingTests {
    @Test func aKilledWriterLeavesAnIntactDatabaseMissingAtMostTheMarkInFlight() throws {
        let tool = try #require(ChildProcess.stressTool, "FolioStateStress was not built")
        let folder = try TemporaryFolder()
        let database = folder.path + "/state.sqlite"
        let writer = try ChildProcess(tool, [database, "corpus", "article", "100000"], outputPath: folder.path + "/out.txt")
        // Let it mark for a while (well past opening and migrating), then kill it without warning.
        let deadline = Date().addingTimeInterval(10)
        var marked = 0
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            if let store = try? ReadingStateStore(path: database), let states = try? store.states(corpus: CorpusKey("corpus")) {
                marked = states.count
                if marked >= 200 { break }
            }
        }
        kill(writer.pid, SIGKILL)
        let (status, _) = writer.wait()
        #expect(status == 128 + SIGKILL)
        #expect(marked >= 1, "the writer never got going")

        let store = try ReadingStateStore(path: database)
        let states = try store.states(corpus: CorpusKey("corpus"))
        #expect(states.count >= marked, "marks committed before the kill were lost")
        // Marks go in order, one transaction each: the survivors are article-0 … article-(n-1).
        let expected = Set((0..<states.count).map { "article-\($0)" })
        #expect(Set(states.keys) == expected, "a gap in the marks: more than the mark in flight is missing")
        // Each article is marked read, then bookmarked (two transactions): only the last one may be
        // caught between the two.
        let last = "article-\(states.count - 1)"
        #expect(states.filter { $0.key != last }.values.allSatisfy { $0.isRead && $0.isBookmarked })
        // Still writable, and SQLite finds nothing wrong.
        try store.setRead(true, corpus: CorpusKey("corpus"), id: "after-the-kill")
        let check = try #require(ChildProcess.which("sqlite3"), "sqlite3 is on every machine of this project")
        let integrity = try ChildProcess(check, [database, "PRAGMA integrity_check;"], outputPath: folder.path + "/check.txt")
            .wait()
        #expect(integrity.output.trimmingCharacters(in: .whitespacesAndNewlines) == "ok", "integrity: \(integrity.output)")
    }
}
