extension EmbeddedEngine {
    /// Runs one search whose results are dropped, so that the first keystroke does not pay for
    /// first touches: the scratch's zero-filled pages, the allocator growing its arena for lists
    /// of 100,000s of matches, the mapped columns and postings every search reads. The first
    /// keystroke of a session would otherwise be the slowest.
    /// The query is the first letter of the most frequent word, the longest walk a keystroke takes.
    public func warmUp() {
        waitForCheckedIndex()  // an engine painted before its snapshot's index was checked: after the check
        guard let index = readyIndex, index.documentCount > 0, index.termCount > 0 else { return }
        let frequencies = index.documentFrequency
        let busiest = frequencies.indices.max { frequencies[$0] < frequencies[$1] } ?? 0
        guard let letter = String(decoding: index.terms.term(busiest), as: UTF8.self).unicodeScalars.first else { return }
        _ = search(String(letter), mode: .incremental)
    }
}
