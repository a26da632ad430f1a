import FolioCore
import Foundation
import Testing

@testable import FolioXapian

/// The same articles in the embedded engine and in two Xapian shards answer folio's query grammar
/// with the same matching articles: words (stem groups), the last word as a prefix, phrases,
/// exclusions, OR, `title:`, `author:` and `source:`, date ranges, and lists in date and title order.
@Suite(.enabled(if: XapianFailure.isAvailable, "folio built without the Xapian trait"))
struct XapianParityTests {
    static let queries = [
        "river", "rivers", "bank", "banking", "election", "voting voter", "football goal", "café", "cafe", "naive",
        "\"north bridge\"", "\"rain storm\"", "museum -painting", "market OR harbour", "garden OR bakery bread",
        "title:island", "title:\"south winter\"", "date:2020", "date:2021-03", "date:>2021-06-30", "date:<=2019-12-31",
        "date:<2020-01-01 river", "teacher date:>=2022-01-01", "-storm", "zzz", "\"river\" -\"north east\"",
        "author:ada", "author:moreno", "author:\"ada moreno\"", "author:chloe", "author:dubois river", "-author:ada",
        "source:gazette", "source:\"harbour post\" -author:bram", "author:nobody", "bank source:post author:okafor"
    ]
    static let prefixes = [
        "r", "ri", "riv", "ban", "el", "football go", "\"north bri", "title:isl", "gard -rain", "caf", "author:mor",
        "river author:lind", "source:\"north gaz", "-author:ok"
    ]

    @Test func matchingArticlesAreTheSame() throws {
        let fixture = try XapianFixture()
        defer { fixture.remove() }
        let embedded = EmbeddedEngine(articles: fixture.articles)
        let xapian = try XapianEngine(path: fixture.folder)
        #expect(xapian.report.articleCount == fixture.articles.count)
        for query in Self.queries {
            let expected = Set(XapianFixture.ids(embedded, query, mode: .complete))
            let found = Set(XapianFixture.ids(xapian, query, mode: .complete))
            #expect(found == expected, "\(query): \(found.symmetricDifference(expected).sorted().prefix(5))")
        }
        for query in Self.prefixes {
            let expected = Set(XapianFixture.ids(embedded, query, mode: .incremental))
            let found = Set(XapianFixture.ids(xapian, query, mode: .incremental))
            #expect(found == expected, "\(query)…: \(found.symmetricDifference(expected).sorted().prefix(5))")
        }
    }

    @Test func listsInDateAndTitleOrderAreTheSame() throws {
        let fixture = try XapianFixture()
        defer { fixture.remove() }
        let embedded = EmbeddedEngine(articles: fixture.articles)
        let xapian = try XapianEngine(path: fixture.stub)
        for sort in [ListOrder.date, .title] {
            let expected = embedded.listing(sort: sort).map(embedded.id(at:))
            let found = xapian.listing(sort: sort).map(xapian.id(at:))
            #expect(found == expected, "\(sort)")
        }
        // A query in date order: the same rows in the same order.
        #expect(
            XapianFixture.ids(xapian, "river", mode: .complete, sort: .date)
                == XapianFixture.ids(embedded, "river", mode: .complete, sort: .date))
    }

    @Test func articlesHitsAndIDsComeBackWhole() throws {
        let fixture = try XapianFixture(count: 40)
        defer { fixture.remove() }
        let xapian = try XapianEngine(path: fixture.folder)
        for article in fixture.articles {
            let number = try #require(xapian.number(ofID: article.id))
            #expect(xapian.article(at: number) == article)
        }
        #expect(xapian.number(ofID: "no/such.txt") == nil)
        let results = xapian.search("rive", mode: .incremental)
        let first = try #require(results.list.first)
        let hits = xapian.hits(of: first, in: results)
        let body = xapian.article(at: first).body
        #expect(!hits.body.isEmpty || !hits.title.isEmpty)
        for range in hits.body {
            let word = String(decoding: Array(body.utf8)[range], as: UTF8.self).lowercased()
            #expect(word.hasPrefix("rive"))
        }
        #expect(xapian.rowHits(of: [first], in: results, snippetLength: 80)[0].snippet.hits.isEmpty == false)
    }

    @Test func indexingAgainChangesOnlyWhatChanged() throws {
        let fixture = try XapianFixture(count: 30, shards: 3)
        defer { fixture.remove() }
        var changed = fixture.articles
        changed[0].body += "\n\nzeppelin"
        changed.remove(at: 1)
        changed.append(Article(id: "new/one.txt", title: "A new one", source: "new", body: "zeppelin harbour"))
        let summary = try XapianIndexer(folder: fixture.folder).index(changed, shards: nil)
        #expect(summary == XapianIndexer.Summary(shards: 3, added: 1, replaced: 1, deleted: 1, unchanged: 28))
        let xapian = try XapianEngine(path: fixture.folder)
        #expect(Set(XapianFixture.ids(xapian, "zeppelin", mode: .complete)) == [changed[0].id, "new/one.txt"])
        #expect(xapian.number(ofID: fixture.articles[1].id) == nil)
        #expect(xapian.report.articleCount == 30)
        #expect(throws: XapianFailure.self) { try XapianIndexer(folder: fixture.folder).index(changed, shards: 2) }
    }

    /// A database whose documents were fingerprinted without the terms' format (as before
    /// `author:` and `source:`) is rewritten whole, and then answers those filters.
    @Test func aDatabaseOfAnOlderTermFormatIsRewrittenWhole() throws {
        let articles = [
            Article(id: "a.txt", title: "Harbour", source: "North Gazette", author: "Ada Moreno", body: "river bank"),
            Article(id: "b.txt", title: "Island", source: "Harbour Post", body: "river market")
        ]
        let folder = NSTemporaryDirectory() + "folio-xapian-format-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do {
            let writer = try XapianWriter(path: folder + "/" + XapianIndexer.shardName(0))
            var tokenizer = Tokenizer()
            var stems = StemCache()
            for article in articles {
                let data = XapianDocument.encode(article)
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                try writer.replace(
                    article, isNew: true, data: data, fingerprint: Array(String(hash, radix: 16).utf8),
                    tokenizer: &tokenizer, stems: &stems)
            }
            try writer.commit()
        }
        let summary = try XapianIndexer(folder: folder).index(articles, shards: 1)
        #expect(summary == XapianIndexer.Summary(shards: 1, replaced: 2))
        let again = try XapianIndexer(folder: folder).index(articles, shards: 1)
        #expect(again == XapianIndexer.Summary(shards: 1, unchanged: 2))
        let xapian = try XapianEngine(path: folder)
        #expect(XapianFixture.ids(xapian, "river author:moreno", mode: .complete) == ["a.txt"])
        #expect(XapianFixture.ids(xapian, "source:post", mode: .complete) == ["b.txt"])
    }
}
