/// Puts matches in list order with integer keys and radix passes, never comparisons (a comparison
/// sort reads three columns per comparison, most of a search's time): title
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
    /// The age of the document at each title rank: read in step with `titleOrder` when ordering
    /// many matches, so the walk does one random read per article instead of three.
    /// Saved in a snapshot (`ageByTitle` section): computing it is a random read per article.
    let ageByTitle: Column<UInt32>

    /// `ageByTitle` nil: computed here.
    init(titleRank: Column<Int32>, titleOrder: Column<Int32>, dateKey: Column<Int>, ageByTitle: Column<UInt32>? = nil) {
        self.titleRank = titleRank
        self.titleOrder = titleOrder
        self.dateKey = dateKey
        let newest = dateKey.reduce(Int.min) { Swift.max($0, $1) }
        newestDay = newest
        self.ageByTitle = ageByTitle ?? Column(titleOrder.map { Self.age(dateKey[Int($0)], newest: newest) })
    }

    /// Days before the newest; no date sorts after every date.
    static func age(_ day: Int, newest: Int) -> UInt32 {
        day == Int.min || day > newest ? UInt32.max : UInt32(clamping: newest &- day)
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
        if scored.count >= 4096 && scored.count >= titleOrder.count / 8 {
            orderMany(&scored, by: sort)
            return
        }
        var positions = inTitleOrder(scored)
        guard sort == .relevance || sort == .date else {
            scored = positions.map { scored[Int($0)] }
            return
        }
        let byScore = sort == .relevance
        let newest = newestDay
        let keys = [UInt64](unsafeUninitializedCapacity: positions.count) { keys, initialized in
            dateKey.withUnsafeBufferPointer { dates in
                scored.withUnsafeBufferPointer { scored in
                    for (slot, position) in positions.enumerated() {
                        let entry = scored[Int(position)]
                        let day = dates[Int(entry.document)]
                        // Newest first: age 0 is the newest day; no date sorts after every date.
                        let age = UInt64(Self.age(day, newest: newest))
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

    /// Matches that are a good part of the corpus: one walk of the corpus's title order (with the
    /// ages beside it) gives them in title order with their keys, reading each match's score from a
    /// table by document, the walk's only random read; the stable radix pass then orders by
    /// (score, age). Reading the scores and dates of matches in title order would be a random read
    /// of each per match.
    private func orderMany(_ scored: inout [QueryEvaluator.Scored], by sort: ListOrder) {
        let corpus = titleOrder.count
        let absent = UInt32.max  // no score's bit pattern: BM25 scores are finite
        var scoreBits = [UInt32](repeating: absent, count: corpus)
        scoreBits.withUnsafeMutableBufferPointer { bits in
            for entry in scored { bits[Int(entry.document)] = entry.score.bitPattern }
        }
        let byScore = sort == .relevance
        let byDate = sort != .title
        var keys: [UInt64] = []
        var documents: [UInt32] = []
        keys.reserveCapacity(scored.count)
        documents.reserveCapacity(scored.count)
        titleOrder.withUnsafeBufferPointer { order in
            ageByTitle.withUnsafeBufferPointer { ages in
                scoreBits.withUnsafeBufferPointer { bits in
                    for rank in 0..<corpus {
                        let document = order[rank]
                        let score = bits[Int(document)]
                        if score == absent { continue }
                        let age = byDate ? UInt64(ages[rank]) : 0
                        keys.append(byScore ? UInt64(Self.descendingKey(Float(bitPattern: score))) << 32 | age : age)
                        documents.append(UInt32(bitPattern: document))
                    }
                }
            }
        }
        if byDate { RadixSort.sort(keys: &keys, payloads: &documents) }
        scored = scoreBits.withUnsafeBufferPointer { bits in
            documents.map { QueryEvaluator.Scored(document: Int32(bitPattern: $0), score: Float(bitPattern: bits[Int($0)])) }
        }
    }

    /// Indexes into `scored` in title order, by radix passes on the title rank.
    private func inTitleOrder(_ scored: [QueryEvaluator.Scored]) -> [UInt32] {
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
