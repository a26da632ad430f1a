extension ArticleStore {
    /// Runs one search whose results are dropped, so that the first keystroke does not pay for
    /// first touches: the scratch's zero-filled pages, the allocator growing its arena for lists
    /// of 100,000s of matches, the mapped columns and postings every search reads. For the reader's
    /// search queue after the first paint: through the terminal at a million articles the first
    /// keystroke of a session took 25–60 ms, the ones after it 3–10.
    /// The query is the first letter of the most frequent word, the longest walk a keystroke takes.
    public func warmUpSearch() {
        waitForCheckedIndex()  // a snapshot painted before its index was checked: after the check
        guard let index = readyIndex, index.documentCount > 0, index.termCount > 0 else { return }
        let frequencies = index.documentFrequency
        let busiest = frequencies.indices.max { frequencies[$0] < frequencies[$1] } ?? 0
        guard let letter = String(decoding: index.terms.term(busiest), as: UTF8.self).unicodeScalars.first else { return }
        _ = search(String(letter), mode: .incremental)
    }
}
