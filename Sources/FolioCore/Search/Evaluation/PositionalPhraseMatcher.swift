/// Counts a phrase's occurrences in candidate documents from the index's token positions, where
/// `PhraseMatcher` reads their text: the same tokens, numbered the same way, so the same counts.
///
/// Term at a time: the possible starts s of the phrase in each candidate come from its rarest token
/// (at position j, s = p − j); every other token i then keeps the starts where one of its ids occurs
/// at s + i (the word being typed may have thousands of ids). Each id's postings are walked once, in
/// document order, stepping over documents that are not or no longer candidates, so the work is the
/// postings `Accumulator.collect` already walked plus the positions of the candidates.
///
/// Reading the candidates' text instead, as the scan does, is far too slow for a keystroke once a
/// phrase's first word is common (`"box o`).
struct PositionalPhraseMatcher {
    let index: SearchIndex
    /// Per token checked, the ids it matches: `PhraseMatcher`'s first `maximumTokens` tokens, and for
    /// a last word being typed only the resolved ids that start with it (`TermResolver` adds the
    /// word's stem group too, which the text check does not take).
    let tokenIDs: [[Int]]
    let fields: Fields

    init(index: SearchIndex, term: Query.Term, ids: [[Int]]) {
        self.index = index
        fields = term.fields
        var checked = Array(ids.prefix(Swift.min(term.tokens.count, PhraseMatcher.maximumTokens)))
        if term.isPrefix && term.tokens.count <= PhraseMatcher.maximumTokens, let prefix = term.tokens.last {
            let range = index.terms.prefixRange(prefix)
            checked[checked.count - 1] = checked[checked.count - 1].filter(range.contains)
        }
        tokenIDs = checked
    }

    /// Per document of `documents` (ascending), the phrase's occurrences weighted as scoring weighs
    /// them in the term's fields (`BM25.frequency`); nil when
    /// `isCancelled` (asked between ids and every 256 blocks decoded) turns true.
    func weightedOccurrences(in documents: [Int32], isCancelled: () -> Bool) -> [Float]? {
        guard !tokenIDs.isEmpty else { return [Float](repeating: 0, count: documents.count) }
        // Rarest first: the fewest starts to carry, and each later token decodes only where some survive.
        let order = tokenIDs.indices.sorted { postingCount($0) < postingCount($1) }
        return withExtendedLifetime(index) { () -> [Float]? in
            var starts = PhraseStarts(documents: documents)
            var decoded = 0
            // Asked every 256 blocks decoded (and between ids, below).
            func cancelled() -> Bool {
                decoded += 1
                return decoded & 255 == 0 && isCancelled()
            }
            let all = Array(documents.indices)
            for id in tokenIDs[order[0]] {
                if isCancelled() { return nil }
                let finished = forEachHolder(of: id, among: all, documents: documents) { slot, cursor in
                    starts.add(slot: slot, token: order[0], fields: fields, cursor: cursor)
                    return !cancelled()
                }
                if !finished { return nil }
            }
            starts.finishFirstToken(idCount: tokenIDs[order[0]].count)
            for token in order.dropFirst() {
                let live = starts.live
                for id in tokenIDs[token] {
                    if isCancelled() { return nil }
                    let finished = forEachHolder(of: id, among: live, documents: documents) { slot, cursor in
                        starts.markFollowed(slot: slot, token: token, fields: fields, cursor: cursor)
                        return !cancelled()
                    }
                    if !finished { return nil }
                }
                starts.keepMarked()
                if starts.live.isEmpty { break }
            }
            return documents.indices.map { starts.weightedCount(slot: $0, fields: fields) }
        }
    }

    /// Calls `body(slot, cursor)` for each of `slots` (their documents ascending) whose document holds
    /// term `id`, the cursor on it; false when `body` returned false (stop). The cursor walks the
    /// term's postings; the slots gallop past the documents it skips, since one id of a typed word
    /// may be in a handful of thousands of candidates.
    private func forEachHolder(
        of id: Int, among slots: [Int], documents: [Int32], _ body: (Int, PositionCursor) -> Bool
    ) -> Bool {
        var cursor = PositionCursor(term: id, in: index)
        var next = 0
        while next < slots.count {
            let target = Int(documents[slots[next]])
            if cursor.seek(target) {
                if !body(slots[next], cursor) { return false }
                next += 1
            } else {
                guard cursor.document != Int.max else { return true }
                next = Self.firstSlot(in: slots, from: next + 1, atLeast: cursor.document, documents: documents)
            }
        }
        return true
    }

