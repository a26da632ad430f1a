import Testing

@testable import FolioCore

/// "More like this" on the BBC News dataset when it is present: an article's most related article
/// is nearly always from the same section (91% of a fifth of them) (business, entertainment, politics, sport, tech).
@Suite(.enabled(if: BBCCorpus.isPresent, "no BBC corpus at ../shared/corpus/bbc-fulltext"))
struct BBCRelatedTests {
    @Test func theMostRelatedArticleIsFromTheSameSection() throws {
        let store = try BBCCorpus.store.get()
        let sample = Array(stride(from: 0, to: store.articleCount, by: 5))
        let sameSection = Parallel.map(sample.count) { index -> Bool in
            let article = sample[index]
            guard let top = store.related(to: article, limit: 1)?.list.allMatches().first?.article else { return false }
            return store.id(at: top).prefix { $0 != "/" } == store.id(at: article).prefix { $0 != "/" }
        }
        let rate = Double(sameSection.filter { $0 }.count) / Double(sample.count)
        print("BBC related: the top article is from the same section for \(Int(rate * 1000) / 10)% of \(sample.count)")
        #expect(rate >= 0.85, "one in five sections would be 20%")
    }
}
