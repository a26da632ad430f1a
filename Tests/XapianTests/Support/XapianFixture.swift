import FolioCore
import Foundation

@testable import FolioXapian

/// A seeded corpus of made-up articles (no copied text), indexed both ways: the embedded engine in
/// memory and Xapian shards in a temporary folder.
struct XapianFixture {
    static let vocabulary = [
        "river", "rivers", "bank", "banking", "banks", "market", "markets", "election", "elected", "voter", "voting",
        "football", "goal", "goals", "striker", "museum", "painting", "paintings", "garden", "gardening", "rain",
        "storm", "storms", "train", "trains", "railway", "budget", "minister", "ministers", "school", "teacher",
        "teachers", "music", "concert", "festival", "harbour", "island", "islands", "bridge", "engineer", "engineers",
        "café", "naïve", "résumé", "north", "south", "east", "west", "winter", "summer", "bakery", "bread"
    ]

    /// Made-up names; every fifth article has none.
    static let authors = ["Ada Moreno", "Bram Okafor", "Chloé Dubois", "Ada Lindqvist", nil]

    let articles: [Article]
    let folder: String

    /// `count` articles from `seed`, written into `shards` Xapian shards under a new temporary folder.
    init(count: Int = 300, seed: UInt64 = 7, shards: Int = 2) throws {
        var random = SeededRandom(seed)
        articles = (0..<count).map { number in
            let titleWords = (0..<Int(random.next(3) + 2)).map { _ in
                Self.vocabulary[Int(random.next(UInt64(Self.vocabulary.count)))]
            }
            let paragraphs = (0..<Int(random.next(3) + 1)).map { _ in
                (0..<Int(random.next(40) + 10)).map { _ in Self.vocabulary[Int(random.next(UInt64(Self.vocabulary.count)))] }
                    .joined(separator: " ")
            }
            let date = CalendarDate(
                year: 2019 + Int(random.next(4)), month: Int(random.next(12)) + 1, day: Int(random.next(28)) + 1)
            return Article(
                id: String(format: "section%d/%04d.txt", number % 3, number),
                title: titleWords.joined(separator: " ").capitalized,
                date: number % 17 == 0 ? nil : date, source: number % 2 == 0 ? "North Gazette" : "Harbour Post",
                author: Self.authors[number % Self.authors.count], body: paragraphs.joined(separator: "\n\n"))
        }
        folder = NSTemporaryDirectory() + "folio-xapian-\(UUID().uuidString)"
        _ = try XapianIndexer(folder: folder).index(articles, shards: shards)
    }

    var stub: String { (folder as NSString).appendingPathComponent(XapianEngine.stubName) }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// The ids of the exact matches of `text`, in list order.
    static func ids(_ engine: any SearchEngine, _ text: String, mode: QueryParser.Mode, sort: ListOrder = .relevance) -> [String]
    {
        let results = engine.search(text, mode: mode, sort: sort)
        return results.list.matches(in: 0..<results.list.exactCount).map { engine.id(at: $0.article) }
    }
}

/// A small deterministic generator (SplitMix64), so every run writes the same corpus.
struct SeededRandom {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }

    mutating func next(_ bound: UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (z ^ (z >> 31)) % bound
    }
}
