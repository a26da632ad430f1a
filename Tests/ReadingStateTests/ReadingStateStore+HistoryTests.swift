import Testing

@testable import ReadingState

/// The query history: oldest first, each query once, re-running moves it to the end, capped.
struct ReadingStateStoreHistoryTests {
    let folder: TemporaryFolder
    let corpus = CorpusKey.builtin("articles")

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func keepsOrderAndMovesARepeatedQueryToTheEnd() throws {
        let store = try ReadingStateStore(path: folder.file("state.sqlite"))
        for query in ["teddy", "climate", "title:rust", "teddy"] {
            try store.appendHistory(query, corpus: corpus)
        }
        #expect(try store.history(corpus: corpus) == ["climate", "title:rust", "teddy"])
    }

    @Test func ignoresBlankQueries() throws {
        let store = try ReadingStateStore(path: folder.file("state.sqlite"))
        try store.appendHistory("", corpus: corpus)
        try store.appendHistory("  \t", corpus: corpus)
        try store.appendHistory(" spaced ", corpus: corpus)
        #expect(try store.history(corpus: corpus) == [" spaced "])
    }

    @Test func limitReturnsTheMostRecentOldestFirst() throws {
        let store = try ReadingStateStore(path: folder.file("state.sqlite"))
        for index in 0..<10 { try store.appendHistory("q\(index)", corpus: corpus) }
        #expect(try store.history(corpus: corpus, limit: 3) == ["q7", "q8", "q9"])
        #expect(try store.history(corpus: corpus, limit: 0).isEmpty)
        #expect(try store.history(corpus: corpus, limit: 100).count == 10)
    }

    @Test func keepsAtMostOneThousandQueriesPerCorpus() throws {
        let store = try ReadingStateStore(path: folder.file("state.sqlite"))
        let other = CorpusKey("/elsewhere")
        try store.appendHistory("other corpus", corpus: other)
        for index in 0..<1_005 { try store.appendHistory("q\(index)", corpus: corpus) }
        let all = try store.history(corpus: corpus, limit: 5_000)
        #expect(all.count == StateSchema.historyCapacity)
        #expect(all.first == "q5")
        #expect(all.last == "q1004")
        #expect(try store.history(corpus: other) == ["other corpus"])
    }

    @Test func survivesReopening() throws {
        let path = folder.file("state.sqlite")
        do {
            let store = try ReadingStateStore(path: path)
            try store.appendHistory("one", corpus: corpus)
            try store.appendHistory("two", corpus: corpus)
        }
        let reopened = try ReadingStateStore(path: path)
        try reopened.appendHistory("one", corpus: corpus)
        #expect(try reopened.history(corpus: corpus) == ["two", "one"])
    }
}
