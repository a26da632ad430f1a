/// What one pass over every article gives a query's linear scan: the documents' lengths as the
/// index computes them (all tokens, so BM25's length normalisation is the same), and postings
/// (document, body tf, title tf) of just the tokens the query may use, laid out per token like the
/// index's, so `ScanAccumulator` can follow `Accumulator` step by step.
struct ScanPostings {
    /// The memo after the pass, with every relevant token's document frequency.
    let terms: ScanTermTable
    /// BM25's k1·(1 − b + b·dl/avgdl) per document (`SearchIndex.lengthNorm`).
    let lengthNorm: [Float]
    /// Postings of token id i are at start[i] ..< start[i + 1], in document order.
    private let start: [Int]
    private let document: [Int32]
    /// Body tf in the low 16 bits, title tf in the high 16, both saturated as the index saturates them.
    private let frequency: [UInt32]

    var documentCount: Int { lengthNorm.count }

    /// Tokenizes every article once (title, then body) through the memo; nil when `isCancelled`
    /// turns true (asked every 256 articles).
    static func collect(_ articles: ArticleTable, terms: consuming ScanTermTable, isCancelled: () -> Bool) -> ScanPostings? {
        var sink = Sink(terms: terms)
        var tokenizer = Tokenizer()
        var lengths: [Float] = []
        lengths.reserveCapacity(articles.count)
        // Bodies in a file mapping are dropped a block at a time once read: a scan per keystroke
        // while the index builds would otherwise keep the whole text resident beside the build
        // (reading them back costs little next to the scan).
        let releaseBlock = 4096
        for number in 0..<articles.count {
            if number % releaseBlock == 0 && number > 0 { articles.releaseText((number - releaseBlock)..<number) }
            if number % 256 == 0 && isCancelled() {
                articles.releaseText((number / releaseBlock * releaseBlock)..<number)
                return nil
            }
            sink.document = Int32(number)
            sink.tokens = 0
            sink.increment = 1 << 16
            var titleTokens = 0
            articles.withTitleAndBody(at: number) { title, body in
                tokenizer.tokenize(bytes: title, into: &sink)
                titleTokens = sink.tokens
                sink.tokens = 0
                sink.increment = 1
                tokenizer.tokenize(bytes: body, into: &sink)
            }
            sink.documentStart.append(UInt32(sink.postingTerm.count))
            lengths.append(BM25.documentLength(bodyTokens: sink.tokens, titleTokens: titleTokens))
        }
        articles.releaseText((articles.count / releaseBlock * releaseBlock)..<articles.count)
        return ScanPostings(sink, lengths: lengths)
    }

    /// Regroups the pass's postings (document by document) by token: a counting sort on the
    /// document frequencies, which are the per-token posting counts.
    private init(_ sink: consuming Sink, lengths: [Float]) {
        // IndexBuilder's average and norms, by the same functions (the same floats).
        lengthNorm = BM25.lengthNorms(lengths, average: BM25.averageLength(lengths))
        let terms = sink.terms
        var start = [Int](repeating: 0, count: terms.distinctTokenCount + 1)
        for id in 0..<terms.distinctTokenCount { start[id + 1] = start[id] + Int(terms.documentFrequency[id]) }
        var cursor = start
        var document = [Int32](repeating: 0, count: sink.postingTerm.count)
        var frequency = [UInt32](repeating: 0, count: sink.postingTerm.count)
        for number in 0..<(sink.documentStart.count - 1) {
            for posting in Int(sink.documentStart[number])..<Int(sink.documentStart[number + 1]) {
                let id = Int(sink.postingTerm[posting])
                document[cursor[id]] = Int32(number)
                frequency[cursor[id]] = sink.postingFrequency[posting]
                cursor[id] += 1
            }
        }
        self.terms = terms
        self.start = start
        self.document = document
        self.frequency = frequency
    }

    /// Visits the postings of token `id` in document order: (document, body tf, title tf).
    @inline(__always)
    func forEachPosting(of id: Int, _ body: (Int, UInt32, UInt32) -> Void) {
        for position in start[id]..<start[id + 1] {
            let packed = frequency[position]
            body(Int(document[position]), packed & 0xFFFF, packed >> 16)
        }
    }

    /// Counts each relevant token into the current document's postings (as the index build does),
    /// and every token into the document's length. Tokens no slot can want skip the memo.
    private struct Sink: TokenSink {
        var terms: ScanTermTable
        /// 1 for a body token, 1 << 16 for a title token (the packed frequency's two halves).
        var increment: UInt32 = 1
        var tokens = 0
        var document: Int32 = 0
        /// Per token id: the last document that used it, and where its posting sits.
        var lastDocument: [Int32] = []
        var slot: [UInt32] = []
        /// Postings of document d are postingTerm/postingFrequency[documentStart[d] ..< documentStart[d + 1]].
        var documentStart: [UInt32] = [0]
        var postingTerm: [UInt32] = []
        var postingFrequency: [UInt32] = []

        init(terms: consuming ScanTermTable) { self.terms = terms }

        @inline(__always)
        mutating func token(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Tokenizer.Kind) {
            tokens += 1
            guard terms.mayMatch(firstByte: folded[0]) else { return }
            let id = terms.id(for: folded)
            if id == lastDocument.count {
                lastDocument.append(-1)
                slot.append(0)
            }
            guard terms.isRelevant[id] else { return }
            if lastDocument[id] != document {
                lastDocument[id] = document
                slot[id] = UInt32(postingTerm.count)
                postingTerm.append(UInt32(id))
                postingFrequency.append(0)
                terms.documentFrequency[id] += 1
            }
            let position = Int(slot[id])
            let packed = postingFrequency[position]
            let field = increment == 1 ? packed & 0xFFFF : packed >> 16
            if field < 0xFFFF { postingFrequency[position] = packed &+ increment }
        }
    }
}

extension ScanPostings: PostingsSource {
    func documentFrequency(of id: Int) -> Int { Int(terms.documentFrequency[id]) }
    func lengthNorm(of document: Int) -> Float { lengthNorm[document] }
    func term(_ id: Int) -> [UInt8] { terms.token(id) }
    /// No positions: the scan checks phrases on the text it has just read.
    var positionalIndex: SearchIndex? { nil }
}
