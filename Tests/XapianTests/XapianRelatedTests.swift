import FolioCore
import Foundation
import Testing

@testable import FolioXapian

/// "More like this" under Xapian: an article's related articles share its topic, the article
/// itself is never among them, and on the BBC News dataset (when present) the most related
/// article's section agrees about as often as the embedded engine's.
@Suite(.enabled(if: XapianFailure.isAvailable, "folio built without the Xapian trait"))
struct XapianRelatedTests {
    /// Three topics with words of their own, and words every article uses.
    static let topics = [
        ["glacier", "volcano", "lava", "tremor", "crater", "magma", "eruption", "summit"],
        ["violin", "orchestra", "sonata", "conductor", "cello", "symphony", "rehearsal", "overture"],
        ["compiler", "kernel", "debugger", "runtime", "linker", "bytecode", "scheduler", "allocator"]
    ]
    static let common = ["today", "people", "said", "week", "report", "large", "new", "many", "year", "time"]

    /// 48 articles, a third on each topic, in three shards.
    static func fixture() throws -> (articles: [Article], folder: String) {
        var random = SeededRandom(11)
        let articles = (0..<48).map { number in
            let topic = topics[number % topics.count]
            let words = (0..<60).map { index in
                index % 2 == 0 ? topic[Int(random.next(UInt64(topic.count)))] : common[Int(random.next(UInt64(common.count)))]
            }
            return Article(
                id: "topic\(number % topics.count)/\(number).txt",
                title: "\(topic[number % 4].capitalized) \(common[number % 10])",
                source: "topic\(number % topics.count)", body: words.joined(separator: " "))
        }
        let folder = NSTemporaryDirectory() + "folio-xapian-related-\(UUID().uuidString)"
        _ = try XapianIndexer(folder: folder).index(articles, shards: 3)
        return (articles, folder)
    }

    @Test func relatedArticlesShareTheTopicAndLeaveTheArticleOut() throws {
        let (articles, folder) = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let xapian = try XapianEngine(path: folder)
        for article in articles {
            let number = try #require(xapian.number(ofID: article.id))
            let results = try #require(xapian.related(to: number, limit: 5), "\(article.id)")
            let ids = results.list.map(xapian.id(at:))
            #expect(ids.count == 5)
            #expect(results.list.allMatches().allSatisfy { $0.score > 0 }, "ranked by BM25")
            #expect(!ids.contains(article.id))
            #expect(ids.allSatisfy { $0.hasPrefix(article.source + "/") }, "\(article.id): \(ids)")
            // The query is the article's own distinctive words: no common word, no prefixed term.
            let words = results.query.clauses.flatMap(\.alternatives).map { String(decoding: $0.tokens[0], as: UTF8.self) }
            #expect(!words.isEmpty && words.count <= XapianEngine.relatedWordCount)
            #expect(words.allSatisfy { word in word.first!.isLowercase && !Self.common.contains(word) }, "\(words)")
        }
        #expect(xapian.related(to: -1, limit: 5) == nil)
        #expect(xapian.related(to: 0, limit: 0) == nil)
    }

    @Test func anArticleWithNoSharedWordHasNone() throws {
        let articles = [
            Article(id: "a.txt", title: "Alpha", source: "s", body: "glacier volcano crater"),
            Article(id: "b.txt", title: "Beta", source: "s", body: "violin orchestra sonata")
        ]
        let folder = NSTemporaryDirectory() + "folio-xapian-related-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try XapianIndexer(folder: folder).index(articles, shards: 1)
        let xapian = try XapianEngine(path: folder)
        #expect(xapian.related(to: try #require(xapian.number(ofID: "a.txt")), limit: 5) == nil)
    }
}

/// The BBC News dataset indexed both ways, when it is present: "more like this" is compared by how
/// often an article's most related article is from its own section.
@Suite(
    .enabled(if: XapianFailure.isAvailable, "folio built without the Xapian trait"),
    .enabled(if: BBCFolder.isPresent, "no BBC corpus at ../shared/corpus/bbc-fulltext"))
struct XapianBBCRelatedTests {
    static func sameSectionRate(_ engine: any SearchEngine, sample: [Int]) -> Double {
        let same = sample.filter { article in
            guard let top = engine.related(to: article, limit: 1)?.list.first else { return false }
            return engine.id(at: top).prefix { $0 != "/" } == engine.id(at: article).prefix { $0 != "/" }
        }
        return Double(same.count) / Double(max(1, sample.count))
    }

    @Test func theMostRelatedArticleIsFromTheSameSectionAsOftenAsEmbedded() throws {
        let embedded = try EmbeddedEngine.load(path: BBCFolder.root)
        let folder = NSTemporaryDirectory() + "folio-xapian-bbc-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try XapianIndexer(folder: folder).index((0..<embedded.articleCount).map(embedded.article(at:)), shards: 2)
        let xapian = try XapianEngine(path: folder)
        let sample = Array(stride(from: 0, to: embedded.articleCount, by: 10))
        let embeddedRate = Self.sameSectionRate(embedded, sample: sample)
        let numbers = sample.compactMap { xapian.number(ofID: embedded.id(at: $0)) }
        let xapianRate = Self.sameSectionRate(xapian, sample: numbers)
        print(
            "BBC related, the top article from the same section: embedded \(Int(embeddedRate * 1000) / 10)%,"
                + " xapian \(Int(xapianRate * 1000) / 10)% of \(sample.count)")
        #expect(numbers.count == sample.count)
        #expect(xapianRate >= 0.85, "one in five sections would be 20%")
        #expect(xapianRate >= embeddedRate - 0.05)
    }
}

/// The BBC News dataset's folder: Tests/XapianTests/ → the repository root → ../shared.
enum BBCFolder {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpus/bbc-fulltext").standardizedFileURL.path

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root + "/business") }
}
