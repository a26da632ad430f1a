import Foundation
import Testing

@testable import FolioCore

/// Search quality on the BBC News dataset (`../shared/corpus/bbc-fulltext/`, 1,779 articles) when it is
/// present: an article's own title, typed as the query, should find that article first.
///
/// The dataset has 101 pairs of articles sharing a title (76 byte-identical, see its README): for
/// them a top result with the identical title counts as the article itself (the lenient rate, which
/// is asserted); the strict rate (exactly this article first) is printed as well.
@Suite(.enabled(if: BBCCorpus.isPresent, "no BBC corpus at ../shared/corpus/bbc-fulltext"))
struct BBCCorpusSearchTests {
    /// How many titles rank their own article first, leniently and strictly.
    struct Rates: CustomStringConvertible {
        var lenient = 0, strict = 0, total = 0
        var lenientRate: Double { Double(lenient) / Double(max(1, total)) }
        var strictRate: Double { Double(strict) / Double(max(1, total)) }
        var description: String {
            String(
                format: "lenient %.1f%% (%d/%d), strict %.1f%% (%d/%d)",
                lenientRate * 100, lenient, total, strictRate * 100, strict, total)
        }
    }

    /// Runs `query(article)` for every article that has one, on all cores, and scores the top results.
    static func rates(_ store: EmbeddedEngine, query: (Int) -> String?) -> (rates: Rates, misses: [String]) {
        let queries = store.articles.indices.map(query)
        let top = Parallel.map(queries.count) { index -> Int?? in
            queries[index].map { store.search($0, mode: .complete).matches.first?.article }
        }
        var rates = Rates()
        var misses: [String] = []
        for (index, result) in top.enumerated() {
            guard let result else { continue }  // no query for this article
            rates.total += 1
            if result == index { rates.strict += 1 }
            if let result, store.articles[result].title == store.articles[index].title {
                rates.lenient += 1
            } else {
                misses.append(
                    "\(store.articles[index].id): \(queries[index]!.debugDescription) → \(result.map { store.articles[$0].id } ?? "nothing")"
                )
            }
        }
        return (rates, misses)
    }

    @Test func corpusLoadsCompletely() throws {
        let store = try BBCCorpus.store.get()
        // 1,779 articles in five folders, plus the dataset's README.md (a Markdown file is an article).
        #expect(store.articles.count == 1_780)
        #expect(store.article(withID: "README.md") != nil)
        #expect(store.report.skippedCount == 0)
        #expect(store.report.filesWithInvalidUTF8 == 0)
        let news = store.articles.filter { $0.id.contains("/") }
        #expect(news.count == 1_779)
        #expect(Set(news.map(\.source)) == ["business", "entertainment", "politics", "sport", "tech"])
        let pounds = try #require(store.article(withID: "sport/199.txt"))
        #expect(pounds.body.contains("£"))
        #expect(news.allSatisfy { !$0.title.isEmpty && !$0.body.isEmpty && $0.date == nil })
    }

    @Test func titleFindsItsArticle() throws {
        let store = try BBCCorpus.store.get()
        let (rates, misses) = Self.rates(store) { Self.isNews(store.articles[$0]) ? store.articles[$0].title : nil }
        print("BBC title → own article first: \(rates)")
        for miss in misses.prefix(10) { print("  miss \(miss)") }
        #expect(rates.total == 1_779)
        #expect(rates.lenientRate >= 0.95, "\(rates)")
        #expect(rates.strictRate >= 0.90, "\(rates)")
    }

    @Test func titleWithOneTypoFindsItsArticle() throws {
        let store = try BBCCorpus.store.get()
        var random = SplitMix64(seed: 2_225)
        let queries = store.articles.map { Self.isNews($0) ? Self.withOneTypo($0.title, using: &random) : nil }
        let (rates, misses) = Self.rates(store) { queries[$0] }
        print("BBC title with one typo → own article first: \(rates)")
        for miss in misses.prefix(10) { print("  miss \(miss)") }
        #expect(rates.total >= 1_700)
        #expect(rates.lenientRate >= 0.85, "\(rates)")
        #expect(rates.strictRate >= 0.80, "\(rates)")
    }

    @Test func typoMakerMakesOneEdit() {
        var random = SplitMix64(seed: 1)
        for _ in 0..<200 {
            let title = "Ad sales boost Time Warner profit"
            let edited = Self.withOneTypo(title, using: &random)!
            let before = title.split(separator: " ")
            let after = edited.split(separator: " ")
            #expect(before.count == after.count)
            let changed = zip(before, after).filter { $0 != $1 }
            #expect(changed.count == 1)
            if let (original, typo) = changed.first {
                #expect(typo.count >= 5)
                #expect(EditDistance.within(Array(original.utf8), Array(typo.utf8), maxDistance: 1) == 1)
            }
        }
    }

    /// The dataset's articles, not its README.
    static func isNews(_ article: Article) -> Bool { article.id.contains("/") }

    /// The title with one random edit (delete, insert, substitute, transpose) in one of its words
    /// made only of letters that is at least five letters long after the edit; nil when it has none.
    static func withOneTypo(_ title: String, using random: inout SplitMix64) -> String? {
        var words = title.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let candidates = words.indices.filter { words[$0].count >= 5 && words[$0].allSatisfy { $0.isASCII && $0.isLetter } }
        guard !candidates.isEmpty else { return nil }
        let position = candidates[Int.random(in: 0..<candidates.count, using: &random)]
        var letters = Array(words[position])
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        while true {
            switch Int.random(in: 0..<4, using: &random) {
            case 0:  // delete, keeping at least five letters
                guard letters.count >= 6 else { continue }
                letters.remove(at: Int.random(in: 0..<letters.count, using: &random))
            case 1:  // insert
                letters.insert(
                    alphabet[Int.random(in: 0..<26, using: &random)], at: Int.random(in: 0...letters.count, using: &random))
            case 2:  // substitute with a different letter
                let at = Int.random(in: 0..<letters.count, using: &random)
                let replacement = alphabet[Int.random(in: 0..<26, using: &random)]
                guard replacement != Character(letters[at].lowercased()) else { continue }
                letters[at] = replacement
            default:  // transpose two different neighbours
                let at = Int.random(in: 0..<(letters.count - 1), using: &random)
                guard Character(letters[at].lowercased()) != Character(letters[at + 1].lowercased()) else { continue }
                letters.swapAt(at, at + 1)
            }
            break
        }
        words[position] = String(letters)
        return words.joined(separator: " ")
    }
}
