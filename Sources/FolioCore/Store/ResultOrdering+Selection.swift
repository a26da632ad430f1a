/// Ordering only the first matches: the screen shows a few dozen rows of 100,000s of matches, and
/// ordering them all would be most of a one-letter keystroke. The best `count` are
/// picked by radix selection (linear, no sort) on the same keys the full order uses, then ordered by
/// `order` itself, so they are exactly the full order's first `count`, ties included.
extension ResultOrdering {
    /// Below this many pending matches (or when a quarter of them is asked for) ordering them all
    /// costs about what picking would.
    static let selectionMinimum = 4096

    /// Puts the first `count` matches of `scored[start...]` in `sort` order at `start` (the rest stay
    /// after them, in no order); returns how many are now in order from `start`, at least `count`
    /// (all of them when that is about as cheap). Not for `.source`, which has no integer keys.
    func orderFirst(_ count: Int, of scored: inout [QueryEvaluator.Scored], from start: Int, by sort: ListOrder) -> Int {
        precondition(sort != .source, "source order compares strings: order it whole")
        let pending = scored.count - start
        guard count > 0, pending > 0 else { return 0 }
        if pending <= Self.selectionMinimum || count * 4 >= pending {
            var rest = Array(scored[start...])
            order(&rest, by: sort)
            scored.replaceSubrange(start..., with: rest)
            return pending
        }
        // The primary key alone decides for all but the matches tied with the last one picked.
        let primary = primaryKeys(of: scored, from: start, by: sort)
        let (threshold, below) = primary.withUnsafeBufferPointer { RadixSelect.smallest(rank: count, of: $0) }
        // Among the tied, the secondary key (unique per document) picks the ones still wanted.
        var tied: [UInt64] = []
        scored.withUnsafeBufferPointer { all in
            primary.withUnsafeBufferPointer { keys in
                for offset in keys.indices where keys[offset] == threshold {
                    tied.append(secondaryKey(all[start + offset], sort))
                }
            }
        }
        let tiesWanted = count - below
        let lastTie =
            tiesWanted == tied.count
            ? UInt64.max : tied.withUnsafeBufferPointer { RadixSelect.smallest(rank: tiesWanted, of: $0).value }
        // Exactly `count` are picked: swap the picked ones found behind the first `count` places with
        // the others found in them, so only those move (each place is looked at once, before any swap).
        scored.withUnsafeMutableBufferPointer { all in
            primary.withUnsafeBufferPointer { keys in
                func isPicked(_ index: Int) -> Bool {
                    let key = keys[index - start]
                    return key < threshold || (key == threshold && secondaryKey(all[index], sort) <= lastTie)
                }
                var front = start
                var back = start + count
                while true {
                    while front < start + count && isPicked(front) { front += 1 }
                    if front == start + count { break }
                    while !isPicked(back) {
                        back += 1
                        precondition(back < all.count, "fewer picked than selected")
                    }
                    all.swapAt(front, back)
                    front += 1
                    back += 1
                }
            }
        }
        var picked = Array(scored[start..<(start + count)])
        order(&picked, by: sort)
        scored.replaceSubrange(start..<(start + count), with: picked)
        return count
    }

    /// Each pending match's primary key, in one tight loop per order.
    private func primaryKeys(of scored: [QueryEvaluator.Scored], from start: Int, by sort: ListOrder) -> [UInt32] {
        let pending = scored.count - start
        let newest = newestDay
        return [UInt32](unsafeUninitializedCapacity: pending) { keys, initialized in
            scored.withUnsafeBufferPointer { all in
                let entries = UnsafeBufferPointer(rebasing: all[start...])
                switch sort {
                case .relevance:
                    for offset in 0..<pending { keys[offset] = Self.descendingKey(entries[offset].score) }
                case .date:
                    dateKey.withUnsafeBufferPointer { dates in
                        for offset in 0..<pending {
                            keys[offset] = Self.age(dates[Int(entries[offset].document)], newest: newest)
                        }
                    }
                default:
                    titleRank.withUnsafeBufferPointer { ranks in
                        for offset in 0..<pending { keys[offset] = UInt32(bitPattern: ranks[Int(entries[offset].document)]) }
                    }
                }
            }
            initialized = pending
        }
    }

    /// What decides first: the score (higher first) for relevance, the age for date, the title rank for title.
    @inline(__always)
    private func primaryKey(_ entry: QueryEvaluator.Scored, _ sort: ListOrder) -> UInt32 {
        switch sort {
        case .relevance: Self.descendingKey(entry.score)
        case .date: Self.age(dateKey[Int(entry.document)], newest: newestDay)
        default: UInt32(bitPattern: titleRank[Int(entry.document)])
        }
    }

    /// What breaks a tie of the primary key, as `order` does: age then title rank for relevance,
    /// title rank for date; never needed for title order (ranks are unique).
    @inline(__always)
    private func secondaryKey(_ entry: QueryEvaluator.Scored, _ sort: ListOrder) -> UInt64 {
        let document = Int(entry.document)
        let rank = UInt64(UInt32(bitPattern: titleRank[document]))
        switch sort {
        case .relevance: return UInt64(Self.age(dateKey[document], newest: newestDay)) << 32 | rank
        case .date: return rank
        default: return 0
        }
    }
}
