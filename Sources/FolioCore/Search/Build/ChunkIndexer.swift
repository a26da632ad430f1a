/// Step 1 of indexing: one chunk of consecutive documents, tokenized and counted into per-term
/// lists of postings and position blocks (`SlicePool`), then laid out by term (`ChunkIndex`). A
/// worker keeps one indexer for all the chunks it takes, so its memory is allocated once.
struct ChunkIndexer {
    private var sink = Sink()
    private var tokenizer = Tokenizer()

    /// `reportDone(n)` is called now and then with the number of documents done since the last call.
    mutating func index(_ articles: ArticleTable, range: Range<Int>, reportDone: (Int) -> Void = { _ in }) -> ChunkIndex {
        sink.removeAll()
        for (local, documentNumber) in range.enumerated() {
            sink.beginDocument(Int32(local))
            articles.withTitleAndBody(at: documentNumber) { title, body in
                tokenizer.tokenize(bytes: title, into: &sink)
                sink.endTitle()
                tokenizer.tokenize(bytes: body, into: &sink)
            }
            sink.endDocument()
            if local & 255 == 255 { reportDone(256) }
        }
        return ChunkIndex(
            firstDocument: range.lowerBound, documentLengths: sink.documentLengths, terms: sink.table, pool: sink.pool)
    }

    /// Counts each token into the current document's postings (`DocumentTerms`), then appends
    /// them to their terms' lists.
    private struct Sink: TokenSink {
        var table = ChunkTermTable()
        var pool = SlicePool()
        var documentLengths: [Float] = []
        var terms = DocumentTerms()
        var recorder = PositionRecorder()
        /// The current document (chunk-local), its token counts, and whether a token counts into
        /// the body tf or the title tf (`DocumentTerms.count`).
        var document: Int32 = 0
        var tokens = 0
        var titleTokens = 0
        var increment: UInt32 = 1 << 16
        /// The chunk's term id of each posting of the document.
        var postingID = GrowableBuffer<Int>()
        /// The sum of the values read ahead (`endDocument`), stored so that the reads happen.
        var touched: UInt64 = 0
        /// A posting's varints or position block, when they do not fit their slice.
        var encoded = GrowableBuffer<UInt8>()

        mutating func removeAll() {
            table.removeAll()
            pool.removeAll()
            documentLengths = []
        }

        mutating func beginDocument(_ local: Int32) {
            document = local
            tokens = 0
            increment = 1 << 16
            recorder.beginDocument()
        }

        mutating func endTitle() {
            titleTokens = tokens
            tokens = 0
            increment = 1
            recorder.endTitle()
        }

        @inline(__always)
        mutating func token(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Tokenizer.Kind) {
            tokens += 1
            recorder.record(posting: terms.count(folded, increment: increment))
        }

        /// Appends each posting (document gap unless it is the term's first in the chunk, body tf,
        /// title tf) and its position block to its term's lists.
        mutating func endDocument() {
            let postings = terms.count
            recorder.endDocument(postings: postings)
            // The chunk table for all postings first, their slots and records read ahead (`touch`),
            // then their lists' ends likewise: a few overlapping cache misses instead of one after
            // another. `touched` keeps the reads from being optimised away.
            postingID.reserve(postings)
            var touched: UInt64 = 0
            for posting in 0..<postings { touched &+= table.touch(hash: terms.posting(posting).hash) }
            for posting in 0..<postings {
                let entry = terms.posting(posting)
                postingID.base[posting] = table.id(for: terms.term(posting), key: entry.key, hash: entry.hash)
            }
            for posting in 0..<postings {
                let term = table.record(postingID.base[posting])
                touched &+= UInt64(pool.touch(term.pointee.postings)) &+ UInt64(pool.touch(term.pointee.positions))
            }
            self.touched = touched
            for posting in 0..<postings {
                let term = table.record(postingID.base[posting])
                let last = term.pointee.lastDocument
                let gap = last < 0 ? 0 : UInt32(truncatingIfNeeded: document - last)
                let packed = terms.posting(posting).frequency
                let body = packed & 0xFFFF
                let title = packed >> 16
                pool.append(atMost: 15, to: &term.pointee.postings, scratch: &encoded) { target in
                    let at = gap == 0 ? 0 : VarInt.write(gap, to: target, at: 0)
                    return VarInt.write(title, to: target, at: VarInt.write(body, to: target, at: at))
                }
                pool.append(atMost: recorder.maximumBlockBytes(of: posting), to: &term.pointee.positions, scratch: &encoded) {
                    recorder.writeBlock(posting, to: $0)
                }
                if gap == 0 { term.pointee.firstDocument = document }
                term.pointee.lastDocument = document
                term.pointee.documents += 1
            }
            terms.removeAll()
            documentLengths.append(BM25.documentLength(bodyTokens: tokens, titleTokens: titleTokens))
        }
    }
}
