import Testing

@testable import FolioCore

/// Radix selection gives what sorting gives: the rank-th smallest key and how many are below it.
@Suite struct RadixSelectTests {
    /// Keys spread over all bits, bunched in the low bits, all alike, and few distinct (many ties).
    static func keys(_ kind: Int, count: Int, seed: UInt64) -> [UInt64] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            switch kind {
            case 0: random.next()
            case 1: random.next() % 70_000
            case 2: 42
            default: (random.next() % 5) << 40 | (random.next() % 3) << 20 | random.next() % 2
            }
        }
    }

    @Test(arguments: 0..<4, [1, 2, 300, 5_000])
    func selectsWhatSortingSelects(kind: Int, count: Int) {
        let keys = Self.keys(kind, count: count, seed: UInt64(kind * 100 + count))
        let sorted = keys.sorted()
        for rank in Set([1, 2, count / 3, count / 2, count - 1, count].filter { $0 >= 1 && $0 <= count }) {
            let (value, below) = keys.withUnsafeBufferPointer { RadixSelect.smallest(rank: rank, of: $0) }
            #expect(value == sorted[rank - 1], "kind \(kind) rank \(rank)")
            #expect(below == sorted.firstIndex(of: value), "kind \(kind) rank \(rank)")
            // 32-bit keys take the same path with two digits.
            let narrow = keys.map { UInt32(truncatingIfNeeded: $0 ^ ($0 >> 32)) }
            let narrowSorted = narrow.sorted()
            let (value32, below32) = narrow.withUnsafeBufferPointer { RadixSelect.smallest(rank: rank, of: $0) }
            #expect(value32 == narrowSorted[rank - 1] && below32 == narrowSorted.firstIndex(of: value32))
        }
    }
}
