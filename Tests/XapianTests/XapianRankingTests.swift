import FolioCore
import Foundation
import Testing

@testable import FolioXapian

/// How closely Xapian's BM25 ranks beside the embedded engine's on the BBC News articles beside the
/// repository (`../shared/corpus/bbc-fulltext`; skipped when absent): known-item MRR (an article's
/// title as the query) and the overlap of the first ten rows for a fixed list of queries. The
/// figures are printed; the test fails only when Xapian's ranking is clearly worse.
@Suite(.enabled(if: XapianFailure.isAvailable && BBCArticles.isPresent, "needs the Xapian trait and the BBC corpus"))
struct XapianRankingTests {
    static let queries = [
        "election", "labour party", "oil prices", "world cup", "mobile phone", "film award", "interest rates", "england rugby",
        "music download", "chelsea", "tax", "\"prime minister\"", "broadband", "box office", "microsoft", "tennis -davis",
        "economy growth", "games console", "iraq", "tory OR conservative", "album", "court", "virus", "airline", "strike",
        "oscar", "injury", "china", "bank", "police"
    ]

    @Test func rankingIsCloseToTheEmbeddedEngine() throws {
        let (articles, _) = try CorpusLoader().load(path: BBCArticles.root)
        let embedded = EmbeddedEngine(articles: articles)
        let folder = NSTemporaryDirectory() + "folio-xapian-bbc-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try XapianIndexer(folder: folder).index(articles, shards: 2)
        let xapian = try XapianEngine(path: folder)

        func reciprocalRank(_ engine: any SearchEngine, _ query: String, _ id: String) -> Double {
            let list = engine.search(query).list
            let top = list.matches(in: 0..<min(10, list.count)).map { engine.id(at: $0.article) }
            return top.firstIndex(of: id).map { 1 / Double($0 + 1) } ?? 0
        }
        let known = articles.enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
        var mrr = (embedded: 0.0, xapian: 0.0)
        for article in known {
            mrr.embedded += reciprocalRank(embedded, article.title, article.id)
            mrr.xapian += reciprocalRank(xapian, article.title, article.id)
        }
        mrr = (mrr.embedded / Double(known.count), mrr.xapian / Double(known.count))

        var overlap = 0.0
        for query in Self.queries {
            let mine = Set(embedded.search(query).list.prefix(10).map(embedded.id(at:)))
            let theirs = Set(xapian.search(query).list.prefix(10).map(xapian.id(at:)))
            overlap += Double(mine.intersection(theirs).count) / Double(max(1, min(10, mine.count)))
        }
        overlap /= Double(Self.queries.count)
        print(
            String(
                format:
                    "xapian ranking on BBC (%d known items, %d queries): MRR@10 embedded %.3f, xapian %.3f; top-10 overlap %.2f",
                known.count, Self.queries.count, mrr.embedded, mrr.xapian, overlap))
        #expect(mrr.xapian >= mrr.embedded * 0.85)
        #expect(overlap >= 0.5)
    }
}

/// The BBC News dataset beside the repository, when it is there.
enum BBCArticles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpus/bbc-fulltext").standardizedFileURL.path

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root + "/business") }
}
