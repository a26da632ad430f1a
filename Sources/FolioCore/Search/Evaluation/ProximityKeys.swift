/// One word's position keys (`PositionBlock` keys: title tokens from 0, body tokens from
/// `bodyKeyBase`) in each candidate document of `ProximityBonus`, all in one buffer: a thousand
/// candidates times the query's words would otherwise be thousands of small arrays per keystroke.
struct WordKeys {
    private var keys: [UInt64]
    private var starts: [Int]

    /// The keys in the document of `slot`, ascending.
    subscript(slot: Int) -> ArraySlice<UInt64> { keys[starts[slot]..<starts[slot + 1]] }

    /// From `keys[i]` found in the document of `slots[i]` (slots in any order, each below
    /// `documents`): counted into place by slot, each slot's keys then sorted when `sortEach` (a
    /// word of several terms, whose keys come term by term).
    init(slots: [Int32], keys found: [UInt64], documents: Int, sortEach: Bool) {
        var starts = [Int](repeating: 0, count: documents + 1)
        for slot in slots { starts[Int(slot) + 1] += 1 }
        for slot in 0..<documents { starts[slot + 1] += starts[slot] }
        var next = starts
        var keys = [UInt64](repeating: 0, count: found.count)
        for (slot, key) in zip(slots, found) {
            keys[next[Int(slot)]] = key
            next[Int(slot)] += 1
        }
        if sortEach {
            for slot in 0..<documents where starts[slot + 1] - starts[slot] > 1 { keys[starts[slot]..<starts[slot + 1]].sort() }
        }
        self.keys = keys
        self.starts = starts
    }
}

extension PostingsSource {
    /// Per word, its keys in each document of `documents` (ascending), read from the documents'
    /// text: the scan's way, which the index replaces with its positions.
    func proximityKeys(_ words: [ProximityBonus.Word], documents: [Int32], articles: ArticleTable) -> [WordKeys] {
        var wordsOfTerm: [[UInt8]: [Int]] = [:]
        for (number, word) in words.enumerated() {
            for id in word.ids { wordsOfTerm[term(id), default: []].append(number) }
        }
        var tokenizer = Tokenizer()
        var sink = KeySink(wordsOfTerm: wordsOfTerm, words: words)
        for (slot, document) in documents.enumerated() {
            sink.slot = Int32(slot)
            sink.next = 0
            articles.withTitleAndBody(at: Int(document)) { title, body in
                sink.field = .title
                tokenizer.tokenize(bytes: title, into: &sink)
                sink.field = .body
                sink.next = PositionBlock.bodyKeyBase
                tokenizer.tokenize(bytes: body, into: &sink)
            }
        }
        return words.indices.map {
            WordKeys(slots: sink.slots[$0], keys: sink.keys[$0], documents: documents.count, sortEach: false)
        }
    }
}

/// Notes the key of every token that is one of the words' terms, in text order.
private struct KeySink: TokenSink {
    let wordsOfTerm: [[UInt8]: [Int]]
    let words: [ProximityBonus.Word]
    var slots: [[Int32]]
    var keys: [[UInt64]]
    var slot: Int32 = 0
    var field: Fields = .title
    var next: UInt64 = 0

    init(wordsOfTerm: [[UInt8]: [Int]], words: [ProximityBonus.Word]) {
        self.wordsOfTerm = wordsOfTerm
        self.words = words
        slots = Array(repeating: [], count: words.count)
        keys = Array(repeating: [], count: words.count)
    }

    mutating func token(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Tokenizer.Kind) {
        defer { next += 1 }
        guard let numbers = wordsOfTerm[Array(folded)] else { return }
        for number in numbers where words[number].fields.contains(field) {
            slots[number].append(slot)
            keys[number].append(next)
        }
    }
}

extension SearchIndex {
    /// `PostingsSource.proximityKeys` from the stored positions: one cursor per term id walks its
    /// postings once through the ascending documents.
    func proximityKeys(_ words: [ProximityBonus.Word], documents: [Int32], articles: ArticleTable) -> [WordKeys] {
        withExtendedLifetime(self) {
            words.map { word in
                var slots: [Int32] = []
                var keys: [UInt64] = []
                for id in word.ids {
                    var cursor = PositionCursor(term: id, in: self)
                    for (slot, document) in documents.enumerated() where cursor.seek(Int(document)) {
                        var reader = cursor.positions(in: word.fields)
                        while let key = reader.next() {
                            slots.append(Int32(slot))
                            keys.append(key)
                        }
                    }
                }
                return WordKeys(slots: slots, keys: keys, documents: documents.count, sortEach: word.ids.count > 1)
            }
        }
    }
}
