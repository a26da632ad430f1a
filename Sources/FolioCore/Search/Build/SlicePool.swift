/// Growing byte lists for many terms at once, in one pool: each term's bytes go into a chain of
/// slices (8 bytes, then 16, 32, …, each twice the last), each ending in the offset of the next.
/// Writing a posting touches only its term's last slice and its cursor in the term's record, where
/// a stream of all postings sorted out by term afterwards read and wrote every posting twice more
/// (Lucene's `ByteBlockPool` slices, simplified). Doubling keeps the slices per list few and makes a
/// list's size a sum of its cursor alone; it costs at most as much room again as the lists hold.
///
/// Offsets are 32-bit: a chunk of 16 MiB of text needs about 15 MiB here.
struct SlicePool {
    /// Where a term's next bytes go: its first slice, the next free byte, the end of the current
    /// slice's room (where the next slice's offset will be written), and the current slice's level.
    /// `end == 0`: no slice yet.
    struct Cursor {
        var head: UInt32 = 0
        var at: UInt32 = 0
        var end: UInt32 = 0
        var level: UInt8 = 0
    }

    private(set) var bytes = GrowableBuffer<UInt8>(capacity: 1 << 20)
    /// Bytes in use; the first 8 are never a slice, so a slice's offset is never 0.
    private var used = 8

    @inline(__always)
    static func room(_ level: UInt8) -> Int { 8 << Int(level) }

    /// Forgets every slice, keeping the memory.
    mutating func removeAll() { used = 8 }

    /// Appends `count` bytes from `source` to the list `cursor` points into.
    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count: Int, to cursor: inout Cursor) {
        let at = Int(cursor.at)
        if at + count <= Int(cursor.end) {
            let target = bytes.base + at
            for offset in 0..<count { target[offset] = source[offset] }
            cursor.at = UInt32(truncatingIfNeeded: at + count)
            return
        }
        appendAcrossSlices(source, count: count, to: &cursor)
    }

    /// Reads the byte where the list's next bytes go (0 before its first slice); like
    /// `ChunkTermTable.touch`, to bring many lists' ends into the cache at once before writing them.
    @inline(__always)
    func touch(_ cursor: Cursor) -> UInt8 { bytes.base[Int(cursor.at)] }

    /// Reads the list's first byte (0 for an empty list), to read many lists' starts ahead at once.
    @inline(__always)
    func touchHead(_ cursor: Cursor) -> UInt8 { bytes.base[Int(cursor.head)] }

    /// Writes at most `maximum` bytes to the list through `write(target) -> bytes written`: in place
    /// when the current slice has room for `maximum` (most of the time), else through `scratch`.
    @inline(__always)
    mutating func append(
        atMost maximum: Int, to cursor: inout Cursor, scratch: inout GrowableBuffer<UInt8>,
        _ write: (UnsafeMutablePointer<UInt8>) -> Int
    ) {
        if Int(cursor.end) - Int(cursor.at) >= maximum {
            cursor.at += UInt32(truncatingIfNeeded: write(bytes.base + Int(cursor.at)))
            return
        }
        scratch.reserve(maximum)
        append(scratch.base, count: write(scratch.base), to: &cursor)
    }

    private mutating func appendAcrossSlices(_ source: UnsafePointer<UInt8>, count: Int, to cursor: inout Cursor) {
        var done = 0
        if cursor.end == 0 {
            let start = allocate(level: 0)
            cursor = Cursor(head: start, at: start, end: start + UInt32(Self.room(0)), level: 0)
        }
        while true {
            let fits = Swift.min(count - done, Int(cursor.end) - Int(cursor.at))
            let target = bytes.base + Int(cursor.at)
            // Most pieces are a few bytes: a loop beats a call to memmove.
            if fits < 32 {
                for offset in 0..<fits { target[offset] = source[done + offset] }
            } else {
                target.update(from: source + done, count: fits)
            }
            cursor.at += UInt32(fits)
            done += fits
            if done == count { return }
            let level = cursor.level + 1
            let next = allocate(level: level)
            UnsafeMutableRawPointer(bytes.base + Int(cursor.end)).storeBytes(of: next, as: UInt32.self)
            cursor = Cursor(head: cursor.head, at: next, end: next + UInt32(Self.room(level)), level: level)
        }
    }

    /// A new slice: its room, then 4 bytes for the next slice's offset.
    private mutating func allocate(level: UInt8) -> UInt32 {
        let start = used
        used += Self.room(level) + 4
        precondition(used <= Int(UInt32.max), "SlicePool: a chunk's postings passed 4 GiB")
        bytes.reserve(used)
        return UInt32(start)
    }

    /// How many bytes the list holds: its slices before the current one are full.
    @inline(__always)
    static func count(_ cursor: Cursor) -> Int {
        guard cursor.end != 0 else { return 0 }
        let room = Self.room(cursor.level)
        return (room - 8) + Int(cursor.at) - (Int(cursor.end) - room)
    }

    /// Copies the list's bytes to `target`, in order.
    func copy(_ cursor: Cursor, to target: UnsafeMutablePointer<UInt8>) {
        var written = 0
        forEachSlice(cursor) { start, count in
            (target + written).update(from: bytes.base + start, count: count)
            written += count
        }
    }

    /// Calls `body(start, count)` for the used bytes of each slice of the list, in order.
    private func forEachSlice(_ cursor: Cursor, _ body: (Int, Int) -> Void) {
        guard cursor.end != 0 else { return }
        let current = Int(cursor.end) - Self.room(cursor.level)
        var slice = Int(cursor.head)
        var sliceLevel: UInt8 = 0
        while slice != current {
            let room = Self.room(sliceLevel)
            body(slice, room)
            slice = Int(UnsafeRawPointer(bytes.base + slice + room).loadUnaligned(as: UInt32.self))
            sliceLevel += 1
        }
        body(slice, Int(cursor.at) - slice)
    }
}
