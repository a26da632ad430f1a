/// Puts matches in list order with integer keys and radix passes, never comparisons (a comparison
/// sort reading three columns per comparison was three quarters of a search at 1M articles): title
/// order first, then a stable pass on (score, date) for relevance or on the date for date order, so
/// equal scores and days keep title order.
struct ResultOrdering: Sendable {
    /// Position of each document in title order, and its inverse: the documents in title order.
    let titleRank: Column<Int32>
    let titleOrder: Column<Int32>
    /// Day ordinals, Int.min for no date.
    let dateKey: Column<Int>
    /// The newest day in the corpus: dates become ages in days, which need few bits (one pass).
    let newestDay: Int

    init(titleRank: Column<Int32>, titleOrder: Column<Int32>, dateKey: Column<Int>) {
        self.titleRank = titleRank
        self.titleOrder = titleOrder
        self.dateKey = dateKey
        newestDay = dateKey.reduce(Int.min) { Swift.max($0, $1) }
    }

    /// The documents in title order for a title rank column that must be a permutation of 0..<count;
    /// nil when it is not one (a damaged or lying snapshot).
    static func inverse(of titleRank: Column<Int32>) -> [Int32]? {
        var order = [Int32](repeating: -1, count: titleRank.count)
        for (document, rank) in titleRank.enumerated() {
            guard rank >= 0, Int(rank) < order.count, order[Int(rank)] == -1 else { return nil }
            order[Int(rank)] = Int32(document)
        }
        return order
    }

    func order(_ scored: inout [QueryEvaluator.Scored], by sort: ListOrder) {
        var positions = inTitleOrder(scored)
        guard sort == .relevance || sort == .date else {
            scored = positions.map { scored[Int($0)] }
            return
        }
        let byScore = sort == .relevance, newest = newestDay
        let keys = [UInt64](unsafeUninitializedCapacity: positions.count) { keys, initialized in
            dateKey.withUnsafeBufferPointer { dates in
                scored.withUnsafeBufferPointer { scored in
                    for (slot, position) in positions.enumerated() {
                        let entry = scored[Int(position)]
                        let day = dates[Int(entry.document)]
                        // Newest first: age 0 is the newest day; no date sorts after every date.
                        let age = day == Int.min || day > newest ? UInt64(UInt32.max) : UInt64(UInt32(clamping: newest &- day))
                        keys[slot] = byScore ? UInt64(Self.descendingKey(entry.score)) << 32 | age : age
                    }
                }
            }
            initialized = positions.count
        }
        var sortedKeys = keys
        RadixSort.sort(keys: &sortedKeys, payloads: &positions)
        scored = positions.map { scored[Int($0)] }
    }

    /// Indexes into `scored` in title order. When the matches are a good part of the corpus, one walk
    /// of the corpus's title order beats sorting them by title rank (two radix passes at 100,000+).
    private func inTitleOrder(_ scored: [QueryEvaluator.Scored]) -> [UInt32] {
        let corpus = titleOrder.count
        if scored.count >= 4096 && scored.count >= corpus / 8 {
            var slot = [Int32](repeating: -1, count: corpus)
            for (position, entry) in scored.enumerated() { slot[Int(entry.document)] = Int32(position) }
            var positions: [UInt32] = []
            positions.reserveCapacity(scored.count)
            titleOrder.withUnsafeBufferPointer { order in
                slot.withUnsafeBufferPointer { slot in
                    for document in order {
                        let position = slot[Int(document)]
                        if position >= 0 { positions.append(UInt32(position)) }
                    }
                }
            }
            return positions
        }
        var keys = [UInt64](repeating: 0, count: scored.count)
        var positions = [UInt32](repeating: 0, count: scored.count)
        titleRank.withUnsafeBufferPointer { ranks in
            for (position, entry) in scored.enumerated() {
                keys[position] = UInt64(UInt32(bitPattern: ranks[Int(entry.document)]))
                positions[position] = UInt32(position)
            }
        }
        RadixSort.sort(keys: &keys, payloads: &positions)
        return positions
    }

    /// A float's order reversed, as an unsigned integer (higher scores first); -0 and 0 are one.
    static func descendingKey(_ score: Float) -> UInt32 {
        let bits = score == 0 ? 0 : score.bitPattern
        let ascending = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
        return ~ascending
    }
}
