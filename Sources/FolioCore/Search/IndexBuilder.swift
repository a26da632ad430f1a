import Synchronization

/// Builds a `SearchIndex` from articles on all cores.
///
/// 1. Workers tokenize contiguous ranges of documents, each into its own term table and a flat list of
///    (term, packed tf) postings per document: no shared state, no locks.
/// 2. Each worker sorts its terms; a k-way merge gives the global sorted dictionary and each worker's
///    local → global id map.
/// 3. Postings are sized, then written as varints straight into one arena, in document order; each
///    posting's token positions likewise into a second arena (`PositionBlock`), for phrase checks.
enum IndexBuilder {
    /// `progress` is called now and then with the fraction done (from worker threads).
    static func build(_ articles: ArticleTable, progress: @Sendable (Double) -> Void = { _ in }) -> SearchIndex {
        let parts = Parallel.ranges(articles.count, parts: Swift.min(articles.count, Parallel.workerCount * 2))
        // Tokenizing is ~80% of the build: progress counts documents done, shared by the workers.
        let documentsDone = Atomic<Int>(0)
        let total = Swift.max(1, articles.count)
        var chunks = Parallel.map(parts.count) { part in
            ChunkIndexer.index(articles, range: parts[part]) { done in
                let all = documentsDone.add(done, ordering: .relaxed).newValue
                progress(0.8 * Double(all) / Double(total))
            }
        }
        let merged = DictionaryMerger.merge(chunks)
        progress(0.85)
        // The two arenas are laid out at once, one core each: the positions take about half the
        // postings' time, so they cost no time here. The chunks' blocks move to the positions writer,
        // which frees each chunk's once copied.
        var blocks = chunks.indices.map { chunks[$0].takePositionBytes() }
        let ((positionsStart, positions), (documentFrequency, postingsStart, postings)) = Parallel.both(
            { PositionsWriter.write(&blocks, of: chunks, globalIDs: merged.globalIDs, termCount: merged.terms.count) },
            { PostingsWriter.write(chunks, globalIDs: merged.globalIDs, termCount: merged.terms.count) })
        progress(0.95)
        let (stems, groupStart, groupTerms) = StemGrouper.group(merged.terms)
        var lengths: [Float] = []
        lengths.reserveCapacity(articles.count)
        for chunk in chunks { lengths.append(contentsOf: chunk.documentLengths) }
        let average = lengths.isEmpty ? 1 : Swift.max(1, lengths.reduce(0, +) / Float(lengths.count))
        return SearchIndex(
            terms: merged.terms, documentFrequency: Column(documentFrequency), postingsStart: Column(postingsStart),
            postings: postings, positionsStart: Column(positionsStart), positions: positions, stems: stems,
            groupStart: Column(groupStart), groupTerms: Column(groupTerms),
            documentLength: Column(lengths), averageDocumentLength: average, termsByLength: TermsByLength(merged.terms),
            lengthNorm: Column(lengths.map {
                QueryEvaluator.k1 * (1 - QueryEvaluator.b + QueryEvaluator.b * $0 / average)
            }))
    }
}

/// Step 1: one worker's documents.
struct ChunkIndexer {
    var table = TermHashTable()
    /// First document of the chunk (global number).
    var firstDocument = 0
    /// Postings of document d (chunk-relative) are postingTerm/postingFrequency[documentStart[d] ..< documentStart[d + 1]].
    var documentStart: [UInt32] = [0]
    var postingTerm: [UInt32] = []
    /// Body tf in the low 16 bits, title tf in the high 16 (both saturate at 65,535).
    var postingFrequency: [UInt32] = []
    var documentLengths: [Float] = []
    /// One `PositionBlock` per posting, in posting order (`PositionsWriter` regroups them by term).
    var positionBytes: [UInt8] = []

    /// The blocks, leaving none here (so whoever takes them can free them).
    mutating func takePositionBytes() -> [UInt8] {
        defer { positionBytes = [] }
        return positionBytes
    }

    static func index(_ articles: ArticleTable, range: Range<Int>, reportDone: (Int) -> Void = { _ in }) -> ChunkIndexer {
        var sink = Sink()
        sink.indexer.firstDocument = range.lowerBound
        var tokenizer = Tokenizer()
        for (local, documentNumber) in range.enumerated() {
            let article = articles[documentNumber]
            sink.beginDocument(Int32(local))
            sink.increment = 1 << 16
            tokenizer.tokenize(article.title, into: &sink)
            let titleTokens = sink.tokens
            sink.tokens = 0
            sink.increment = 1
            sink.recorder.endTitle()
            article.withBodyUTF8 { tokenizer.tokenize(bytes: $0, into: &sink) }
            sink.endDocument()
            sink.indexer.documentLengths.append(Float(sink.tokens) + SearchIndex.titleWeight * Float(titleTokens))
            if local & 255 == 255 { reportDone(256) }
        }
        return sink.indexer
    }

    /// Counts each token into the current document's postings.
    private struct Sink: TokenSink {
        var indexer = ChunkIndexer()
        /// 1 for a body token, 1 << 16 for a title token (the packed frequency's two halves).
        var increment: UInt32 = 1
        var tokens = 0
        var document: Int32 = 0
        /// Per local term: the last document that used it, and where its posting sits.
        var lastDocument: [Int32] = []
        var slot: [UInt32] = []
        var recorder = PositionRecorder()
        /// The current document's first posting.
        var firstPosting = 0

        mutating func beginDocument(_ local: Int32) {
            document = local
            tokens = 0
            firstPosting = indexer.postingTerm.count
            recorder.beginDocument()
        }

        mutating func endDocument() {
            indexer.documentStart.append(UInt32(indexer.postingTerm.count))
            recorder.endDocument(postings: indexer.postingTerm.count - firstPosting, into: &indexer.positionBytes)
        }

        @inline(__always)
        mutating func token(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Tokenizer.Kind) {
            tokens += 1
            let id = indexer.table.id(for: folded)
            if id == lastDocument.count {
                lastDocument.append(-1)
                slot.append(0)
            }
            if lastDocument[id] != document {
                lastDocument[id] = document
                slot[id] = UInt32(indexer.postingTerm.count)
                indexer.postingTerm.append(UInt32(id))
                indexer.postingFrequency.append(0)
            }
            let position = Int(slot[id])
            recorder.record(posting: position - firstPosting)
            let packed = indexer.postingFrequency[position]
            let field = increment == 1 ? packed & 0xFFFF : packed >> 16
            if field < 0xFFFF { indexer.postingFrequency[position] = packed &+ increment }
        }
    }
}
