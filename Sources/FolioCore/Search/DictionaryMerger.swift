/// Step 2 of indexing: merges the chunks' sorted terms into one sorted dictionary.
enum DictionaryMerger {
    struct Result {
        var terms: SortedTerms
        /// globalIDs[chunk][t] is the id in `terms` of the chunk's term t (ascending in t).
        var globalIDs: [[UInt32]]
    }

    /// A k-way merge through a binary heap of the chunks' next terms: the chunks are many (one per
    /// 16 MiB of text), so finding the smallest must not look at every chunk.
    static func merge(_ chunks: [ChunkIndex]) -> Result {
        var globalIDs = chunks.map { [UInt32](repeating: 0, count: $0.termCount) }
        var heap = Heap(chunks)
        var bytes: [UInt8] = []
        var offsets: [UInt32] = [0]
        bytes.reserveCapacity(chunks.map { $0.termBytes.count }.max() ?? 0)
        var previous: UnsafeBufferPointer<UInt8>? = nil
        while let (chunk, t) = heap.top {
            let term = chunks[chunk].term(t)
            // Equal terms leave the heap one after another.
            if previous.map({ compareBytes($0.baseAddress!, $0.count, term.baseAddress!, term.count) != 0 }) ?? true {
                bytes.append(contentsOf: term)
                offsets.append(UInt32(bytes.count))
                previous = term
            }
            globalIDs[chunk][t] = UInt32(offsets.count - 2)
            heap.advanceTop()
        }
        return Result(terms: SortedTerms(bytes: bytes, offsets: offsets), globalIDs: globalIDs)
    }

    /// The chunks with terms left, smallest next term on top; a chunk's 8-byte order key decides
    /// most comparisons without reading its bytes.
    private struct Heap {
        let chunks: [ChunkIndex]
        private var order: [Int] = []
        private var cursor: [Int]
        private var key: [UInt64]

        init(_ chunks: [ChunkIndex]) {
            self.chunks = chunks
            cursor = [Int](repeating: 0, count: chunks.count)
            key = [UInt64](repeating: 0, count: chunks.count)
            for chunk in chunks.indices where chunks[chunk].termCount > 0 {
                key[chunk] = Self.orderKey(chunks[chunk], 0)
                order.append(chunk)
                siftUp(order.count - 1)
            }
        }

        var top: (chunk: Int, term: Int)? { order.first.map { ($0, cursor[$0]) } }

        /// Moves the top chunk on to its next term (or out of the heap).
        mutating func advanceTop() {
            let chunk = order[0]
            cursor[chunk] += 1
            if cursor[chunk] < chunks[chunk].termCount {
                key[chunk] = Self.orderKey(chunks[chunk], cursor[chunk])
            } else {
                order[0] = order[order.count - 1]
                order.removeLast()
            }
            if !order.isEmpty { siftDown(0) }
        }

        private static func orderKey(_ chunk: ChunkIndex, _ t: Int) -> UInt64 {
            let term = chunk.term(t)
            return TermKey.orderKey(term.baseAddress!, term.count)
        }

        /// Whether chunk a's next term sorts before chunk b's (the lower chunk first on a tie).
        private func precedes(_ a: Int, _ b: Int) -> Bool {
            if key[a] != key[b] { return key[a] < key[b] }
            let x = chunks[a].term(cursor[a]), y = chunks[b].term(cursor[b])
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
                let left = 2 * parent + 1, right = left + 1
                if left < order.count && precedes(order[left], order[smallest]) { smallest = left }
                if right < order.count && precedes(order[right], order[smallest]) { smallest = right }
                if smallest == parent { return }
                order.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }
}
