import Foundation
import Testing

@testable import FolioCore

/// Identical articles (same title and text after normalisation) are listed once, by the first id;
/// an article with the same title but other text, or the same text under another title, is not.
@Suite("Identical copies")
struct IdenticalCopiesTests {
    /// A generated folder: 30 distinct articles, three of them copied (one twice, one with Windows
    /// line endings), and near-copies that must stay apart.
    static func writeCorpus(in folder: TemporaryDirectory) throws {
        for number in 0..<30 {
            let text = "Story \(number) of the harbour\n\nThe ferry \(number) sailed at dawn with \(number * 3) passengers.\n"
            _ = try folder.write(String(format: "a/%02d.txt", number), text)
        }
        _ = try folder.write("b/copy-of-03.txt", "Story 3 of the harbour\n\nThe ferry 3 sailed at dawn with 9 passengers.\n")
        _ = try folder.write("c/copy-of-03.txt", "Story 3 of the harbour\n\nThe ferry 3 sailed at dawn with 9 passengers.\n")
        _ = try folder.write(
            "b/copy-of-07.txt", "Story 7 of the harbour\r\n\r\nThe ferry 7 sailed at dawn with 21 passengers.\r\n")
        // Same title, other text; same text, other title; one letter's difference: all distinct.
        _ = try folder.write("d/same-title.txt", "Story 5 of the harbour\n\nThe ferry 5 sailed at noon with 15 passengers.\n")
        _ = try folder.write("d/other-title.txt", "Story 55 of the harbour\n\nThe ferry 5 sailed at dawn with 15 passengers.\n")
        _ = try folder.write("d/one-letter.txt", "Story 6 of the harbour\n\nThe ferry 6 sailed at dawn with 18 passengers!\n")
    }

