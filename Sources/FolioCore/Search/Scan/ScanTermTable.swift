/// The per-query memo of a linear scan (`ScanEvaluator`): every distinct folded token of the corpus,
/// with the query tokens it matches, worked out the first time the token is met, so a word is
/// stemmed and compared once per query rather than at each of its occurrences.
///
/// After the scan, `resolvedIDs(ofSlot:)` gives each query token the tokens the index would have
/// resolved it to (`TermResolver` with `typoTolerant: false`), using the document frequencies the
/// scan counted: the corpus's distinct tokens are exactly the index's dictionary.
struct ScanTermTable {
    /// How the index resolves one token of a query term (`TermResolver.resolve`).
    enum Rule: Equatable {
        /// A complete word: every token with its English stem, and itself (`termsWithStem`).
        case stem
        /// A word of a phrase, not the last one being typed: itself only.
        case exact
        /// The word being typed, or a lone CJK character: the stem matches plus every token it starts
        /// (`prefixMatches`, including its postings budget).
        case prefix
    }

    /// One query token to resolve. Identical (token, rule) pairs share a slot.
    struct Slot {
        let token: [UInt8]
        let rule: Rule
    }

    private(set) var slots: [Slot] = []
    /// Per clause, per alternative, the slot of each of its tokens (the shape of `Query.clauses`).
    private(set) var clauseSlots: [[[Int]]] = []
    /// Per exclusion, the slot of each of its tokens.
    private(set) var exclusionSlots: [[Int]] = []

    private var table = TermHashTable()
    /// Per token id: whether some slot may take it. Only these get postings and frequencies.
    private(set) var isRelevant: [Bool] = []
    /// Per token id: the documents holding it (title or body), counted by the scan for relevant ids.
    var documentFrequency: [UInt32] = []

    /// Per slot: tokens it always takes (the exact word and its stem group).
    private var stemMatches: [[Int]] = []
    /// Per prefix slot: every token it starts (the index's prefix range), before the budget.
    private var prefixMatches: [[Int]] = []
    /// Slots by the key a new token is looked up with: its bytes (every rule takes its own word),
    /// and its stem (stem and prefix rules; a query word with an empty stem finds no stem group).
    private var slotsByToken: [[UInt8]: [Int]] = [:]
    private var slotsByStem: [[UInt8]: [Int]] = [:]
    private var prefixSlots: [Int] = []
    /// Whether some slot's token starts with this byte. A token can only match a slot that shares its
    /// first byte: exact and prefix matches plainly, and stem matches because Porter2 rewrites
    /// suffixes only (its whole-word exceptions keep the first letter too), so a stem starts with its
    /// word's first byte. Most tokens fail this test and never reach the memo (a hash look-up each).
    private var firstBytes = [Bool](repeating: false, count: 256)

    init(_ query: Query) {
        clauseSlots = query.clauses.map { clause in clause.alternatives.map { addSlots(for: $0) } }
        exclusionSlots = query.exclusions.map { addSlots(for: $0) }
    }

    var distinctTokenCount: Int { isRelevant.count }

    /// False when no slot can want a token starting with `byte` (see `firstBytes`).
    @inline(__always)
    func mayMatch(firstByte byte: UInt8) -> Bool { firstBytes[Int(byte)] }

    /// The token's id among the tokens met that pass `mayMatch`, adding it (and working out which slots want it) the first time it is met.
    @inline(__always)
    mutating func id(for token: UnsafeBufferPointer<UInt8>) -> Int {
        let id = table.id(for: token)
        if id == isRelevant.count {
            isRelevant.append(classify(id, token))
            documentFrequency.append(0)
        }
        return id
    }

    /// The folded bytes of token `id`.
    func token(_ id: Int) -> [UInt8] {
        Array(table.bytes[Int(table.offsets[id])..<Int(table.offsets[id + 1])])
    }

    /// The token ids the index would resolve the slot's token to, once the scan has counted frequencies.
    func resolvedIDs(ofSlot slot: Int) -> [Int] {
        var ids = stemMatches[slot]
        guard slots[slot].rule == .prefix else { return ids }
        let taken = Set(ids)
        for id in budgeted(prefixMatches[slot], prefix: slots[slot].token) where !taken.contains(id) { ids.append(id) }
        return ids
    }

    /// `TermResolver.prefixMatches`: the whole prefix range when `TermResolver.takesWholeRange`
    /// says so; else the most frequent terms first, skipping any that no longer fit.
    /// Equal frequencies keep byte order, as the index's stable sort of its byte-ordered range does.
    private func budgeted(_ range: [Int], prefix: [UInt8]) -> [Int] {
        var budget = TermResolver.prefixPostingsBudget
        if TermResolver.takesWholeRange(
            prefix: prefix, words: range.count, postings: { range.reduce(0) { $0 + Int(documentFrequency[$1]) } })
        {
            return range
        }
        let byFrequency = range.sorted { a, b in
            documentFrequency[a] != documentFrequency[b]
                ? documentFrequency[a] > documentFrequency[b] : token(a).lexicographicallyPrecedes(token(b))
        }
        var chosen: [Int] = []
        for id in byFrequency {
            let frequency = Int(documentFrequency[id])
            if frequency > budget { continue }
            budget -= frequency
            chosen.append(id)
        }
        return chosen
    }

    /// Which slots want a token met for the first time; true when any does.
    private mutating func classify(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        var relevant = false
        let word = Array(token)
        func take(_ slot: Int) {
            if stemMatches[slot].last != id { stemMatches[slot].append(id) }
            relevant = true
        }
        if let wanting = slotsByToken[word] { wanting.forEach(take) }
        if !slotsByStem.isEmpty, let wanting = slotsByStem[SearchIndex.stem(word)] { wanting.forEach(take) }
        for slot in prefixSlots {
            let prefix = slots[slot].token
            if token.count >= prefix.count && token.prefix(prefix.count).elementsEqual(prefix) {
                prefixMatches[slot].append(id)
                relevant = true
            }
        }
        return relevant
    }

    /// One slot per token of `term`, with the rule `TermResolver.resolve` applies to it.
    private mutating func addSlots(for term: Query.Term) -> [Int] {
        term.tokens.enumerated().map { position, token in
            let isLast = position == term.tokens.count - 1
            let rule: Rule
            if term.isPrefix && isLast {
                rule = .prefix
            } else if term.tokens.count == 1 && TermResolver.isSingleCJKCharacter(token) {
                rule = .prefix
            } else {
                rule = term.isPhrase ? .exact : .stem
            }
            return addSlot(Slot(token: token, rule: rule))
        }
    }

    private mutating func addSlot(_ slot: Slot) -> Int {
        if let existing = slots.firstIndex(where: { $0.token == slot.token && $0.rule == slot.rule }) { return existing }
        let number = slots.count
        slots.append(slot)
        stemMatches.append([])
        prefixMatches.append([])
        slotsByToken[slot.token, default: []].append(number)
        if slot.rule != .exact {
            let stem = SearchIndex.stem(slot.token)
            if !stem.isEmpty { slotsByStem[stem, default: []].append(number) }
        }
        if slot.rule == .prefix { prefixSlots.append(number) }
        if let first = slot.token.first {
            firstBytes[Int(first)] = true
        } else if slot.rule == .prefix {
            firstBytes = [Bool](repeating: true, count: 256)  // an empty prefix starts every token
        }
        return number
    }
}
