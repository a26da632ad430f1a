/// Per-document term frequencies of one alternative, over a dense array reused across terms.
struct Accumulator {
    var frequency: [Float]
    /// A phrase's per-document token counts, zero between phrases.
    private var tokensSeen: [UInt8]
    var touched: [Int32] = []

    /// Works in the scratch's frequency and token-count arrays (moved out, not copied) until `giveBack`.
    init(taking scratch: inout SearchScratch) {
        frequency = []
        tokensSeen = []
        swap(&frequency, &scratch.frequency)
        swap(&tokensSeen, &scratch.tokensSeen)
    }

    /// Returns the arrays to the scratch, zeroed (what `touched` still names is cleared first).
    mutating func giveBack(to scratch: inout SearchScratch) {
        reset()
        swap(&frequency, &scratch.frequency)
        swap(&tokensSeen, &scratch.tokensSeen)
    }

    /// Adds up the frequencies of every id in the term's fields (`BM25.frequency`); for a phrase,
    /// keeps the documents that hold all its tokens (verified later), scored on the sum of its
    /// tokens' frequencies.
    mutating func collect<Source: PostingsSource>(term: Query.Term, ids: [[Int]], postings: Source) {
        let fields = term.fields
        if ids.count == 1 {
            // The hot loop of every search (a prefix walks up to 250,000 postings): raw pointers, so
            // no bounds or uniqueness checks per posting. At most one new document per posting:
            // the touched list is sized once and written through a pointer, not appended to.
            precondition(touched.isEmpty, "collect after reset")
            let postingCount = Swift.min(ids[0].reduce(0) { $0 + postings.documentFrequency(of: $1) }, frequency.count)
            touched = [Int32](unsafeUninitializedCapacity: postingCount) { touched, initialized in
                initialized = frequency.withUnsafeMutableBufferPointer { frequency in
                    postings.accumulate(ids[0], fields: fields, into: frequency, touched: touched)
                }
            }
            return
        }
        // A phrase: count, per document, how many of its tokens occur; keep those with all of them.
        // The count is a byte, so only the first 255 tokens pick the candidates (a pasted paragraph
        // can be longer); `keepPhrases` checks the whole phrase on them.
        let counted = ids.prefix(Int(UInt8.max))
        var seenDocuments: [Int32] = []
        for (position, tokenIDs) in counted.enumerated() {
            for id in tokenIDs {
                postings.forEachPosting(of: id) { document, body, title in
                    guard Int(tokensSeen[document]) >= position else { return }
                    let value = BM25.frequency(body: body, title: title, in: fields)
                    if value == 0 { return }  // not in the fields the term searches
                    if Int(tokensSeen[document]) == position {
                        tokensSeen[document] = UInt8(truncatingIfNeeded: position + 1)
                        if position == 0 { seenDocuments.append(Int32(document)) }
                    }
                    frequency[document] += value
                }
            }
        }
        for document in seenDocuments {
            if Int(tokensSeen[Int(document)]) == counted.count { touched.append(document) } else { frequency[Int(document)] = 0 }
        }
        SearchScratch.clear(&tokensSeen, at: seenDocuments)
    }

    /// Drops touched documents where the phrase's tokens are not adjacent in title or body.
    /// Kept documents score on how often the phrase itself occurs (title occurrences weighted), not
    /// on its words' counts: "the son we almost had" twice outranks once, however many "the"s either has.
    /// The index checks on its token positions, the scan on the candidates' text; both take for the
    /// word being typed only the words its resolved `ids` hold (the prefix budget may leave some out).
    /// False when `isCancelled` turned true.
    mutating func keepPhrases<Source: PostingsSource>(
        _ term: Query.Term, ids: [[Int]], postings: Source, articles: ArticleTable, alive: (Int) -> Bool,
        tokenizer: inout Tokenizer, isCancelled: () -> Bool
    ) -> Bool {
        let documents = touched
        let found: [Float]?
        if let index = postings.positionalIndex {
            found = Self.positionalCounts(
                term, ids: ids, index: index, documents: documents, alive: alive, isCancelled: isCancelled)
        } else {
            let matcher = PhraseMatcher(
                tokens: term.tokens, lastIsPrefix: term.isPrefix, lastWords: Self.typedWords(term, ids, postings))
            found = Self.textCounts(
                matcher, fields: term.fields, articles: articles, documents: documents, alive: alive,
                tokenizer: &tokenizer, isCancelled: isCancelled)
        }
        guard let found else { return false }
        var kept: [Int32] = []
        for (document, count) in zip(documents, found) {
            frequency[Int(document)] = count
            if count > 0 { kept.append(document) }
        }
        touched = kept
        return true
    }

    /// Weighted counts per document of `documents` (0 for those not `alive`) from the index's positions.
    private static func positionalCounts(
        _ term: Query.Term, ids: [[Int]], index: SearchIndex, documents: [Int32], alive: (Int) -> Bool, isCancelled: () -> Bool
    ) -> [Float]? {
        // Candidates come in document order (the phrase's first word has one id); sorted all the same.
        var checked = documents.indices.filter { alive(Int(documents[$0])) }
        if !zip(checked, checked.dropFirst()).allSatisfy({ documents[$0] < documents[$1] }) {
            checked.sort { documents[$0] < documents[$1] }
        }
        let matcher = PositionalPhraseMatcher(index: index, term: term, ids: ids)
        guard let counts = matcher.weightedOccurrences(in: checked.map { documents[$0] }, isCancelled: isCancelled) else {
            return nil
        }
        var found = [Float](repeating: 0, count: documents.count)
        for (slot, position) in checked.enumerated() { found[position] = counts[slot] }
        return found
    }

    /// The words the last token may be when it is being typed, from its resolved ids; nil when any
    /// word starting with it counts (a complete phrase, or one longer than the matcher reads).
    private static func typedWords<Source: PostingsSource>(_ term: Query.Term, _ ids: [[Int]], _ postings: Source) -> Set<
        [UInt8]
    >? {
        guard term.isPrefix, term.tokens.count <= PhraseMatcher.maximumTokens, let last = ids.last else { return nil }
        return Set(last.map(postings.term))
    }

    /// The touched documents with their BM25 scores for this alternative alone, in touched order
    /// (as `ClauseScorer.score` adds them up from zero, so the same floats); then `reset`.
    mutating func scored<Source: PostingsSource>(idf: Float, postings: Source) -> [QueryEvaluator.Scored] {
        let result = frequency.withUnsafeBufferPointer { frequencies in
            touched.map { document in
                let frequency = frequencies[Int(document)]
                return QueryEvaluator.Scored(
                    document: document,
                    score: BM25.score(idf: idf, frequency: frequency, lengthNorm: postings.lengthNorm(of: Int(document))))
            }
        }
        reset()
        return result
    }

    mutating func reset() {
        SearchScratch.clear(&frequency, at: touched)
        touched.removeAll(keepingCapacity: true)
    }
}
