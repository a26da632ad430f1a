/// `Accumulator` over a scan's postings instead of the index's: the same per-document frequencies,
/// the same phrase candidates and the same phrase verification, so a scan scores as the index does.
/// Keep the two in step: `ScanSearchTests` compares them on every kind of query.
struct ScanAccumulator {
    var frequency: [Float]
    var touched: [Int32] = []

    init(count: Int) { frequency = [Float](repeating: 0, count: count) }

    /// `Accumulator.collect`: the title-weighted frequencies of every id; for a phrase, the documents
    /// holding all of its first 255 tokens (verified by `keepPhrases`).
    mutating func collect(term: Query.Term, ids: [[Int]], postings: ScanPostings) {
        let weight = SearchIndex.titleWeight
        let titleOnly = term.titleOnly
        if ids.count == 1 {
            for id in ids[0] {
                postings.forEachPosting(of: id) { document, body, title in
                    if titleOnly && title == 0 { return }
                    let value = (titleOnly ? 0 : Float(body)) + weight * Float(title)
                    if frequency[document] == 0 { touched.append(Int32(document)) }
                    frequency[document] += value
                }
            }
            return
        }
        let counted = ids.prefix(Int(UInt8.max))
        var tokensSeen = [UInt8](repeating: 0, count: frequency.count)
        var seenDocuments: [Int32] = []
        for (position, tokenIDs) in counted.enumerated() {
            for id in tokenIDs {
                postings.forEachPosting(of: id) { document, body, title in
                    if titleOnly && title == 0 { return }
                    guard Int(tokensSeen[document]) >= position else { return }
                    if Int(tokensSeen[document]) == position {
                        tokensSeen[document] = UInt8(truncatingIfNeeded: position + 1)
                        if position == 0 { seenDocuments.append(Int32(document)) }
                    }
                    frequency[document] += (titleOnly ? 0 : Float(body)) + weight * Float(title)
                }
            }
        }
        for document in seenDocuments {
            if Int(tokensSeen[Int(document)]) == counted.count { touched.append(document) } else { frequency[Int(document)] = 0 }
        }
    }

    /// `Accumulator.keepPhrases`: keeps the alive candidates where the phrase occurs, scored on its
    /// (title-weighted) occurrences. False when `isCancelled` turned true (asked every 256 candidates):
    /// a phrase being typed can have most of a large corpus as candidates.
    mutating func keepPhrases(
        _ term: Query.Term, articles: ArticleTable, alive: (Int) -> Bool, tokenizer: inout Tokenizer, isCancelled: () -> Bool
    ) -> Bool {
        let matcher = PhraseMatcher(tokens: term.tokens, lastIsPrefix: term.isPrefix)
        var kept: [Int32] = []
        for (checked, document) in touched.enumerated() {
            if checked % 256 == 255 && isCancelled() { return false }
            var occurrences: Float = 0
            if alive(Int(document)) {
                occurrences = articles.withTitleAndBody(at: Int(document)) { title, body in
                    var found = SearchIndex.titleWeight * Float(matcher.occurrenceCount(inBytes: title, tokenizer: &tokenizer))
                    if !term.titleOnly { found += Float(matcher.occurrenceCount(inBytes: body, tokenizer: &tokenizer)) }
                    return found
                }
            }
            frequency[Int(document)] = occurrences
            if occurrences > 0 { kept.append(document) }
        }
        touched = kept
        return true
    }

    mutating func reset() {
        for document in touched { frequency[Int(document)] = 0 }
        touched.removeAll(keepingCapacity: true)
    }
}
