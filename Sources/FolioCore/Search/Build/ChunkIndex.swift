/// One chunk's part of the index, laid out like the index itself: terms in byte order, and each
/// term's postings and position blocks together, in document order. `PostingsMerger` then copies
/// every term's parts from the chunks in turn, block by block.
///
/// Laying the chunk out by term here is what makes the merge a sequential copy: scattering every
/// posting straight into the whole index would miss the cache on nearly every one.
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
    private let touched: UInt64

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
        documents = Column(records.map { $0.pointee.documents })
        firstDocuments = Column(records.map { Int32(firstDocument) + $0.pointee.firstDocument })
        lastDocuments = Column(records.map { Int32(firstDocument) + $0.pointee.lastDocument })
        var postingStart = [0]
        var positionStart = [0]
        postingStart.reserveCapacity(records.count + 1)
        positionStart.reserveCapacity(records.count + 1)
        for record in records {
            postingStart.append(postingStart[postingStart.count - 1] + SlicePool.count(record.pointee.postings))
            positionStart.append(positionStart[positionStart.count - 1] + SlicePool.count(record.pointee.positions))
        }
        postings = PageBuffer(count: postingStart[records.count])
        positions = PageBuffer(count: positionStart[records.count])
        touched = Self.copyLists(
            of: records, from: pool, postings: (postings, postingStart), positions: (positions, positionStart))
        var termOffsets = [Int](repeating: 0, count: records.count + 1)
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

    /// Copies each term's two lists to its place; returns the sum of the values read ahead. Terms
    /// in byte order visit the pool in no order: each batch's first slices are read ahead together
    /// (`SlicePool.touchHead`), so their cache misses overlap.
    private static func copyLists(
        of records: [UnsafeMutablePointer<ChunkTermTable.Record>], from pool: SlicePool,
        postings: (buffer: PageBuffer, start: [Int]), positions: (buffer: PageBuffer, start: [Int])
    ) -> UInt64 {
        var touched: UInt64 = 0
        for batch in stride(from: 0, to: records.count, by: 32) {
            let end = Swift.min(records.count, batch + 32)
            for position in batch..<end {
                touched &+= UInt64(pool.touchHead(records[position].pointee.postings))
                touched &+= UInt64(pool.touchHead(records[position].pointee.positions))
            }
            for position in batch..<end {
                pool.copy(records[position].pointee.postings, to: postings.buffer.base + postings.start[position])
                pool.copy(records[position].pointee.positions, to: positions.buffer.base + positions.start[position])
            }
        }
        return touched
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
                    let x = terms.term(Int(a))
                    let y = terms.term(Int(b))
                    return compareBytes(x.baseAddress!, x.count, y.baseAddress!, y.count) < 0
                }
            }
            start = end
        }
        return ids
    }
}
