import Synchronization

/// Articles in list order (a search's matches, or the whole corpus), put in order only as far as
/// they are read. A search hands over its matches with the first screens ordered
/// (`ArticleList.firstOrdered`); reading further orders more, in growing chunks, and reading the last
/// row orders them all. What is read is always exactly the full order's: the chunks are picked on
/// the same keys (`ResultOrdering.orderFirst`).
///
/// A value: its elements never change once made, only how many are already computed. That memo is
/// shared by copies and kept under a lock, so a list made on the search thread can be read on the UI
/// thread. Exact matches come first, then the typo tier's, each tier ordered on its own.
public struct ArticleList: Sendable, RandomAccessCollection, Equatable {
    /// How many rows a search orders before handing its matches over: several screens of the
    /// tallest terminal, so scrolling rarely waits.
    public static let firstOrdered = 512

    private let storage: Storage
    public let count: Int
    /// How many leading rows are exact matches; the rest were found by the typo tier.
    public let exactCount: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The exact and the typo tier's matches, each with its first `ordered` entries in their final
    /// order and the rest pending, to be ordered by `sort` when read (never `.source`).
    init(
        exact: (entries: [QueryEvaluator.Scored], ordered: Int), fuzzy: (entries: [QueryEvaluator.Scored], ordered: Int),
        sort: ListOrder, ordering: ResultOrdering
    ) {
        self.init(Storage(
            tiers: [Tier(entries: exact.entries, ordered: exact.ordered), Tier(entries: fuzzy.entries, ordered: fuzzy.ordered)],
            sort: sort, ordering: ordering))
    }

    /// Articles already in order; the first `exactCount` are exact matches.
    public init(ordered articles: [Int], exactCount: Int? = nil) {
        let count = articles.count
        let exact = Swift.min(exactCount ?? count, count)
        let scored = articles.map { QueryEvaluator.Scored(document: Int32(truncatingIfNeeded: $0), score: 0) }
        self.init(Storage(
            tiers: [Tier(entries: Array(scored[..<exact]), ordered: exact), Tier(entries: Array(scored[exact...]), ordered: count - exact)],
            sort: .title, ordering: nil))
    }

    /// The article at `position` (a position in `ArticleStore.articles`).
    public subscript(position: Int) -> Int { Int(storage.entry(at: position).document) }

    /// The match at `position`, with its score and tier.
    public func match(at position: Int) -> SearchMatch {
        let entry = storage.entry(at: position)
        return SearchMatch(article: Int(entry.document), score: entry.score, isFuzzy: position >= exactCount)
    }

    /// Every match, in order (orders whatever is still pending).
    public func allMatches() -> [SearchMatch] {
        let entries = storage.all()
        return entries.enumerated().map { SearchMatch(article: Int($1.document), score: $1.score, isFuzzy: $0 >= exactCount) }
    }

    /// How many leading rows are in their final order already (reading them costs nothing more).
    public var orderedCount: Int { storage.orderedCount }

    /// The row of `article`, nil when it is not in the list. Ordered rows are looked at first; an
    /// article among the pending ones orders its tier in full.
    public func position(of article: Int) -> Int? { storage.position(of: Int32(truncatingIfNeeded: article)) }

    /// The rows that pass `isIncluded`, in the same order (what is ordered stays ordered).
    public func filtered(_ isIncluded: (Int) -> Bool) -> ArticleList {
        ArticleList(storage.filtered(isIncluded))
    }

    private init(_ storage: Storage) {
        self.storage = storage
        count = storage.count
        exactCount = storage.exactCount
    }

    public static func == (a: ArticleList, b: ArticleList) -> Bool {
        a.storage === b.storage || (a.count == b.count && a.exactCount == b.exactCount && a.storage.all().elementsEqual(b.storage.all()) { $0.document == $1.document && $0.score == $1.score })
    }
}


/// One tier's entries: the first `ordered` in final order, the rest pending, in no order.
private struct Tier {
    var entries: [QueryEvaluator.Scored]
    var ordered: Int
}

/// The memo behind `ArticleList`: the tiers, ordered further under the lock as rows are read.
private final class Storage: Sendable {
    let sort: ListOrder
    /// nil when everything came ordered.
    let ordering: ResultOrdering?
    let count: Int
    let exactCount: Int
    private let tiers: Mutex<[Tier]>

    init(tiers: [Tier], sort: ListOrder, ordering: ResultOrdering?) {
        precondition(ordering != nil || tiers.allSatisfy { $0.ordered == $0.entries.count })
        self.sort = sort
        self.ordering = ordering
        count = tiers.reduce(0) { $0 + $1.entries.count }
        exactCount = tiers.first?.entries.count ?? 0
        self.tiers = Mutex(tiers)
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

    func entry(at position: Int) -> QueryEvaluator.Scored {
        precondition(position >= 0 && position < count, "article list index out of range")
        return tiers.withLock { tiers in
            var offset = position
            for number in tiers.indices {
                let size = tiers[number].entries.count
                if offset < size {
                    if offset >= tiers[number].ordered { extend(&tiers[number], through: offset + 1) }
                    return tiers[number].entries[offset]
                }
                offset -= size
            }
            preconditionFailure("position inside count but outside the tiers")
        }
    }

    func all() -> [QueryEvaluator.Scored] {
        tiers.withLock { tiers in
            for number in tiers.indices { extend(&tiers[number], through: tiers[number].entries.count) }
            return tiers.flatMap(\.entries)
        }
    }

    func position(of document: Int32) -> Int? {
        tiers.withLock { tiers in
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

    func filtered(_ isIncluded: (Int) -> Bool) -> Storage {
        let kept = tiers.withLock { tiers in
            tiers.map { tier in
                let ordered = tier.entries[..<tier.ordered].filter { isIncluded(Int($0.document)) }
                let pending = tier.entries[tier.ordered...].filter { isIncluded(Int($0.document)) }
                return Tier(entries: ordered + pending, ordered: ordered.count)
            }
        }
        return Storage(tiers: kept, sort: sort, ordering: ordering)
    }

    /// Orders `tier` through `end` and then some: at least double what was ordered, so scrolling
    /// down a long list orders it in a few chunks rather than one per page.
    private func extend(_ tier: inout Tier, through end: Int) {
        guard end > tier.ordered, let ordering else { return }
        let wanted = Swift.max(end - tier.ordered, tier.ordered, ArticleList.firstOrdered)
        tier.ordered += ordering.orderFirst(wanted, of: &tier.entries, from: tier.ordered, by: sort)
    }
}