    /// The first index at or after `from` whose document is at least `document`: exponential steps,
    /// then a binary search in the last step.
    private static func firstSlot(in slots: [Int], from: Int, atLeast document: Int, documents: [Int32]) -> Int {
        var low = from
        var step = 1
        while low + step < slots.count && Int(documents[slots[low + step]]) < document {
            low += step
            step *= 2
        }
        var high = Swift.min(low + step, slots.count)
        while low < high {
            let middle = (low + high) / 2
            if Int(documents[slots[middle]]) < document { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func postingCount(_ token: Int) -> Int {
        tokenIDs[token].reduce(0) { $0 + Int(index.documentFrequency[$1]) }
    }
}

/// The phrase starts still possible in each candidate document: one run of `PositionBlock` keys
/// (ascending) per document, all in one flat buffer. Plain memory, not arrays: the checks write
/// keys and marks millions of times for common words, and an array checks its uniqueness on each.
private struct PhraseStarts {
    private let keys = ScratchBuffer<UInt64>()
    private var keyCount = 0
    /// Per document slot, its run: keys[runStart[slot] ..< runEnd[slot]].
    private let runStart: ScratchBuffer<Int>
    private let runEnd: ScratchBuffer<Int>
    private let documentCount: Int
    /// Documents (slots) with starts left, ascending.
    private(set) var live: [Int] = []
    /// Per key: whether the token being checked follows it.
    private let followed = ScratchBuffer<Bool>()

    init(documents: [Int32]) {
        documentCount = documents.count
        runStart = ScratchBuffer(capacity: documents.count)
        runStart.fill(0, count: documents.count)
        runEnd = ScratchBuffer(capacity: documents.count)
        runEnd.fill(0, count: documents.count)
    }

    /// The first token (at `token` in the phrase) occurs in document `slot`: each of its positions p
    /// gives a start p − token, if the phrase fits before it in its field. With one id, slots come
    /// ascending and each document's run is written once; a further id appends a run for the same
    /// document at the end, gathered and sorted by `finishFirstToken`.
    mutating func add(slot: Int, token: Int, fields: Fields, cursor: PositionCursor) {
        var reader = cursor.positions(in: fields)
        let (start, end) = (runStart.base[slot], runEnd.base[slot])
        keys.reserve(keyCount + (end - start) + reader.remaining)
        let base = keys.base
        if end != keyCount || end == start {
            // A new run, or the document's earlier run copied to the end to be extended.
            (base + keyCount).update(from: base + start, count: end - start)
            runStart.base[slot] = keyCount
            keyCount += end - start
        }
        let shift = UInt64(token)
        while let key = reader.next() {
            guard key & 0xFFFF_FFFF >= shift else { continue }
            base[keyCount] = key - shift
            keyCount += 1
        }
        runEnd.base[slot] = keyCount
    }

    /// With several ids, a document's run holds each id's positions in turn, and runs left behind
    /// are garbage: lay the runs out again in document order, each sorted (`keepMarked` compacts in
    /// place, which needs that order).
    mutating func finishFirstToken(idCount: Int) {
        if idCount > 1 {
            let laidOut = ScratchBuffer<UInt64>(capacity: keyCount)
            var count = 0
            for slot in 0..<documentCount where runEnd.base[slot] > runStart.base[slot] {
                var run = UnsafeMutableBufferPointer(start: laidOut.base + count, count: runEnd.base[slot] - runStart.base[slot])
                run.baseAddress!.update(from: keys.base + runStart.base[slot], count: run.count)
                run.sort()
                runStart.base[slot] = count
                count += run.count
                runEnd.base[slot] = count
            }
            keys.reserve(count)
            keys.base.update(from: laidOut.base, count: count)
            keyCount = count
        }
        for slot in 0..<documentCount where runEnd.base[slot] > runStart.base[slot] { live.append(slot) }
        followed.fill(false, count: keyCount)
    }

    /// Marks the starts s of document `slot` where the cursor's term occurs at s + token, reading
    /// the term's positions only as far as the last start needs.
    mutating func markFollowed(slot: Int, token: Int, fields: Fields, cursor: PositionCursor) {
        var reader = cursor.positions(in: fields)
        let shift = UInt64(token)
        let keys = keys.base
        let followed = followed.base
        var current = reader.next()
        for at in runStart.base[slot]..<runEnd.base[slot] {
            let wanted = keys[at] &+ shift
            while let key = current, key < wanted { current = reader.next() }
            guard let key = current else { return }
            if key == wanted { followed[at] = true }
        }
    }

    /// Keeps the marked starts only (the token followed them), and the documents that have any left.
    mutating func keepMarked() {
        let keys = keys.base
        let followed = followed.base
        var write = 0
        var stillLive: [Int] = []
        for slot in live {
            let start = write
            // Marks are cleared as they are read, in the same pass: a second loop per document
            // becomes a memset call per document, costly over 100,000s of candidates. Only the
            // run's places can be marked, and the kept keys move to places already read.
            for at in runStart.base[slot]..<runEnd.base[slot] {
                if followed[at] {
                    keys[write] = keys[at]
                    write += 1
                }
                followed[at] = false
            }
            runStart.base[slot] = start
            runEnd.base[slot] = write
            if write > start { stillLive.append(slot) }
        }
        live = stillLive
    }

    /// The phrase's occurrences in document `slot`, weighted as `keepPhrases` weighs the text's counts.
    func weightedCount(slot: Int, fields: Fields) -> Float {
        var title = 0
        var body = 0
        for at in runStart.base[slot]..<runEnd.base[slot] {
            if keys.base[at] < PositionBlock.bodyKeyBase { title += 1 } else { body += 1 }
        }
        return BM25.frequency(body: body, title: title, in: fields)
    }
}
