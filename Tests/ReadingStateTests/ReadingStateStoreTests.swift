import Foundation
import Testing

@testable import ReadingState

/// Marks, positions and per-corpus values survive closing and reopening, and corpora never mix.
struct ReadingStateStoreTests {
    let folder: TemporaryFolder
    let corpus = CorpusKey("/home/reader/articles")

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func newStoreHasNoState() throws {
        let store = try ReadingStateStore(path: folder.file("state.sqlite"))
        #expect(try store.states(corpus: corpus).isEmpty)
        #expect(try store.state(corpus: corpus, id: "a") == .unmarked)
        #expect(try store.lastSelected(corpus: corpus) == nil)
        #expect(try store.sortOrder(corpus: corpus) == nil)
        #expect(try store.history(corpus: corpus).isEmpty)
    }

    @Test func createsMissingFolders() throws {
        let path = folder.file("state/folio/state.sqlite")
        _ = try ReadingStateStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func marksSurviveReopening() throws {
        let path = folder.file("state.sqlite")
        do {
            let store = try ReadingStateStore(path: path)
            try store.setRead(true, corpus: corpus, id: "read")
            try store.setBookmarked(true, corpus: corpus, id: "bookmarked")
            try store.setPosition(1_234, corpus: corpus, id: "halfway")
            try store.setRead(true, corpus: corpus, id: "all")
            try store.setBookmarked(true, corpus: corpus, id: "all")
            try store.setPosition(99, corpus: corpus, id: "all")
        }
        let reopened = try ReadingStateStore(path: path)
        #expect(
            try reopened.states(corpus: corpus) == [
                "read": ArticleState(isRead: true),
                "bookmarked": ArticleState(isBookmarked: true),
                "halfway": ArticleState(position: 1_234),
                "all": ArticleState(isRead: true, isBookmarked: true, position: 99)
            ])
        let all = try reopened.state(corpus: corpus, id: "all")
        #expect(all == ArticleState(isRead: true, isBookmarked: true, position: 99))
    }

    @Test func eachSetterChangesOnlyItsOwnField() throws {
        let store = try ReadingStateStore(path: folder.file("state.sqlite"))
        try store.setRead(true, corpus: corpus, id: "a")
        try store.setPosition(10, corpus: corpus, id: "a")
        try store.setBookmarked(true, corpus: corpus, id: "a")
        try store.setRead(false, corpus: corpus, id: "a")
        #expect(try store.state(corpus: corpus, id: "a") == ArticleState(isBookmarked: true, position: 10))
        try store.setPosition(nil, corpus: corpus, id: "a")
        #expect(try store.state(corpus: corpus, id: "a") == ArticleState(isBookmarked: true))
    }

    @Test func unmarkedArticlesLeaveTheStates() throws {
        let store = try ReadingStateStore(path: folder.file("state.sqlite"))
        try store.setRead(true, corpus: corpus, id: "a")
        try store.setBookmarked(true, corpus: corpus, id: "b")
        try store.setRead(false, corpus: corpus, id: "a")
        try store.setBookmarked(false, corpus: corpus, id: "never-marked")
        #expect(try store.states(corpus: corpus) == ["b": ArticleState(isBookmarked: true)])
    }

    @Test func twoCorporaNeverMix() throws {
        let store = try ReadingStateStore(path: folder.file("state.sqlite"))
        let other = CorpusKey.builtin("articles")
        try store.setRead(true, corpus: corpus, id: "same-id")
        try store.setBookmarked(true, corpus: other, id: "same-id")
        try store.setLastSelected("same-id", corpus: corpus)
        try store.setSortOrder("date", corpus: other)
        try store.appendHistory("teddy", corpus: corpus)
        #expect(try store.states(corpus: corpus) == ["same-id": ArticleState(isRead: true)])
        #expect(try store.states(corpus: other) == ["same-id": ArticleState(isBookmarked: true)])
        #expect(try store.lastSelected(corpus: other) == nil)
        #expect(try store.sortOrder(corpus: corpus) == nil)
        #expect(try store.history(corpus: other).isEmpty)
    }

    @Test func lastSelectedAndSortOrderRoundTrip() throws {
        let path = folder.file("state.sqlite")
        do {
            let store = try ReadingStateStore(path: path)
            try store.setLastSelected("first", corpus: corpus)
            try store.setSortOrder("date", corpus: corpus)
            try store.setLastSelected("second", corpus: corpus)
        }
        let reopened = try ReadingStateStore(path: path)
        #expect(try reopened.lastSelected(corpus: corpus) == "second")
        #expect(try reopened.sortOrder(corpus: corpus) == "date")
        try reopened.setLastSelected(nil, corpus: corpus)
        #expect(try reopened.lastSelected(corpus: corpus) == nil)
        #expect(try reopened.sortOrder(corpus: corpus) == "date")
    }

    @Test func idsAreStoredVerbatim() throws {
        let store = try ReadingStateStore(path: folder.file("state.sqlite"))
        let ids = ["notes/2024/ünïcödé.md", "it's \"quoted\"; DROP TABLE article", "", "日本語 記事"]
        for id in ids { try store.setRead(true, corpus: corpus, id: id) }
        #expect(Set(try store.states(corpus: corpus).keys) == Set(ids))
    }

    @Test func twoStoresOnOneFileSeeEachOthersWrites() throws {
        let path = folder.file("state.sqlite")
        let first = try ReadingStateStore(path: path)
        let second = try ReadingStateStore(path: path)
        try first.setRead(true, corpus: corpus, id: "a")
        try second.setBookmarked(true, corpus: corpus, id: "a")
        #expect(try first.state(corpus: corpus, id: "a") == ArticleState(isRead: true, isBookmarked: true))
    }
}
