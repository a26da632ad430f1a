// Stage: index format. The immutable index a build produces and a snapshot maps: sorted terms,
// varint postings, position blocks and stem groups, read in place by the query stages.

/// The inverted index of a corpus: immutable once built, shared by every query (Sendable).
///
/// Layout (Documentation/architecture.md §6): a sorted term arena (exact look-up and prefix ranges by binary search),
/// one flat postings arena of varints (doc gap, body tf, title tf) in doc order, beside it an arena of
/// each posting's token positions in the same order (`PositionBlock`, for phrases), and stem groups that
/// map an English stem to the raw terms sharing it, so "ashes" finds "ash" while "as" typed
/// incrementally still prefix-matches raw words.
struct SearchIndex: Sendable {
    let terms: SortedTerms
    /// Documents containing term i.
    let documentFrequency: Column<UInt32>
    /// Postings of term i are postings[postingsStart[i] ..< postingsStart[i + 1]].
    let postingsStart: Column<Int>
    let postings: Column<UInt8>
    /// Positions of term i are positions[positionsStart[i] ..< positionsStart[i + 1]]: one
    /// `PositionBlock` per posting, in the postings' order.
    let positionsStart: Column<Int>
    let positions: Column<UInt8>
    /// Stems in byte order; group g holds the raw term ids groupTerms[groupStart[g] ..< groupStart[g + 1]].
    let stems: SortedTerms
    let groupStart: Column<UInt32>
    let groupTerms: Column<UInt32>
    /// Tokens per document, title tokens weighted (`BM25.documentLength`).
    let documentLength: Column<Float>
    let averageDocumentLength: Float
    /// Term ids grouped by byte length, for the typo scan.
    let termsByLength: TermsByLength
    /// `BM25.lengthNorms` per document, computed once at build.
    let lengthNorm: Column<Float>

    var documentCount: Int { documentLength.count }
    var termCount: Int { terms.count }

    /// Bytes held by the index structures (not the article text).
    var memoryBytes: Int {
        terms.bytes.byteCount + terms.offsets.byteCount + documentFrequency.byteCount + postingsStart.byteCount
            + postings.byteCount + positionsStart.byteCount + positions.byteCount + stems.bytes.byteCount
            + stems.offsets.byteCount + groupStart.byteCount
            + groupTerms.byteCount + documentLength.byteCount + lengthNorm.byteCount + termsByLength.order.byteCount
            + termsByLength.start.byteCount
    }

    /// Raw term ids sharing the English stem of `word` (the word itself included when indexed).
    func termsWithStem(of word: [UInt8]) -> [Int] {
        var result: [Int] = []
        if let group = stems.find(Self.stem(word)) {
            result = (Int(groupStart[group])..<Int(groupStart[group + 1])).map { Int(groupTerms[$0]) }
        }
        if let exact = terms.find(word), !result.contains(exact) { result.append(exact) }
        return result
    }

    /// The stem used for grouping: Porter2 for ASCII words, the word itself otherwise.
    static func stem(_ term: [UInt8]) -> [UInt8] {
        EnglishStemmer.stem(term)
    }

    /// Visits the postings of term `id` in document order: (document, body tf, title tf).
    @inline(__always)
    func forEachPosting(of id: Int, _ body: (Int, UInt32, UInt32) -> Void) {
        postings.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            var position = postingsStart.base[id]
            let end = postingsStart.base[id + 1]
            var document = -1
            while position < end {
                document += Int(VarInt.read(base, at: &position))
                let bodyFrequency = VarInt.read(base, at: &position)
                let titleFrequency = VarInt.read(base, at: &position)
                body(document, bodyFrequency, titleFrequency)
            }
        }
    }
}

/// Term ids ordered by byte length: terms of length L are order[start[L] ..< start[L + 1]].
struct TermsByLength: Sendable {
    let order: Column<UInt32>
    let start: Column<UInt32>

    init(order: Column<UInt32>, start: Column<UInt32>) {
        self.order = order
        self.start = start
    }

    init(_ terms: SortedTerms) {
        let maximum = Tokenizer.maximumTokenBytes + 8
        var counts = [UInt32](repeating: 0, count: maximum + 2)
        for id in 0..<terms.count { counts[Swift.min(terms.length(id), maximum) + 1] += 1 }
        for length in 1..<counts.count { counts[length] += counts[length - 1] }
        var cursor = counts
        var order = [UInt32](repeating: 0, count: terms.count)
        for id in 0..<terms.count {
            let length = Swift.min(terms.length(id), maximum)
            order[Int(cursor[length])] = UInt32(id)
            cursor[length] += 1
        }
        self.order = Column(order)
        self.start = Column(counts)
    }
}
