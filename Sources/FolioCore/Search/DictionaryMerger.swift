/// Step 2 of indexing: merges the workers' term tables into one sorted dictionary.
enum DictionaryMerger {
    struct Result {
        var terms: SortedTerms
        /// globalIDs[chunk][localID] is the term's id in `terms`.
        var globalIDs: [[UInt32]]
    }

    static func merge(_ chunks: [ChunkIndexer]) -> Result {
        // Each worker's terms sorted by bytes, in parallel.
        let orders: [[UInt32]] = Parallel.map(chunks.count) { index in sortedIDs(chunks[index].table) }
        var globalIDs = chunks.map { [UInt32](repeating: 0, count: $0.table.count) }
        var bytes: [UInt8] = []
        var offsets: [UInt32] = [0]
        bytes.reserveCapacity(chunks.map(\.table.bytes.count).max() ?? 0)
        var cursors = [Int](repeating: 0, count: chunks.count)
        let tables = chunks.map(\.table)
        withArenas(tables) { arenas in
            while true {
                // The smallest next term among the chunks (k is small: 2 × cores).
                var best = -1
                for chunk in 0..<tables.count where cursors[chunk] < orders[chunk].count {
                    if best < 0 || compare(tables, arenas, chunk, orders[chunk][cursors[chunk]], best, orders[best][cursors[best]]) < 0 {
                        best = chunk
                    }
                }
                if best < 0 { break }
                let id = Int(orders[best][cursors[best]])
                let table = tables[best]
                let start = Int(table.offsets[id]), end = Int(table.offsets[id + 1])
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: arenas[best][start..<end]))
                let globalID = UInt32(offsets.count - 1)
                offsets.append(UInt32(bytes.count))
                // Every chunk holding the same term maps it to this global id.
                for chunk in 0..<tables.count where cursors[chunk] < orders[chunk].count {
                    let candidate = orders[chunk][cursors[chunk]]
                    if chunk == best || compare(tables, arenas, chunk, candidate, best, UInt32(id)) == 0 {
                        globalIDs[chunk][Int(candidate)] = globalID
                        cursors[chunk] += 1
                    }
                }
            }
        }
        return Result(terms: SortedTerms(bytes: bytes, offsets: offsets), globalIDs: globalIDs)
    }

    private static func sortedIDs(_ table: TermHashTable) -> [UInt32] {
        var ids = (0..<UInt32(table.count)).map { $0 }
        table.bytes.withUnsafeBufferPointer { arena in
            let base = arena.baseAddress ?? UnsafePointer(bitPattern: 1)!
            let offsets = table.offsets
            ids.sort { a, b in
                let aStart = Int(offsets[Int(a)]), bStart = Int(offsets[Int(b)])
                return compareBytes(
                    base + aStart, Int(offsets[Int(a) + 1]) - aStart, base + bStart, Int(offsets[Int(b) + 1]) - bStart) < 0
            }
        }
        return ids
    }

    private static func compare(
        _ tables: [TermHashTable], _ arenas: [UnsafeBufferPointer<UInt8>], _ a: Int, _ aID: UInt32, _ b: Int, _ bID: UInt32
    ) -> Int {
        let aStart = Int(tables[a].offsets[Int(aID)]), aEnd = Int(tables[a].offsets[Int(aID) + 1])
        let bStart = Int(tables[b].offsets[Int(bID)]), bEnd = Int(tables[b].offsets[Int(bID) + 1])
        return compareBytes(arenas[a].baseAddress! + aStart, aEnd - aStart, arenas[b].baseAddress! + bStart, bEnd - bStart)
    }

    /// Pins every table's byte arena for the duration of the merge.
    private static func withArenas(_ tables: [TermHashTable], _ body: ([UnsafeBufferPointer<UInt8>]) -> Void) {
        func pin(_ index: Int, _ pinned: [UnsafeBufferPointer<UInt8>]) {
            if index == tables.count { body(pinned); return }
            // An empty array's buffer has no base address; give it one byte so pointer math is defined.
            let arena = tables[index].bytes.isEmpty ? [0] : tables[index].bytes
            arena.withUnsafeBufferPointer { pin(index + 1, pinned + [$0]) }
        }
        pin(0, [])
    }
}
