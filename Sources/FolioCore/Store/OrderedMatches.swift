import Synchronization

/// The embedded engine's rows of a list or a search (`ArticleList`): the matches with the first
/// screens ordered (`firstOrdered`) when the search returns, the rest put in order only as far as
/// they are read, in growing chunks, all of them once the last row is read. What is read is always
/// exactly the full order's: the chunks are picked on the same keys (`ResultOrdering.orderFirst`).
/// The memo is kept under a lock, so rows made on the search thread can be read on the UI thread.
/// Exact matches come first, then the typo tier's, then the partial matches, each tier ordered on its own.
final class OrderedMatches: ArticleRows {
    /// How many rows a search orders before handing its matches over: several screens of the
    /// tallest terminal, so scrolling rarely waits.
    static let firstOrdered = 512

    let sort: ListOrder
    let ordering: ResultOrdering
    let count: Int
    let exactCount: Int
    let partialCount: Int
    /// For the partial tier: the word each of its documents lacks.
    let missing: PartialMatches?
    private let tiers: Mutex<[Tier]>

    /// The exact and the typo tier's matches, each with its first `ordered` entries in their final
    /// order and the rest pending, to be ordered by `sort` when read (never `.source`).
    convenience init(
        exact: (entries: [QueryEvaluator.Scored], ordered: Int), fuzzy: (entries: [QueryEvaluator.Scored], ordered: Int),
        partial: (entries: [QueryEvaluator.Scored], ordered: Int) = ([], 0), missing: PartialMatches? = nil,
        sort: ListOrder, ordering: ResultOrdering
    ) {
        self.init(
            tiers: [
                Tier(entries: exact.entries, ordered: exact.ordered), Tier(entries: fuzzy.entries, ordered: fuzzy.ordered),
                Tier(entries: partial.entries, ordered: partial.ordered)
            ],
            missing: missing, sort: sort, ordering: ordering)
    }

    private init(tiers: [Tier], missing: PartialMatches?, sort: ListOrder, ordering: ResultOrdering) {
        self.sort = sort
        self.ordering = ordering
        count = tiers.reduce(0) { $0 + $1.entries.count }
        exactCount = tiers.first?.entries.count ?? 0
        partialCount = tiers.count == 3 ? tiers[2].entries.count : 0
        self.missing = missing
        self.tiers = Mutex(tiers)
    }

    private func match(_ entry: QueryEvaluator.Scored, row: Int) -> SearchMatch {
        SearchMatch(
            article: Int(entry.document), score: entry.score, isFuzzy: row >= exactCount,
            missing: row >= count - partialCount ? missing?.word(missingFrom: entry.document) : nil)
    }

    var orderedCount: Int {
        tiers.withLock { tiers in
            var total = 0
            for tier in tiers {
                total += tier.ordered
                if tier.ordered < tier.entries.count { break }
            }
            return total
        }
    }

    func match(at row: Int) -> SearchMatch {
        match(entry(at: row), row: row)
    }

    func matches(in rows: Range<Int>) -> [SearchMatch] {
        precondition(rows.lowerBound >= 0 && rows.upperBound <= count, "article list window out of range")
        return tiers.withLock { tiers in
            var result: [SearchMatch] = []
            result.reserveCapacity(rows.count)
            var tierStart = 0
            for number in tiers.indices {
                let size = tiers[number].entries.count
                let lower = Swift.max(rows.lowerBound - tierStart, 0)
                let upper = Swift.min(rows.upperBound - tierStart, size)
                if lower < upper {
                    let inTier = lower..<upper
                    if inTier.upperBound > tiers[number].ordered { extend(&tiers[number], through: inTier.upperBound) }
                    for offset in inTier {
                        let entry = tiers[number].entries[offset]
                        result.append(match(entry, row: tierStart + offset))
                    }
                }
                tierStart += size
            }
            return result
        }
    }

    func position(of article: Int) -> Int? {
        let document = Int32(truncatingIfNeeded: article)
        return tiers.withLock { tiers in
            var offset = 0
            for number in tiers.indices {
                let tier = tiers[number]
                if let found = tier.entries[..<tier.ordered].firstIndex(where: { $0.document == document }) {
                    return offset + found
                }
                if tier.entries[tier.ordered...].contains(where: { $0.document == document }) {
                    extend(&tiers[number], through: tier.entries.count)
                    return offset + tiers[number].entries.firstIndex { $0.document == document }!
                }
                offset += tier.entries.count
            }
            return nil
        }
    }

    func filtered(_ isIncluded: (Int) -> Bool) -> any ArticleRows {
        let kept = tiers.withLock { tiers in
            tiers.map { tier in
                let ordered = tier.entries[..<tier.ordered].filter { isIncluded(Int($0.document)) }
                let pending = tier.entries[tier.ordered...].filter { isIncluded(Int($0.document)) }
                return Tier(entries: ordered + pending, ordered: ordered.count)
            }
        }
        return OrderedMatches(tiers: kept, missing: missing, sort: sort, ordering: ordering)
    }

    /// The entry at `row`, its tier ordered through it first.
    private func entry(at row: Int) -> QueryEvaluator.Scored {
        precondition(row >= 0 && row < count, "article list index out of range")
        return tiers.withLock { tiers in
            var offset = row
            for number in tiers.indices {
                let size = tiers[number].entries.count
                if offset < size {
                    if offset >= tiers[number].ordered { extend(&tiers[number], through: offset + 1) }
                    return tiers[number].entries[offset]
                }
                offset -= size
            }
            preconditionFailure("row inside count but outside the tiers")
        }
    }

    /// Orders `tier` through `end` and then some: at least double what was ordered, so scrolling
    /// down a long list orders it in a few chunks rather than one per page.
    private func extend(_ tier: inout Tier, through end: Int) {
        guard end > tier.ordered else { return }
        let wanted = Swift.max(end - tier.ordered, tier.ordered, Self.firstOrdered)
        tier.ordered += ordering.orderFirst(wanted, of: &tier.entries, from: tier.ordered, by: sort)
    }
}

/// One tier's entries: the first `ordered` in final order, the rest pending, in no order.
private struct Tier {
    var entries: [QueryEvaluator.Scored]
    var ordered: Int
}
