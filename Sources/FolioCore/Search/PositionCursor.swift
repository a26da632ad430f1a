/// Walks one term's postings and its position blocks side by side, in document order, for the
/// positional phrase check: it steps over documents the check does not want at the cost of reading
/// their posting and one block header, and decodes positions only where asked.
struct PositionCursor {
    private let postings: UnsafePointer<UInt8>
    private let blocks: UnsafePointer<UInt8>
    private var postingAt: Int
    private let postingEnd: Int
    /// The current posting's block; the term's blocks end at `blockLimit`.
    private var blockAt: Int
    private let blockLimit: Int
    /// The current posting's document; `Int.max` once the postings are done.
    private(set) var document = -1

    /// The caller keeps `index` alive while the cursor is used (its columns hold the bytes).
    init(term id: Int, in index: SearchIndex) {
        postings = index.postings.base
        blocks = index.positions.base
        postingAt = index.postingsStart.base[id]
        postingEnd = index.postingsStart.base[id + 1]
        blockAt = index.positionsStart.base[id]
        blockLimit = index.positionsStart.base[id + 1]
        readPosting()
    }

    /// Moves to the first posting at or after `target`; true when that document holds the term.
    @inline(__always)
    mutating func seek(_ target: Int) -> Bool {
        while document < target {
            blockAt = PositionBlock.end(ofBlockAt: blockAt, in: blocks, limit: blockLimit)
            readPosting()
        }
        return document == target
    }

    /// The current posting's positions, as `PositionBlock` keys.
    @inline(__always)
    func positions(titleOnly: Bool) -> PositionBlock.Reader {
        PositionBlock.Reader(at: blockAt, in: blocks, limit: blockLimit, titleOnly: titleOnly)
    }

    @inline(__always)
    private mutating func readPosting() {
        // A term with fewer blocks than postings is damage: stop rather than read another term's bytes.
        guard postingAt < postingEnd, blockAt < blockLimit else {
            document = Int.max
            return
        }
        document += Int(VarInt.read(postings, at: &postingAt))
        VarInt.skip(postings, at: &postingAt)  // body tf
        VarInt.skip(postings, at: &postingAt)  // title tf
    }
}
