import Foundation

extension EmbeddedEngine {
    /// How many of an article's most distinctive words make its "more like this" query.
    static let relatedTermCount = 20

    /// "More like this" (Documentation/architecture.md §9): the article's most distinctive words by
    /// the index's own statistics (tf·idf over title and body, title words counted twice, words in
    /// fewer than two articles left out since they find nothing else), run as one OR clause ranked
    /// by BM25, the article itself and its copies left out. Nil until the index is ready or for an article with no
    /// such word.
    public func related(to article: Int, limit: Int) -> SearchResults? {
        guard articles.indices.contains(article), limit > 0 else { return nil }
        waitForCheckedIndex()
        guard let index = readyIndex else { return nil }
        let started = DispatchTime.now()
        let words = distinctiveWords(of: articles[article], in: index)
        guard !words.isEmpty else { return nil }
        let query = Query(clauses: [Query.Clause(words.map { Query.Term(tokens: [$0]) })])
        let evaluator = evaluator(of: index)
        let resolved = evaluator.resolve(query, typoTolerant: false)
        let representative = identicalCopies.representative
        let group = representative[article]
        var scored = evaluator.evaluate(query, resolved: resolved).filter { representative[Int($0.document)] != group }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
        if scored.count > limit { scored.removeSubrange(limit...) }
        return SearchResults(
            query: query, list: orderedList(exact: scored, fuzzy: [], sort: .relevance), seconds: started.secondsSince,
            highlighting: HitMatcher(resolved: resolved, index: index))
    }

    /// The article's words with the highest tf·idf, most distinctive first (ties by the word's bytes,
    /// so the query is the same every time).
    func distinctiveWords(of article: Article, in index: SearchIndex) -> [[UInt8]] {
        var counts: [[UInt8]: Int] = [:]
        var tokenizer = Tokenizer()
        for (text, weight) in [(article.title, 2), (article.body, 1)] {
            tokenizer.tokenize(text) { folded, _, kind in
                guard kind == .word, folded.count >= 3, !folded.allSatisfy({ (0x30...0x39).contains($0) }) else { return }
                counts[Array(folded), default: 0] += weight
            }
        }
        let documents = Double(max(1, index.documentCount))
        let ranked: [(word: [UInt8], score: Double)] = counts.compactMap { word, count in
            guard let term = index.terms.find(word) else { return nil }
            let frequency = Int(index.documentFrequency[term])
            guard frequency >= 2 else { return nil }
            return (word, Double(count) * log(documents / Double(frequency)))
        }
        return ranked.filter { $0.score > 0 }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.word.lexicographicallyPrecedes($1.word) }
            .prefix(Self.relatedTermCount).map(\.word)
    }
}
