/// Collects one document's token positions while the chunk indexer tokenizes it, then writes them as
/// one `PositionBlock` per posting, where the chunk indexer asks.
///
/// Tokens arrive in text order, terms interleaved; a block needs a term's positions together. So a
/// document's tokens are noted as posting numbers (4 bytes each, in memory reused from one document
/// to the next) and grouped by a counting sort when the document ends: the chunk keeps only the
/// encoded bytes (about 1.4 a token), never a 4-byte position per token of the corpus.
struct PositionRecorder {
    /// Per token of the current document, title first: the posting it counts into, numbered from the
    /// document's first posting.
    private var tokenPosting = GrowableBuffer<UInt32>()
    private var tokens = 0
    private var titleTokens = 0
    /// Scratch for the counting sort, per posting of the document: where its positions start in
    /// `grouped` (then, once placed, where they end), and how many of them are in the title.
    private var groupStart = GrowableBuffer<Int>()
    private var titleCount = GrowableBuffer<Int>()
    private var grouped = GrowableBuffer<UInt32>()

    mutating func beginDocument() {
        tokens = 0
        titleTokens = 0
    }

    /// The title's tokens are done: what follows is the body, numbered from 0 again.
    mutating func endTitle() { titleTokens = tokens }

    @inline(__always)
    mutating func record(posting: Int) {
        tokenPosting.reserve(tokens + 1)
        tokenPosting.base[tokens] = UInt32(truncatingIfNeeded: posting)
        tokens += 1
    }

    /// The document is done: groups its positions by posting (`postings` of them), for `writeBlock`.
    mutating func endDocument(postings: Int) {
        groupStart.fill(0, count: postings + 1)
        titleCount.fill(0, count: postings)
        grouped.reserve(tokens)
        let tokenPosting = tokenPosting.base
        let groupStart = groupStart.base
        let titleCount = titleCount.base
        let grouped = grouped.base
        for token in 0..<tokens {
            let posting = Int(tokenPosting[token])
            groupStart[posting + 1] += 1
            if token < titleTokens { titleCount[posting] += 1 }
        }
        for posting in 0..<postings { groupStart[posting + 1] += groupStart[posting] }
        // Text order within each posting: title positions ascending, then body positions ascending.
        // Each posting's start serves as its cursor, so afterwards groupStart[p] holds where p ends,
        // which is where p + 1 starts.
        for token in 0..<tokens {
            let posting = Int(tokenPosting[token])
            grouped[groupStart[posting]] = UInt32(truncatingIfNeeded: token < titleTokens ? token : token - titleTokens)
            groupStart[posting] += 1
        }
    }

    /// The most bytes `writeBlock` writes for `posting`: 5 a position, and 10 of counts when saturated.
    @inline(__always)
    func maximumBlockBytes(of posting: Int) -> Int {
        let start = posting == 0 ? 0 : groupStart.base[posting - 1]
        return 5 * (groupStart.base[posting] - start) + 10
    }

    /// Writes posting `posting`'s block at `target` (after `endDocument`); returns its size.
    @inline(__always)
    func writeBlock(_ posting: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        let start = posting == 0 ? 0 : groupStart.base[posting - 1]
        let end = groupStart.base[posting]
        let titleEnd = start + titleCount.base[posting]
        return PositionBlock.write(
            title: UnsafeBufferPointer(start: grouped.base + start, count: titleEnd - start),
            body: UnsafeBufferPointer(start: grouped.base + titleEnd, count: end - titleEnd), to: target)
    }
}
