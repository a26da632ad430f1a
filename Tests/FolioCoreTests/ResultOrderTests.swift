import Testing

@testable import FolioCore

/// The integer-key sort gives exactly the order the rules state: score (higher first), then date
/// (newer first, undated last), then title.
@Suite struct ResultOrderTests {
    /// Small corpora sort matches by title rank; 4,096+ matches that are an eighth of the corpus or
    /// more walk the title order instead: both must give the same order.
    @Test(arguments: [ListOrder.relevance, .date, .title], [(400, 1), (6000, 1), (6000, 2), (6000, 20)])
    func keyedOrderEqualsTheStatedRules(sort: ListOrder, corpus: (size: Int, keepOneIn: Int)) throws {
        var random = SplitMix64(seed: 21)
        let files: [(id: String, text: String)] = (0..<corpus.size).map { number in
            let day = random.next() % 5
            let date = day == 0 ? "" : " date 2024-0\(1 + day % 3)-1\(day)\n"
            return (String(format: "a%03d.txt", number), "\(date)Title \(random.next() % 50) words.\n\nBody \(number).\n")
        }
        let store = Fixture.store(files)
        let scores: [Float] = [0, 0, 1.5, 1.5, 2.25, 3, 0.125, 7, 7, 7]
        var scored = (0..<store.articles.count).filter { $0 % corpus.keepOneIn == 0 }.map {
            QueryEvaluator.Scored(document: Int32($0), score: scores[Int(random.next() % UInt64(scores.count))])
        }
        scored.shuffle()
        let dateKey = store.dateKey
        let titleRank = store.titleRank
        let expected = scored.sorted { x, y in
            let a = Int(x.document)
            let b = Int(y.document)
            if sort == .relevance && x.score != y.score { return x.score > y.score }
            if sort != .title && dateKey[a] != dateKey[b] { return dateKey[a] > dateKey[b] }
            return titleRank[a] < titleRank[b]
        }
        store.order(&scored, by: sort)
        #expect(scored.map(\.document) == expected.map(\.document))
        #expect(store.articles.contains { $0.date == nil } && store.articles.contains { $0.date != nil })
    }

    @Test func descendingKeysReverseTheFloatOrder() {
        let values: [Float] = [-3, -0.5, 0, 0.1, 1, 1.0000001, 1e9, .infinity]
        for (a, b) in zip(values, values.dropFirst()) {
            #expect(ResultOrdering.descendingKey(a) > ResultOrdering.descendingKey(b), "\(a) \(b)")
        }
        #expect(ResultOrdering.descendingKey(-0.0) == ResultOrdering.descendingKey(0))
    }
}

extension ResultOrderTests {
    @Test(arguments: [10, 300, 5000, 70_000])
    func radixSortIsAStableSort(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        // Few distinct keys (many ties, to see stability), spread over high and low bits.
        var keys = (0..<count).map { _ in (random.next() % 7) << 40 | (random.next() % 3) << 3 }
        var payloads = (0..<count).map { UInt32($0) }
        let expected = (0..<count).sorted { keys[$0] < keys[$1] }.map(UInt32.init)
        RadixSort.sort(keys: &keys, payloads: &payloads)
        #expect(payloads == expected)
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
    }
}
