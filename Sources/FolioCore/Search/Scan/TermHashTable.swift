/// A dictionary from term bytes to dense ids, for the scan's terms (`ScanTermTable`): open
/// addressing over a flat byte arena, no `String` or per-term allocation (Documentation/architecture.md §6). The index
/// build has its own (`ChunkTermTable`, `DocumentTerms`).
struct TermHashTable {
    private(set) var bytes: [UInt8] = []
    /// Start of term i in `bytes`; term i ends where term i+1 starts (one extra entry at the end).
    private(set) var offsets: [UInt32] = [0]
    private var hashes: [UInt32] = []
    /// id + 1 of the term in each slot, 0 for an empty slot.
    private var slots: [UInt32]
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        var size = 1 << 10
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { offsets.count - 1 }

    /// The id of `term`, adding it when new.
    @inline(__always)
    mutating func id(for term: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(term)
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return insert(term, hash: hash, slot: slot) }
            let id = Int(entry) - 1
            if hashes[id] == hash && equals(id, term) { return id }
            slot = (slot + 1) & mask
        }
    }

    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[id])
        let length = Int(offsets[id + 1]) - start
        guard length == term.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            memcmpBytes(stored.baseAddress! + start, term.baseAddress!, length)
        }
    }

    private mutating func insert(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32, slot: Int) -> Int {
        let id = count
        bytes.append(contentsOf: term)
        offsets.append(UInt32(bytes.count))
        hashes.append(hash)
        slots[slot] = UInt32(id + 1)
        if count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt32](repeating: 0, count: size)
        let freshMask = size - 1
        for id in 0..<count {
            var slot = Int(hashes[id]) & freshMask
            while fresh[slot] != 0 { slot = (slot + 1) & freshMask }
            fresh[slot] = UInt32(id + 1)
        }
        slots = fresh
        mask = freshMask
    }

    /// A fast multiplicative hash over 8-byte words (terms are short: a few words at most).
    @inline(__always)
    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(term.count)
        let raw = UnsafeRawBufferPointer(term)
        var index = 0
        while index + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < raw.count {
            tail |= UInt64(raw[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 29
        return UInt32(truncatingIfNeeded: hash)
    }
}

/// memcmp-equality without importing Glibc into every file.
@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for index in 0..<count where a[index] != b[index] { return false }
    return true
}

/// Byte-wise ordering of two terms (shorter first when one is a prefix of the other).
@inline(__always)
func compareBytes(_ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>, _ bCount: Int) -> Int {
    let count = Swift.min(aCount, bCount)
    for index in 0..<count {
        let x = a[index]
        let y = b[index]
        if x != y { return x < y ? -1 : 1 }
    }
    return aCount == bCount ? 0 : (aCount < bCount ? -1 : 1)
}
