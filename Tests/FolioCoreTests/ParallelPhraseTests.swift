import Testing

@testable import FolioCore

/// The scan checks phrase candidates beyond `Accumulator.parallelPhraseCandidates` on all cores (the
/// index checks them on its positions): both must find exactly the articles holding the phrase,
/// counted as one thread counts them.
@Suite struct ParallelPhraseTests {
    @Test func manyCandidatesGiveTheMatchesOfASequentialCheck() throws {
        var random = SplitMix64(seed: 31)
        let words = ["prime", "minister", "the", "said", "ministers", "primed", "of"]
        let files: [(id: String, text: String)] = (0..<3000).map { number in
            // Every article has both words (so all are candidates); about half have the phrase.
            var body = (0..<40).map { _ in words[Int(random.next() % UInt64(words.count))] }
            body.append(contentsOf: ["prime", "x", "minister"])
            return (String(format: "a%04d.txt", number), "Report \(number).\n\n" + body.joined(separator: " ") + "\n")
        }
        let store = Fixture.store(files)
        #expect(store.articles.count == 3000)
        for (text, mode) in [("\"prime minister\"", QueryParser.Mode.complete), ("\"prime mi", .incremental)] {
            let query = QueryParser.parse(text, mode: mode)
            let phrase = try #require(query.clauses.first?.alternatives.first)
            let matcher = PhraseMatcher(tokens: phrase.tokens, lastIsPrefix: phrase.isPrefix)
            var tokenizer = Tokenizer()
            var expected: [Int: Int] = [:]
            for (position, article) in store.articles.enumerated() {
                let count = matcher.occurrenceCount(in: article.body, tokenizer: &tokenizer)
                if count > 0 { expected[position] = count }
            }
            #expect(expected.count > Accumulator.parallelPhraseCandidates / 2, "enough candidates to go parallel")
            let results = store.search(query)
            #expect(Set(results.matches.map(\.article)) == Set(expected.keys), "\(text)")
            // More occurrences, higher score (same length norm only roughly, so compare extremes).
            let scoreOf = Dictionary(uniqueKeysWithValues: results.matches.map { ($0.article, $0.score) })
            let most = expected.max { $0.value < $1.value }!.key
            let least = expected.min { $0.value < $1.value }!.key
            if expected[most]! > expected[least]! + 2 { #expect(scoreOf[most]! > scoreOf[least]!) }
            let scanned = try #require(ScanEvaluator(articles: store.articles).evaluate(query, isCancelled: { false }))
            #expect(Set(scanned.scored.map { Int($0.document) }) == Set(expected.keys))
        }
    }
}
