/// XXH64 (Yann Collet's xxHash, 64-bit), for snapshot checksums: several GB/s on one core, and
/// any flipped or truncated byte changes it. Not a cryptographic hash: it detects damage, not tampering.
enum XXH64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        let value = accumulator &+ input &* prime2
        return ((value << 31) | (value >> 33)) &* prime1
    }

    @inline(__always)
    private static func merge(_ accumulator: UInt64, _ value: UInt64) -> UInt64 {
        (accumulator ^ round(0, value)) &* prime1 &+ prime4
    }

    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        var index = 0
        var hash: UInt64
        if count >= 32 {
            var v1 = seed &+ prime1 &+ prime2
            var v2 = seed &+ prime2
            var v3 = seed
            var v4 = seed &- prime1
            while index + 32 <= count {
                v1 = round(v1, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
                v2 = round(v2, bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self).littleEndian)
                v3 = round(v3, bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self).littleEndian)
                v4 = round(v4, bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self).littleEndian)
                index += 32
            }
            hash = ((v1 << 1) | (v1 >> 63)) &+ ((v2 << 7) | (v2 >> 57)) &+ ((v3 << 12) | (v3 >> 52)) &+ ((v4 << 18) | (v4 >> 46))
            hash = merge(merge(merge(merge(hash, v1), v2), v3), v4)
        } else {
            hash = seed &+ prime5
        }
        hash = hash &+ UInt64(count)
        while index + 8 <= count {
            hash ^= round(0, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
            hash = ((hash << 27) | (hash >> 37)) &* prime1 &+ prime4
            index += 8
        }
        if index + 4 <= count {
            hash ^= UInt64(bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian) &* prime1
            hash = ((hash << 23) | (hash >> 41)) &* prime2 &+ prime3
            index += 4
        }
        while index < count {
            hash ^= UInt64(bytes[index]) &* prime5
            hash = ((hash << 11) | (hash >> 53)) &* prime1
            index += 1
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        hash ^= hash >> 32
        return hash
    }

    static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    /// A checksum of a large region computed on all cores: the XXH64 of each 16 MiB block, then the
    /// XXH64 of those block hashes. The result does not depend on the number of cores.
    /// `afterBlock` is called with each block once hashed (a mapped file releases its pages there).
    static func blockChecksum(_ bytes: UnsafeRawBufferPointer, afterBlock: (UnsafeRawBufferPointer) -> Void = { _ in }) -> UInt64
    {
        let block = 16 << 20
        let blocks = (bytes.count + block - 1) / block
        if blocks <= 1 {
            defer { afterBlock(bytes) }
            return hash(bytes)
        }
        let hashes = Parallel.map(blocks) { number -> UInt64 in
            let start = number * block
            let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<Swift.min(bytes.count, start + block)])
            defer { afterBlock(slice) }
            return hash(slice)
        }
        return hashes.withUnsafeBytes { hash($0) }
    }
}

/// Accumulates values into one 64-bit fingerprint (the corpus listing, the load options).
struct FingerprintHasher {
    private var bytes: [UInt8] = []

    mutating func combine(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

    mutating func combine(_ string: String) {
        combine(string.utf8.count)
        bytes.append(contentsOf: string.utf8)
    }

    mutating func combine(bytes more: [UInt8]) {
        combine(more.count)
        bytes.append(contentsOf: more)
    }

    func finalize() -> UInt64 { XXH64.hash(bytes) }
}
