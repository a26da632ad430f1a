/// The distinct terms of the document being indexed, numbered in order of first appearance (its
/// postings), each with its term frequencies: a small open-addressing table that stays in the
/// cache, so a token costs no look-up in the chunk's large term table. That look-up happens once
/// per posting when the document ends, for all its postings in one loop whose cache misses overlap
/// (`ChunkIndexer`), where a look-up in the large table per token would miss the cache on each.
struct DocumentTerms {
    struct Posting {
        /// The term's `TermKey` key and hash, and where its bytes are in `bytes`.
        var key: UInt64
        var hash: UInt32
        var start: UInt32
        var length: UInt32
        /// Body tf in the low 16 bits, title tf in the high 16 (both saturate at 65,535).
        var frequency: UInt32
        /// Its slot in the table, to empty it again.
        var slot: Int
    }

    private(set) var count = 0
    private var postings = GrowableBuffer<Posting>()
    private var bytes = GrowableBuffer<UInt8>(capacity: 1 << 12)
    private var byteCount = 0
    /// posting + 1 per slot, 0 for empty.
    private var slots: GrowableBuffer<UInt32>
    private var mask: Int

    init() {
        slots = GrowableBuffer(capacity: 1024)
        slots.fill(0, count: 1024)
        mask = 1023
    }

    @inline(__always)
    func posting(_ posting: Int) -> Posting { postings.base[posting] }

    /// The bytes of posting `posting`'s term.
    @inline(__always)
    func term(_ posting: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = postings.base + posting
        return UnsafeBufferPointer(start: bytes.base + Int(entry.pointee.start), count: Int(entry.pointee.length))
    }

    /// Counts a token of `term` (`increment`: 1 for the body, 1 << 16 for the title) and returns its posting.
    @inline(__always)
    mutating func count(_ term: UnsafeBufferPointer<UInt8>, increment: UInt32) -> Int {
        let length = term.count
        let key = TermKey.key(term.baseAddress!, length)
        let hash = TermKey.hash(key: key, term)
        var index = Int(hash) & mask
        var posting: Int
        while true {
            let entry = slots.base[index]
            if entry == 0 {
                posting = add(term, key: key, hash: hash, slot: index)
                break
            }
            posting = Int(entry) - 1
            let candidate = postings.base + posting
            if candidate.pointee.key == key && Int(candidate.pointee.length) == length
                && (length <= 8 || memcmpBytes(bytes.base + Int(candidate.pointee.start) + 8, term.baseAddress! + 8, length - 8))
            {
                break
            }
            index = (index + 1) & mask
        }
        let counted = postings.base + posting
        let packed = counted.pointee.frequency
        let field = increment == 1 ? packed & 0xFFFF : packed >> 16
        if field < 0xFFFF { counted.pointee.frequency = packed &+ increment }
        return posting
    }

    /// Empties the table for the next document, keeping the memory.
    mutating func removeAll() {
        for posting in 0..<count { slots.base[postings.base[posting].slot] = 0 }
        count = 0
        byteCount = 0
    }

    @inline(__always)
    private mutating func add(_ term: UnsafeBufferPointer<UInt8>, key: UInt64, hash: UInt32, slot: Int) -> Int {
        let posting = count
        count += 1
        postings.reserve(count)
        // The first 8 bytes are the key already: one store (the arena keeps 8 bytes to spare).
        bytes.reserve(byteCount + term.count + 8)
        let target = bytes.base + byteCount
        UnsafeMutableRawPointer(target).storeBytes(of: key, as: UInt64.self)
        if term.count > 8 { for offset in 8..<term.count { target[offset] = term[offset] } }
        postings.base[posting] = Posting(
            key: key, hash: hash, start: UInt32(truncatingIfNeeded: byteCount), length: UInt32(term.count), frequency: 0,
            slot: slot)
        byteCount += term.count
        slots.base[slot] = UInt32(posting + 1)
        if count * 2 > mask + 1 { grow() }
        return posting
    }

    @inline(never)
    private mutating func grow() {
        let size = (mask + 1) * 2
        mask = size - 1
        slots.fill(0, count: size)
        for posting in 0..<count {
            var index = Int(postings.base[posting].hash) & mask
            while slots.base[index] != 0 { index = (index + 1) & mask }
            slots.base[index] = UInt32(posting + 1)
            postings.base[posting].slot = index
        }
    }
}
