import Foundation
import ReadingState
import Testing

/// Marking many articles read at once (`A` in the reader): one transaction, the same rows as one by one.
@Suite("Marking many read")
struct ReadManyTests {
    @Test func manyArticlesAreMarkedAndUnmarkedTogether() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "folio-readmany-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try ReadingStateStore(path: path)
        let corpus = CorpusKey.builtin("test")
        try store.setBookmarked(true, corpus: corpus, id: "b")
        try store.setRead(true, corpus: corpus, ids: ["a", "b", "c"])
        var states = try store.states(corpus: corpus)
        #expect(Set(states.keys) == ["a", "b", "c"])
        #expect(states.values.allSatisfy { $0.isRead })
        #expect(states["b"]?.isBookmarked == true)
        try store.setRead(false, corpus: corpus, ids: ["a", "b"])
        states = try store.states(corpus: corpus)
        #expect(Set(states.keys) == ["b", "c"], "an article with no state left leaves the table")
        #expect(states["b"]?.isRead == false && states["b"]?.isBookmarked == true)
    }
}
