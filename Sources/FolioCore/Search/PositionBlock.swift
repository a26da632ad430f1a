/// The token positions of one posting (one term in one document), as the index stores them: a block
/// of varints that says its own length, so a reader walking a term's postings can step over the
/// blocks of documents it does not want at the cost of one varint each.
///
///     header       varint  payload bytes << 1 | 1 when the title holds the term
///     title count  varint  only when the header's low bit is set
///     title        varints the title positions as gaps, ascending from 0 (the first is its position)
///     body         varints the body positions, the same way, up to the payload's end
///
/// Positions are `Tokenizer`'s token numbers, counted from 0 in the title and again from 0 in the
/// body (two spaces, so no phrase spans the title and the body), exactly as the phrase check on the
/// text counts them. Counts are explicit, not taken from the posting's term frequencies, which
/// saturate at 65,535.
enum PositionBlock {
    /// Body positions as keys: above every title key, so one sorted run holds a document's both
    /// fields and a phrase start plus an offset stays inside its field (positions < 2³²; a body
    /// that long would be 8 GiB of text).
    static let bodyKeyBase: UInt64 = 1 << 32

    /// Writes the block of positions `title` and `body` (each ascending) at `target`; returns its size.
    @inline(__always)
    static func write(title: UnsafeBufferPointer<UInt32>, body: UnsafeBufferPointer<UInt32>, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var payload = title.isEmpty ? 0 : VarInt.length(UInt32(title.count))
        payload += encodedLength(title) + encodedLength(body)
        var at = VarInt.write(UInt32(payload) << 1 | (title.isEmpty ? 0 : 1), to: target, at: 0)
        if !title.isEmpty { at = VarInt.write(UInt32(title.count), to: target, at: at) }
        at = writeGaps(title, to: target, at: at)
        return writeGaps(body, to: target, at: at)
    }

    /// Where the block starting at `start` ends; never past `limit` (the end of its term's blocks),
    /// so a damaged header cannot send a reader outside its term.
    @inline(__always)
    static func end(ofBlockAt start: Int, in base: UnsafePointer<UInt8>, limit: Int) -> Int {
        var position = start
        let header = VarInt.read(base, at: &position)
        return Swift.min(limit, position + Int(header >> 1))
    }

    /// Appends the block's positions as keys (title positions as they are, body positions plus
    /// `bodyKeyBase`), ascending; the body's are left out when `titleOnly`. Returns the block's end.
    static func decode(
        at start: Int, in base: UnsafePointer<UInt8>, limit: Int, titleOnly: Bool, into keys: inout [UInt64]
    ) -> Int {
        var reader = Reader(at: start, in: base, limit: limit, titleOnly: titleOnly)
        while let key = reader.next() { keys.append(key) }
        return reader.end
    }

    /// Reads one block's positions as keys, ascending, one at a time: a phrase check stops reading a
    /// common word's block once the starts it tests are done.
    struct Reader {
        private let base: UnsafePointer<UInt8>
        private var position: Int
        /// Where the block ends (never past its term's run).
        let end: Int
        private var titleLeft: UInt32
        private var inBody = false
        private let titleOnly: Bool
        private var key: UInt64 = 0

        @inline(__always)
        init(at start: Int, in base: UnsafePointer<UInt8>, limit: Int, titleOnly: Bool) {
            self.base = base
            self.titleOnly = titleOnly
            var position = start
            let header = VarInt.read(base, at: &position)
            end = Swift.min(limit, position + Int(header >> 1))
            titleLeft = header & 1 == 1 && position < end ? VarInt.read(base, at: &position) : 0
            self.position = position
        }

        /// At most this many keys are left (each takes a byte at least).
        var maximumRemaining: Int { Swift.max(0, end - position) }

        @inline(__always)
        mutating func next() -> UInt64? {
            guard position < end else { return nil }
            if titleLeft > 0 {
                titleLeft -= 1
            } else {
                if titleOnly { return nil }
                if !inBody {
                    inBody = true
                    key = PositionBlock.bodyKeyBase
                }
            }
            key &+= UInt64(VarInt.read(base, at: &position))
            return key
        }
    }

    /// Bytes of the gaps from 0 to the first position and between the next ones.
    @inline(__always)
    private static func encodedLength(_ positions: UnsafeBufferPointer<UInt32>) -> Int {
        var previous: UInt32 = 0
        var length = 0
        for position in positions {
            length += VarInt.length(position &- previous)
            previous = position
        }
        return length
    }

    @inline(__always)
    private static func writeGaps(_ positions: UnsafeBufferPointer<UInt32>, to target: UnsafeMutablePointer<UInt8>, at start: Int) -> Int {
        var previous: UInt32 = 0
        var at = start
        for position in positions {
            at = VarInt.write(position &- previous, to: target, at: at)
            previous = position
        }
        return at
    }
}