    @Test func copiesAreListedOnceUnderTheFirstID() throws {
        let corpus = try TemporaryDirectory()
        try Self.writeCorpus(in: corpus)
        let engine = try EmbeddedEngine.load(path: corpus.path)
        #expect(engine.articleCount == 36)
        #expect(engine.foldedCopyCount == 3)
        let listed = engine.listing(sort: .title).map(engine.id(at:))
        #expect(listed.count == 33)
        #expect(Set(listed).count == 33)
        #expect(listed.contains("a/03.txt") && !listed.contains("b/copy-of-03.txt") && !listed.contains("c/copy-of-03.txt"))
        #expect(listed.contains("a/07.txt") && !listed.contains("b/copy-of-07.txt"))
        for near in ["d/same-title.txt", "d/other-title.txt", "d/one-letter.txt"] { #expect(listed.contains(near)) }
        let first = try #require(engine.number(ofID: "a/03.txt"))
        #expect(engine.copies(of: first).map(engine.id(at:)) == ["b/copy-of-03.txt", "c/copy-of-03.txt"])
        let copy = try #require(engine.number(ofID: "c/copy-of-03.txt"))
        #expect(engine.copies(of: copy).map(engine.id(at:)) == ["a/03.txt", "b/copy-of-03.txt"])
        #expect(engine.isCopy(copy) && !engine.isCopy(first))
        #expect(engine.copies(of: try #require(engine.number(ofID: "d/same-title.txt"))).isEmpty)
    }

    @Test func searchesCountEachDistinctArticleOnce() throws {
        let corpus = try TemporaryDirectory()
        try Self.writeCorpus(in: corpus)
        let engine = try EmbeddedEngine.load(path: corpus.path)
        let results = engine.search("ferry 3")
        let ids = results.list.allMatches().map { engine.id(at: $0.article) }
        #expect(ids.contains("a/03.txt"))
        #expect(!ids.contains("b/copy-of-03.txt") && !ids.contains("c/copy-of-03.txt"))
        #expect(results.list.count == Set(ids).count)
        #expect(engine.search("harbour").list.count == 33)
        // "More like this" leaves out the article's own copies.
        let first = try #require(engine.number(ofID: "a/03.txt"))
        let related = engine.related(to: first, limit: 50)?.list.allMatches().map { engine.id(at: $0.article) } ?? []
        #expect(!related.contains("b/copy-of-03.txt") && !related.contains("a/03.txt"))
    }

    @Test func theSnapshotKeepsTheCopies() throws {
        let corpus = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try Self.writeCorpus(in: corpus)
        let opener = CorpusOpener(cache: SnapshotCache(folder: cache.path + "/folio"))
        let built = try opener.open(path: corpus.path)
        let mapped = try opener.open(path: corpus.path)
        guard case .loaded = mapped.snapshotStatus else {
            Issue.record("expected the snapshot to be used, got \(mapped.snapshotStatus)")
            return
        }
        #expect(mapped.foldedCopyCount == 3)
        #expect(mapped.listing(sort: .date) == built.listing(sort: .date))
        #expect(mapped.listing(sort: .title) == built.listing(sort: .title))
        let first = try #require(mapped.number(ofID: "a/07.txt"))
        #expect(mapped.copies(of: first).map(mapped.id(at:)) == ["b/copy-of-07.txt"])
        #expect(mapped.search("ferry").list.count == 33)
    }

    @Test func aHashCollisionDoesNotFoldDifferentText() {
        // Equal hashes are compared byte for byte: two articles forced into one bucket stay apart
        // unless their text is the same.
        let articles = ArticleTable([
            Article(id: "a", title: "T", source: "s", body: "one"), Article(id: "b", title: "T", source: "s", body: "one"),
            Article(id: "c", title: "T", source: "s", body: "two")
        ])
        let copies = IdenticalCopies(articles)
        #expect(Array(copies.representative) == [0, 0, 2])
        #expect(copies.foldedCount == 1)
        #expect(IdenticalCopies(representative: copies.representative).copies(of: 1) == [0])
    }
}

/// The BBC News dataset has 76 pairs of identical articles: each is listed once.
@Suite(.enabled(if: BBCCorpus.isPresent, "no BBC corpus at ../shared/corpus/bbc-fulltext"))
struct BBCIdenticalCopiesTests {
    @Test func theDistinctCountIsTheArticlesLessTheCopies() throws {
        let engine = try BBCCorpus.store.get()
        let folded = engine.foldedCopyCount
        print("BBC: \(engine.articleCount) articles, \(folded) identical copies folded")
        #expect(folded == 76, "the dataset has 76 pairs of identical articles")
        #expect(engine.listing(sort: .date).count == engine.articleCount - folded)
        #expect(engine.search("the").list.count <= engine.articleCount - folded)
        // Every folded copy names its listed first, whose text is the same.
        for number in 0..<engine.articleCount where engine.isCopy(number) {
            let first = try #require(engine.copies(of: number).first)
            #expect(engine.article(at: first).title == engine.article(at: number).title)
            #expect(engine.article(at: first).body == engine.article(at: number).body)
        }
    }
}

/// What folding must not lose: a copy that alone matches a field of the query, and copies that
/// stop being copies when the folder changes.
@Suite("Identical copies across fields and reloads")
struct IdenticalCopiesFieldTests {
    @Test func aQueryOnAFieldListsTheCopyThatHasIt() throws {
        let corpus = try TemporaryDirectory()
        try IdenticalCopiesTests.writeCorpus(in: corpus)
        let engine = try EmbeddedEngine.load(path: corpus.path)
        let ids = { (query: String) in Set(engine.search(query).list.allMatches().map { engine.id(at: $0.article) }) }
        #expect(ids("source:c ferry") == ["c/copy-of-03.txt"])
        #expect(ids("source:b ferry") == ["b/copy-of-03.txt", "b/copy-of-07.txt"])
        #expect(ids("source:a ferry 3").contains("a/03.txt"))
    }

    @Test func anEditedOrRemovedCopyIsNoLongerFolded() throws {
        let corpus = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try IdenticalCopiesTests.writeCorpus(in: corpus)
        let opener = CorpusOpener(cache: SnapshotCache(folder: cache.path + "/folio"))
        #expect(try opener.open(path: corpus.path).foldedCopyCount == 3)
        _ = try corpus.write("b/copy-of-03.txt", "Story 3 of the harbour\n\nThe ferry 3 sailed at dusk with 9 passengers.\n")
        try FileManager.default.removeItem(atPath: corpus.path + "/b/copy-of-07.txt")
        let engine = try opener.open(path: corpus.path)
        #expect(engine.foldedCopyCount == 1)
        let first = try #require(engine.number(ofID: "a/03.txt"))
        #expect(engine.copies(of: first).map(engine.id(at:)) == ["c/copy-of-03.txt"])
        #expect(engine.copies(of: try #require(engine.number(ofID: "a/07.txt"))).isEmpty)
        #expect(engine.listing(sort: .date).count == engine.articleCount - 1)
    }
}
