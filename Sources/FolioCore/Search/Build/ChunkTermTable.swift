/// One index chunk's terms: dense ids by open addressing, and per id one record of all the state
/// the chunk keeps for the term (its first 8 bytes, its last document and document count, the ends
/// of its postings and position lists in the `SlicePool`), so a posting touches the slot array and
/// one record line.
///
/// Records by id keep the frequent words (the first ids) together, where records in the hash slots
/// themselves would spread them over half-empty lines; per-term state in arrays of its own would
/// cost a cache miss per array.
///
/// Reused from chunk to chunk by one worker (`removeAll` keeps the memory).
struct ChunkTermTable {
    /// 64 bytes, line-aligned.
    struct Record {
        /// The term's first 8 bytes, zero-padded (`TermKey`), and the next 8: with the length,
        /// equality for terms of up to 16 bytes (nearly all) without reading the term's bytes.
        var key: UInt64 = 0
        var key2: UInt64 = 0
        /// Bytes (tokens are at most `Tokenizer.maximumTokenBytes`).
        var length: UInt8 = 0
        /// The last chunk-local document holding the term (-1: none yet).
        var lastDocument: Int32 = -1
        /// Documents holding the term, and the first of them (chunk-local).
        var documents: UInt32 = 0
        var firstDocument: Int32 = 0
        var postings = SlicePool.Cursor()
        var positions = SlicePool.Cursor()

        init(key: UInt64, key2: UInt64, length: Int) {
            self.key = key
            self.key2 = key2
            self.length = UInt8(length)
        }
    }

    /// id + 1 per slot; 0 for an empty slot.
    private var slots: GrowableBuffer<UInt32>
    private var mask: Int
    private var records = GrowableBuffer<Record>(capacity: 1 << 12, alignment: 64)
    /// Terms by id: term i is bytes[offsets[i] ..< offsets[i + 1]].
    private var bytes = GrowableBuffer<UInt8>(capacity: 1 << 16)
    private var offsets = GrowableBuffer<Int>(capacity: 1 << 12)
    private(set) var count = 0
    private(set) var byteCount = 0

    init(capacity: Int = 1 << 13) {
        var size = 1 << 10
        while size < capacity * 2 { size <<= 1 }
        slots = GrowableBuffer(capacity: size)
        slots.fill(0, count: size)
        mask = size - 1
        offsets.base[0] = 0
    }

    /// Forgets every term, keeping the memory for the next chunk.
    mutating func removeAll() {
        slots.fill(0, count: mask + 1)
        count = 0
        byteCount = 0
    }

    /// The id of `term`, added when new; `key` and `hash` are its `TermKey` values.
    @inline(__always)
    mutating func id(for term: UnsafeBufferPointer<UInt8>, key: UInt64, hash: UInt32) -> Int {
        let length = term.count
        let key2 = TermKey.key2(term)
        var index = Int(hash) & mask
        let slots = slots.base
        let records = records.base
        while true {
            let entry = slots[index]
            if entry == 0 { return insert(term, key: key, key2: key2, at: index) }
            let id = Int(entry) - 1
            if records[id].key == key && records[id].key2 == key2 && Int(records[id].length) == length
                && (length <= 16 || tailEquals(id, term))
            {
                return id
            }
            index = (index + 1) & mask
        }
    }

    /// Reads the slot a term with this `hash` starts at and, when it holds a term, that term's
    /// record, and returns a value made of them; it changes nothing. Called for all of a document's
    /// postings in a row before they are looked up, its loads depend on no earlier one, so their
    /// cache misses overlap, where each look-up would wait for its own.
    @inline(__always)
    func touch(hash: UInt32) -> UInt64 {
        let entry = slots.base[Int(hash) & mask]
        return entry == 0 ? 0 : records.base[Int(entry) - 1].key
    }

    /// The record of term `id`; valid until the next term is added.
    @inline(__always)
    func record(_ id: Int) -> UnsafeMutablePointer<Record> { records.base + id }

    /// The bytes of term `id`.
    @inline(__always)
    func term(_ id: Int) -> UnsafeBufferPointer<UInt8> {
        let start = offsets.base[id]
        return UnsafeBufferPointer(start: bytes.base + start, count: offsets.base[id + 1] - start)
    }

    @inline(__always)
    private func tailEquals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        memcmpBytes(bytes.base + offsets.base[id] + 16, term.baseAddress! + 16, term.count - 16)
    }

    private mutating func insert(_ term: UnsafeBufferPointer<UInt8>, key: UInt64, key2: UInt64, at index: Int) -> Int {
        let id = count
        bytes.reserve(byteCount + term.count)
        (bytes.base + byteCount).update(from: term.baseAddress!, count: term.count)
        byteCount += term.count
        offsets.reserve(id + 2)
        offsets.base[id + 1] = byteCount
        records.reserve(id + 1)
        (records.base + id).initialize(to: Record(key: key, key2: key2, length: term.count))
        slots.base[index] = UInt32(id + 1)
        count += 1
        if count * 2 > mask + 1 { grow() }
        return id
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        var larger = GrowableBuffer<UInt32>(capacity: size)
        larger.fill(0, count: size)
        let largerMask = size - 1
        for id in 0..<count {
            var index = Int(TermKey.hash(key: records.base[id].key, term(id))) & largerMask
            while larger.base[index] != 0 { index = (index + 1) & largerMask }
            larger.base[index] = UInt32(id + 1)
        }
        slots = larger
        mask = largerMask
    }
}

/// A term's first 8 bytes as one integer, and the hash the chunk tables use.
enum TermKey {
    /// Bytes 0..<min(8, count) little-endian, zero-padded; reads only inside the term.
    @inline(__always)
    static func key(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(bytes)
        if count >= 8 { return raw.loadUnaligned(as: UInt64.self) }
        if count >= 4 {
            // Two overlapping 4-byte reads: the bytes they share are the same.
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return low | high << UInt64((count - 4) * 8)
        }
        var key: UInt64 = 0
        for index in 0..<count { key |= UInt64(bytes[index]) << UInt64(index * 8) }
        return key
    }

    /// Bytes 8..<min(16, count) the same way (0 for a term of up to 8 bytes).
    @inline(__always)
    static func key2(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        term.count > 8 ? key(term.baseAddress! + 8, Swift.min(8, term.count - 8)) : 0
    }

    /// The key with byte 0 most significant: ordering these orders the terms by their first 8 bytes
    /// (a shorter term first when it is a prefix, since no term holds a zero byte).
    @inline(__always)
    static func orderKey(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        key(bytes, count).byteSwapped
    }

    @inline(__always)
    static func hash(key: UInt64, _ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash = (key ^ UInt64(term.count) &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD
        if term.count > 8 {
            let raw = UnsafeRawPointer(term.baseAddress!)
            var index = 8
            while index < term.count {
                let word = key8(raw, at: index, count: term.count)
                hash = (hash ^ (hash >> 32) ^ word) &* 0xC4CE_B9FE_1A85_EC53
                index += 8
            }
        }
        hash ^= hash >> 29
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        return UInt32(truncatingIfNeeded: hash >> 32)
    }

    /// Up to 8 bytes from `index`, reading nothing past `count`.
    @inline(__always)
    private static func key8(_ raw: UnsafeRawPointer, at index: Int, count: Int) -> UInt64 {
        if index + 8 <= count { return raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) }
        return key(raw.assumingMemoryBound(to: UInt8.self) + index, count - index)
    }
}
