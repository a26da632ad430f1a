/// What scoring needs of an inverted index: the index itself, or the postings a scan gathered for
/// one query's tokens (`ScanPostings`) while the index is still being built.
protocol PostingsSource {
    var documentCount: Int { get }
    /// Documents holding term `id`.
    func documentFrequency(of id: Int) -> Int
    /// BM25's k1·(1 − b + b·dl/avgdl) for a document.
    func lengthNorm(of document: Int) -> Float
    /// (document, body tf, title tf) for every document holding term `id`, in document order.
    func forEachPosting(of id: Int, _ body: (Int, UInt32, UInt32) -> Void)
    /// The folded bytes of term `id`.
    func term(_ id: Int) -> [UInt8]
    /// The index, when this source is one: phrases are then checked on its token positions
    /// (`PositionalPhraseMatcher`); nil for the scan, which checks them on the candidates' text.
    var positionalIndex: SearchIndex? { get }
    /// Per word, its position keys in each document of `documents` (ascending; `ProximityBonus`).
    func proximityKeys(_ words: [ProximityBonus.Word], documents: [Int32], articles: ArticleTable) -> [WordKeys]
    /// Adds the frequencies of the terms `ids` in `fields` (`BM25.frequency`) into `frequency`, and
    /// writes each document whose frequency was 0 to `touched`; returns how many it wrote. The hot
    /// loop of every search (a one-letter prefix walks 100,000s of postings).
    func accumulate(
        _ ids: [Int], fields: Fields, into frequency: UnsafeMutableBufferPointer<Float>,
        touched: UnsafeMutableBufferPointer<Int32>
    ) -> Int
}

extension PostingsSource {
    func accumulate(
        _ ids: [Int], fields: Fields, into frequency: UnsafeMutableBufferPointer<Float>,
        touched: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        var found = 0
        for id in ids {
            forEachPosting(of: id) { document, body, title in
                found = PostingsAccumulation.add(
                    document: document, body: body, title: title, fields: fields, frequency: frequency, touched: touched,
                    found: found)
            }
        }
        return found
    }
}

/// The step `accumulate` takes per posting, written once for the index's inlined loop and the
/// closure-based one of other sources.
enum PostingsAccumulation {
    @inline(__always)
    static func add(
        document: Int, body: UInt32, title: UInt32, fields: Fields, frequency: UnsafeMutableBufferPointer<Float>,
        touched: UnsafeMutableBufferPointer<Int32>, found: Int
    ) -> Int {
        let value = BM25.frequency(body: body, title: title, in: fields)
        // Not in the fields the term searches (every posting is in some field: with all of them,
        // a constant there, no test is left per posting).
        if fields != .text && value == 0 { return found }
        var found = found
        if frequency[document] == 0 {
            // More documents than the postings counted: a damaged index, not a write past the end.
            precondition(found < touched.count, "postings disagree with their document frequencies")
            touched[found] = Int32(truncatingIfNeeded: document)
            found &+= 1
        }
        frequency[document] += value
        return found
    }
}

extension SearchIndex: PostingsSource {
    func documentFrequency(of id: Int) -> Int { Int(documentFrequency[id]) }
    func lengthNorm(of document: Int) -> Float { lengthNorm.base[document] }
    func term(_ id: Int) -> [UInt8] { terms.term(id) }
    var positionalIndex: SearchIndex? { self }

    /// The postings walked in place, the step inlined: through `forEachPosting` the per-posting
    /// closure stays a call per posting.
    func accumulate(
        _ ids: [Int], fields: Fields, into frequency: UnsafeMutableBufferPointer<Float>,
        touched: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        var found = 0
        postings.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            for (number, id) in ids.enumerated() {
                var position = postingsStart.base[id]
                let end = postingsStart.base[id + 1]
                var document = -1
                if number == 0 && fields == .text {
                    // The first term meets only zeros, one posting per document: no frequency to read
                    // first (a one-letter word like "i" has a posting in nearly every document).
                    while position < end {
                        document += Int(VarInt.read(base, at: &position))
                        let body = VarInt.read(base, at: &position)
                        let title = VarInt.read(base, at: &position)
                        precondition(found < touched.count, "postings disagree with their document frequencies")
                        frequency[document] = BM25.frequency(body: body, title: title, in: .text)
                        touched[found] = Int32(truncatingIfNeeded: document)
                        found &+= 1
                    }
                    continue
                }
                if fields == .text {
                    // Every field, as nearly every term searches: the step inlined for that constant.
                    while position < end {
                        document += Int(VarInt.read(base, at: &position))
                        let body = VarInt.read(base, at: &position)
                        let title = VarInt.read(base, at: &position)
                        found = PostingsAccumulation.add(
                            document: document, body: body, title: title, fields: .text, frequency: frequency, touched: touched,
                            found: found)
                    }
                    continue
                }
                while position < end {
                    document += Int(VarInt.read(base, at: &position))
                    let body = VarInt.read(base, at: &position)
                    let title = VarInt.read(base, at: &position)
                    found = PostingsAccumulation.add(
                        document: document, body: body, title: title, fields: fields, frequency: frequency, touched: touched,
                        found: found)
                }
            }
        }
        return found
    }
}
