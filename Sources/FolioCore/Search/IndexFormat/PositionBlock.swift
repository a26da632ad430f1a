/// The token positions of one posting (one term in one document), as the index stores them: a run
/// of varints whose counts are the posting's term frequencies, so the block needs no header.
///
///     counts  2 varints  title count, body count: only when the posting's title or body frequency
///                        is saturated (stored as 65,535, which means "that many or more")
///     title   varints    the title positions as gaps, ascending from 0 (the first is its position)
///     body    varints    the body positions, the same way
///
/// Positions are `Tokenizer`'s token numbers, counted from 0 in the title and again from 0 in the
/// body (two spaces, so no phrase spans the title and the body), exactly as the phrase check on the
/// text counts them. A reader steps over a block by counting the bytes that end a varint.
///
/// A length header per block would make the positions a third larger.
enum PositionBlock {
    /// Body positions as keys: above every title key, so one sorted run holds a document's both
    /// fields and a phrase start plus an offset stays inside its field (positions < 2³²; a body
    /// that long would be 8 GiB of text).
    static let bodyKeyBase: UInt64 = 1 << 32

    /// The stored frequency that says "65,535 or more": the block then gives its counts.
    static let saturated: UInt32 = 0xFFFF

    /// Writes the block of positions `title` and `body` (each ascending) at `target`; returns its size.
    @inline(__always)
    static func write(
        title: UnsafeBufferPointer<UInt32>, body: UnsafeBufferPointer<UInt32>, to target: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var at = 0
        if title.count >= saturated || body.count >= saturated {
            at = VarInt.write(UInt32(title.count), to: target, at: at)
            at = VarInt.write(UInt32(body.count), to: target, at: at)
        }
        at = writeGaps(title, to: target, at: at)
        return writeGaps(body, to: target, at: at)
    }

    /// The title and body counts of a posting with these stored frequencies, reading them from the
    /// block when saturated (`position` then moves past them).
    @inline(__always)
    static func counts(
        titleFrequency: UInt32, bodyFrequency: UInt32, in base: UnsafePointer<UInt8>, at position: inout Int, limit: Int
    ) -> (title: Int, body: Int) {
        guard titleFrequency == saturated || bodyFrequency == saturated else { return (Int(titleFrequency), Int(bodyFrequency)) }
        guard position < limit else { return (0, 0) }
        let title = VarInt.read(base, at: &position)
        guard position < limit else { return (Int(title), 0) }
        return (Int(title), Int(VarInt.read(base, at: &position)))
    }

    /// Where the block starting at `start` ends; never past `limit` (the end of its term's blocks),
    /// so damaged bytes cannot send a reader outside its term.
    @inline(__always)
    static func end(
        ofBlockAt start: Int, titleFrequency: UInt32, bodyFrequency: UInt32, in base: UnsafePointer<UInt8>, limit: Int
    ) -> Int {
        var position = start
        let (title, body) = counts(
            titleFrequency: titleFrequency, bodyFrequency: bodyFrequency, in: base, at: &position, limit: limit)
        return Swift.min(limit, skipVarInts(title + body, from: position, in: base, limit: limit))
    }

    /// Steps over `count` varints: 32 bytes at a time while the varints ending in them are fewer
    /// than those left (a lazy cursor's debt is often thousands), then 8, then byte by byte.
    @inline(__always)
    static func skipVarInts(_ count: Int, from start: Int, in base: UnsafePointer<UInt8>, limit: Int) -> Int {
        var left = count
        var position = start
        let raw = UnsafeRawPointer(base)
        @inline(__always) func ends(at offset: Int) -> Int {
            (~raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080).nonzeroBitCount
        }
        while left > 32 && position + 32 <= limit {
            let found = ends(at: position) + ends(at: position + 8) + ends(at: position + 16) + ends(at: position + 24)
            guard found < left else { break }
            left -= found
            position += 32
        }
        while left > 8 && position + 8 <= limit {
            let found = ends(at: position)
            guard found < left else { break }
            left -= found
            position += 8
        }
        while left > 0 && position < limit {
            if base[position] < 0x80 { left -= 1 }
            position += 1
        }
        return position
    }

    /// Appends the block's positions as keys (title positions as they are, body positions plus
    /// `bodyKeyBase`), ascending, of the fields in `fields` only.
    static func decode(
        at start: Int, titleFrequency: UInt32, bodyFrequency: UInt32, in base: UnsafePointer<UInt8>, limit: Int,
        fields: Fields, into keys: inout [UInt64]
    ) {
        var reader = Reader(
            at: start, titleFrequency: titleFrequency, bodyFrequency: bodyFrequency, in: base, limit: limit, fields: fields)
        while let key = reader.next() { keys.append(key) }
    }

    /// Reads one block's positions as keys, ascending, one at a time: a phrase check stops reading a
    /// common word's block once the starts it tests are done.
    struct Reader {
        private let base: UnsafePointer<UInt8>
        private var position: Int
        private let limit: Int
        private var titleLeft: Int
        private var bodyLeft: Int
        private var inBody = false
        private var key: UInt64 = 0

        @inline(__always)
        init(
            at start: Int, titleFrequency: UInt32, bodyFrequency: UInt32, in base: UnsafePointer<UInt8>, limit: Int,
            fields: Fields
        ) {
            self.base = base
            self.limit = limit
            var position = start
            let (title, body) = PositionBlock.counts(
                titleFrequency: titleFrequency, bodyFrequency: bodyFrequency, in: base, at: &position, limit: limit)
            titleLeft = fields.contains(.title) ? title : 0
            bodyLeft = fields.contains(.body) ? body : 0
            if !fields.contains(.title) {
                // The body's gaps follow the title's: step over those.
                for _ in 0..<title where position < limit { _ = VarInt.read(base, at: &position) }
            }
            self.position = position
        }

        /// How many keys are left to read.
        var remaining: Int { titleLeft + bodyLeft }

        @inline(__always)
        mutating func next() -> UInt64? {
            guard position < limit else { return nil }
            if titleLeft > 0 {
                titleLeft -= 1
            } else if bodyLeft > 0 {
                bodyLeft -= 1
                if !inBody {
                    inBody = true
                    key = PositionBlock.bodyKeyBase  // the body's gaps count from its own 0
                }
            } else {
                return nil
            }
            key &+= UInt64(VarInt.read(base, at: &position))
            return key
        }
    }

    @inline(__always)
    private static func writeGaps(_ positions: UnsafeBufferPointer<UInt32>, to target: UnsafeMutablePointer<UInt8>, at start: Int)
        -> Int
    {
        var previous: UInt32 = 0
        var at = start
        for position in positions {
            at = VarInt.write(position &- previous, to: target, at: at)
            previous = position
        }
        return at
    }
}
