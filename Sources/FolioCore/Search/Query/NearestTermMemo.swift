import Synchronization

/// "Did you mean"'s nearest indexed words, kept per engine: a query that finds nothing is typed on
/// key by key, and every key would otherwise scan the dictionary again for the same unknown words
/// (`TermResolver.nearestTerm`). The dictionary of an engine never changes, so an answer stays
/// true; the memo is emptied when it reaches `limit` words.
final class NearestTermMemo: Sendable {
    private struct Key: Hashable {
        var word: [UInt8]
        var isPrefix: Bool
    }

    static let limit = 512
    private let kept = Mutex<[Key: [UInt8]?]>([:])

    /// The nearest term to `word`, from the memo or from `resolver`.
    func nearestTerm(to word: [UInt8], isPrefix: Bool, resolver: TermResolver) -> [UInt8]? {
        let key = Key(word: word, isPrefix: isPrefix)
        if let known = kept.withLock({ $0[key] }) { return known }
        let found = resolver.nearestTerm(to: word, isPrefix: isPrefix)
        kept.withLock { kept in
            if kept.count >= Self.limit { kept.removeAll(keepingCapacity: true) }
            kept[key] = .some(found)
        }
        return found
    }
}
