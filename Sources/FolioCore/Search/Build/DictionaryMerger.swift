/// Step 2 of indexing: merges the chunks' sorted terms into one sorted dictionary.
enum DictionaryMerger {
    struct Result {
        var terms: SortedTerms
        /// globalIDs[chunk][t] is the id in `terms` of the chunk's term t (ascending in t).
        var globalIDs: [[UInt32]]
    }

    /// The terms are split into ranges at terms of the largest chunk, and each range is merged on
    /// its own (a k-way merge through a heap), on all cores; the ranges' dictionaries then follow
    /// one another.
    static func merge(_ chunks: [ChunkIndex]) -> Result {
        let bounds = rangeBounds(chunks, parts: Parallel.workerCount * 2)
        let lists = chunks.map(TermList.init)
        let pieces = withExtendedLifetime(chunks) {
            Parallel.map(bounds.count - 1) { part in mergeRange(lists, from: bounds[part], to: bounds[part + 1]) }
        }
        var bytes: [UInt8] = []
        var offsets: [UInt32] = [0]
        bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.bytes.count })
        var globalIDs = chunks.map { [UInt32](repeating: 0, count: $0.termCount) }
        for (part, piece) in pieces.enumerated() {
            let firstID = UInt32(offsets.count - 1)
            let firstByte = UInt32(bytes.count)
            bytes += piece.bytes
            offsets += piece.offsets.dropFirst().map { $0 + firstByte }
            for chunk in chunks.indices {
                for (t, id) in zip(bounds[part][chunk]..<bounds[part + 1][chunk], piece.ids[chunk]) {
                    globalIDs[chunk][t] = firstID + id
                }
            }
        }
        return Result(terms: SortedTerms(bytes: bytes, offsets: offsets), globalIDs: globalIDs)
    }

    /// Per range boundary, each chunk's first term at or past it: `parts` ranges cut at terms of the
    /// chunk with the most terms (the last boundary is every chunk's end).
    private static func rangeBounds(_ chunks: [ChunkIndex], parts: Int) -> [[Int]] {
        guard let largest = chunks.max(by: { $0.termCount < $1.termCount }), largest.termCount > parts else {
            return [chunks.map { _ in 0 }, chunks.map(\.termCount)]
        }
        var bounds = [chunks.map { _ in 0 }]
        for part in 1..<parts {
            let splitter = largest.term(largest.termCount * part / parts)
            bounds.append(
                chunks.map { chunk in
                    var low = 0
                    var high = chunk.termCount
                    while low < high {
                        let middle = (low + high) / 2
                        let term = chunk.term(middle)
                        if compareBytes(term.baseAddress!, term.count, splitter.baseAddress!, splitter.count) < 0 {
                            low = middle + 1
                        } else {
                            high = middle
                        }
                    }
                    return low
                })
        }
        bounds.append(chunks.map(\.termCount))
        return bounds
    }

    /// The merged dictionary of the chunks' terms from[c] ..< to[c], and each of those terms' id in it.
    private static func mergeRange(_ chunks: [TermList], from: [Int], to: [Int]) -> (
        bytes: [UInt8], offsets: [UInt32], ids: [[UInt32]]
    ) {
        var ids = chunks.indices.map { [UInt32](repeating: 0, count: to[$0] - from[$0]) }
        var heap = Heap(chunks, from: from, to: to)
        var bytes: [UInt8] = []
        var offsets: [UInt32] = [0]
        var previous: UnsafeBufferPointer<UInt8>? = nil
        while let (chunk, t) = heap.top {
            let term = chunks[chunk].term(t)
            // Equal terms leave the heap one after another.
            if previous.map({ compareBytes($0.baseAddress!, $0.count, term.baseAddress!, term.count) != 0 }) ?? true {
                bytes.append(contentsOf: term)
                offsets.append(UInt32(bytes.count))
                previous = term
            }
            ids[chunk][t - from[chunk]] = UInt32(offsets.count - 2)
            heap.advanceTop()
        }
        return (bytes, offsets, ids)
    }

    /// A chunk's sorted terms as plain pointers (valid while the chunk is): the merge reads them
    /// for every term of every chunk, and a `ChunkIndex` copied out of an array costs a retain per column.
    private struct TermList: @unchecked Sendable {
        let bytes: UnsafePointer<UInt8>
        let offsets: UnsafePointer<Int>
        let count: Int

        init(_ chunk: ChunkIndex) {
            bytes = chunk.termBytes.base
            offsets = chunk.termOffsets.base
            count = chunk.termCount
        }

        @inline(__always)
        func term(_ t: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: bytes + offsets[t], count: offsets[t + 1] - offsets[t])
        }
    }

    /// The chunks with terms left, smallest next term on top; a chunk's 8-byte order key decides
    /// most comparisons without reading its bytes.
    private struct Heap {
        let chunks: [TermList]
        private var order: [Int] = []
        private var cursor: [Int]
        private let end: [Int]
        private var key: [UInt64]

        init(_ chunks: [TermList], from: [Int], to: [Int]) {
            self.chunks = chunks
            cursor = from
            end = to
            key = [UInt64](repeating: 0, count: chunks.count)
            for chunk in chunks.indices where from[chunk] < to[chunk] {
                key[chunk] = Self.orderKey(chunks[chunk], from[chunk])
                order.append(chunk)
                siftUp(order.count - 1)
            }
        }

        var top: (chunk: Int, term: Int)? { order.first.map { ($0, cursor[$0]) } }

        /// Moves the top chunk on to its next term (or out of the heap).
        mutating func advanceTop() {
            let chunk = order[0]
            cursor[chunk] += 1
            if cursor[chunk] < end[chunk] {
                key[chunk] = Self.orderKey(chunks[chunk], cursor[chunk])
            } else {
                order[0] = order[order.count - 1]
                order.removeLast()
            }
            if !order.isEmpty { siftDown(0) }
        }

        private static func orderKey(_ chunk: TermList, _ t: Int) -> UInt64 {
            let term = chunk.term(t)
            return TermKey.orderKey(term.baseAddress!, term.count)
        }

        /// Whether chunk a's next term sorts before chunk b's (the lower chunk first on a tie).
        private func precedes(_ a: Int, _ b: Int) -> Bool {
            if key[a] != key[b] { return key[a] < key[b] }
            let x = chunks[a].term(cursor[a])
            let y = chunks[b].term(cursor[b])
            let order = compareBytes(x.baseAddress!, x.count, y.baseAddress!, y.count)
            return order != 0 ? order < 0 : a < b
        }

        private mutating func siftUp(_ start: Int) {
            var child = start
            while child > 0 {
                let parent = (child - 1) / 2
                guard precedes(order[child], order[parent]) else { return }
                order.swapAt(child, parent)
                child = parent
            }
        }

        private mutating func siftDown(_ start: Int) {
            var parent = start
            while true {
                var smallest = parent
                let left = 2 * parent + 1
                let right = left + 1
                if left < order.count && precedes(order[left], order[smallest]) { smallest = left }
                if right < order.count && precedes(order[right], order[smallest]) { smallest = right }
                if smallest == parent { return }
                order.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }
}
