/// Walks one term's postings and its position blocks side by side, in document order, for the
/// positional phrase check, decoding positions only where asked.
///
/// Blocks are stepped over lazily: passing a document adds its block's position count (its term
/// frequencies) to a debt, paid when the cursor stops on a wanted document by counting that many
/// varint ends, eight bytes at a time. Walking a common word ("of*" typed after a rare one) to a
/// few candidates then costs its postings plus one pass over the bytes, not a loop per block.
struct PositionCursor {
    private let postings: UnsafePointer<UInt8>
    private let blocks: UnsafePointer<UInt8>
    private var postingAt: Int
    private let postingEnd: Int
    /// The term's blocks end at `blockLimit`. The current posting's block starts `pendingPositions`
    /// varints after `blockAt` (the blocks passed but not yet stepped over).
    private var blockAt: Int
    private let blockLimit: Int
    private var pendingPositions = 0
    /// The current posting's document; `Int.max` once the postings are done.
    private(set) var document = -1
    /// The current posting's stored frequencies (they give its block's counts).
    private var bodyFrequency: UInt32 = 0
    private var titleFrequency: UInt32 = 0

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
            if titleFrequency == PositionBlock.saturated || bodyFrequency == PositionBlock.saturated {
                // The block holds its counts: catch up to read them.
                payPending()
                blockAt = PositionBlock.end(
                    ofBlockAt: blockAt, titleFrequency: titleFrequency, bodyFrequency: bodyFrequency, in: blocks,
                    limit: blockLimit)
            } else {
                pendingPositions += Int(titleFrequency) + Int(bodyFrequency)
            }
            readPosting()
        }
        guard document == target else { return false }
        payPending()
        return true
    }

    @inline(__always)
    private mutating func payPending() {
        guard pendingPositions > 0 else { return }
        blockAt = PositionBlock.skipVarInts(pendingPositions, from: blockAt, in: blocks, limit: blockLimit)
        pendingPositions = 0
    }

    /// The current posting's positions, as `PositionBlock` keys (after `seek` found its document).
    @inline(__always)
    func positions(in fields: Fields) -> PositionBlock.Reader {
        PositionBlock.Reader(
            at: blockAt, titleFrequency: titleFrequency, bodyFrequency: bodyFrequency, in: blocks, limit: blockLimit,
            fields: fields)
    }

    @inline(__always)
    private mutating func readPosting() {
        guard postingAt < postingEnd else {
            document = Int.max
            return
        }
        document += Int(VarInt.read(postings, at: &postingAt))
        bodyFrequency = VarInt.read(postings, at: &postingAt)
        titleFrequency = VarInt.read(postings, at: &postingAt)
    }
}
