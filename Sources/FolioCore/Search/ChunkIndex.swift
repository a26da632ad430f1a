/// One chunk's part of the index, laid out like the index itself: terms in byte order, and each
/// term's postings and position blocks together, in document order. `PostingsMerger` then copies
/// every term's parts from the chunks in turn, block by block.
///
/// Laying the chunk out by term here is what makes the merge a sequential copy: scattering every
/// posting straight into the whole index (the first layout) missed the cache on nearly every one.
struct ChunkIndex: Sendable {
    /// The chunk's first document (global number); its documents follow it in order.
    let firstDocument: Int
    let documentLengths: [Float]
    /// The chunk's terms in byte order: term t is termBytes[termOffsets[t] ..< termOffsets[t + 1]].
    let termBytes: Column<UInt8>
    let termOffsets: Column<Int>
    /// Per term: documents holding it, and the first and last of them (global numbers).
    let documents: Column<UInt32>
    let firstDocuments: Column<Int32>
    let lastDocuments: Column<Int32>
    /// Term t's postings are postings[postingStart[t] ..< postingStart[t + 1]], encoded as in the
    /// index except that the first has no document gap (the gap depends on the chunks before).
    let postingStart: Column<Int>
    let postings: PageBuffer
    /// Term t's position blocks are positions[positionStart[t] ..< positionStart[t + 1]].
    let positionStart: Column<Int>
    let positions: PageBuffer

    /// The sum of the values read ahead while laying the chunk out, stored so that the reads happen.
    private(set) var touched: UInt64 = 0

    var termCount: Int { documents.count }

    /// The bytes of term `t` (in byte order); valid as long as this chunk is.
    @inline(__always)
    func term(_ t: Int) -> UnsafeBufferPointer<UInt8> {
        let start = termOffsets.base[t]
        return UnsafeBufferPointer(start: termBytes.base + start, count: termOffsets.base[t + 1] - start)
    }

    /// The chunk's terms and their lists in `pool` (`ChunkIndexer`), copied out in byte order of the terms.
    init(firstDocument: Int, documentLengths: [Float], terms: ChunkTermTable, pool: SlicePool) {
        self.firstDocument = firstDocument
        self.documentLengths = documentLengths
        let order = Self.sortedIDs(terms)
        let records = order.map { terms.record(Int($0)) }
        let count = order.count
        var postingStart = [Int](repeating: 0, count: count + 1)
        var positionStart = [Int](repeating: 0, count: count + 1)
        for (position, record) in records.enumerated() {
            postingStart[position + 1] = postingStart[position] + SlicePool.count(record.pointee.postings)
            positionStart[position + 1] = positionStart[position] + SlicePool.count(record.pointee.positions)
        }
        documents = Column(records.map { $0.pointee.documents })
        firstDocuments = Column(records.map { Int32(firstDocument) + $0.pointee.firstDocument })
        lastDocuments = Column(records.map { Int32(firstDocument) + $0.pointee.lastDocument })
        postings = PageBuffer(count: postingStart[count])
        positions = PageBuffer(count: positionStart[count])
        // Terms in byte order visit the pool in no order: each batch's first slices are read ahead
        // together (`SlicePool.touch`), so their cache misses overlap.
        var touched: UInt64 = 0
        for batch in stride(from: 0, to: count, by: 32) {
            let end = Swift.min(count, batch + 32)
            for position in batch..<end {
                touched &+= UInt64(pool.touchHead(records[position].pointee.postings))
                touched &+= UInt64(pool.touchHead(records[position].pointee.positions))
            }
            for position in batch..<end {
                pool.copy(records[position].pointee.postings, to: postings.base + postingStart[position])
                pool.copy(records[position].pointee.positions, to: positions.base + positionStart[position])
            }
        }
        self.touched = touched
        var termOffsets = [Int](repeating: 0, count: count + 1)
        termBytes = Column(count: terms.byteCount) { arena in
            var at = 0
            for (position, id) in order.enumerated() {
                let term = terms.term(Int(id))
                (arena.baseAddress! + at).update(from: term.baseAddress!, count: term.count)
                at += term.count
                termOffsets[position + 1] = at
            }
        }
        self.termOffsets = Column(termOffsets)
        self.postingStart = Column(postingStart)
        self.positionStart = Column(positionStart)
    }

    /// Term ids in byte order of their terms: a radix sort on the first 8 bytes, then the (rare)
    /// runs of longer terms sharing those compared in full.
    private static func sortedIDs(_ terms: ChunkTermTable) -> [UInt32] {
        var keys = (0..<terms.count).map { id in
            let term = terms.term(id)
            return TermKey.orderKey(term.baseAddress!, term.count)
        }
        var ids = (0..<UInt32(terms.count)).map { $0 }
        RadixSort.sort(keys: &keys, payloads: &ids)
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count && keys[end] == keys[start] { end += 1 }
            if end - start > 1 {
                ids[start..<end].sort { a, b in
                    let x = terms.term(Int(a)), y = terms.term(Int(b))
                    return compareBytes(x.baseAddress!, x.count, y.baseAddress!, y.count) < 0
                }
            }
            start = end
        }
        return ids
    }
}
