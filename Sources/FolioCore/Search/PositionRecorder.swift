/// Collects one document's token positions while the chunk indexer tokenizes it, then writes them as
/// one `PositionBlock` per posting, in posting order, to the chunk's byte arena.
///
/// Tokens arrive in text order, terms interleaved; a block needs a term's positions together. So a
/// document's tokens are noted as posting numbers (4 bytes each, in memory reused from one document
/// to the next) and grouped by a counting sort when the document ends: the chunk keeps only the
/// encoded bytes (about 1.4 a token), never a 4-byte position per token of the corpus.
struct PositionRecorder {
    /// Per token of the current document, title first: the posting it counts into, numbered from the
    /// document's first posting.
    private let tokenPosting = ScratchBuffer<UInt32>()
    private var tokens = 0
    private var titleTokens = 0
    /// Scratch for the counting sort, per posting of the document: where its positions start in
    /// `grouped` (then, once placed, where they end), and how many of them are in the title.
    private let groupStart = ScratchBuffer<Int>()
    private let titleCount = ScratchBuffer<Int>()
    private let grouped = ScratchBuffer<UInt32>()
    /// The document's blocks, encoded before they are appended to the arena in one copy.
    private let encoded = ScratchBuffer<UInt8>()

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

    /// Appends a block per posting of the document (`postings` of them) to `bytes`.
    mutating func endDocument(postings: Int, into bytes: inout [UInt8]) {
        groupStart.fill(0, count: postings + 1)
        titleCount.fill(0, count: postings)
        grouped.reserve(tokens)
        let tokenPosting = tokenPosting.base, groupStart = groupStart.base, titleCount = titleCount.base
        let grouped = grouped.base
        for token in 0..<tokens {
            let posting = Int(tokenPosting[token])
            groupStart[posting + 1] += 1
            if token < titleTokens { titleCount[posting] += 1 }
        }
        for posting in 0..<postings { groupStart[posting + 1] += groupStart[posting] }
        // Text order within each posting: title positions ascending, then body positions ascending.
        // Each posting's start serves as its cursor, so afterwards it holds the posting's end.
        for token in 0..<tokens {
            let posting = Int(tokenPosting[token])
            grouped[groupStart[posting]] = UInt32(truncatingIfNeeded: token < titleTokens ? token : token - titleTokens)
            groupStart[posting] += 1
        }
        // At most 5 bytes a position, and 10 of counts a (saturated) posting.
        encoded.reserve(5 * tokens + 10 * postings)
        var written = 0
        var start = 0
        for posting in 0..<postings {
            let end = groupStart[posting], titleEnd = start + titleCount[posting]
            written += PositionBlock.write(
                title: UnsafeBufferPointer(start: grouped + start, count: titleEnd - start),
                body: UnsafeBufferPointer(start: grouped + titleEnd, count: end - titleEnd), to: encoded.base + written)
            start = end
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: encoded.base, count: written))
    }
}
