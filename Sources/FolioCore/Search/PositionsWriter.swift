/// Step 3 of indexing, for positions: moves every chunk's position blocks (written in posting order)
/// into one arena where each term's blocks are together, in document order: the same order as the
/// term's postings, so a reader walks both side by side.
enum PositionsWriter {
    /// `blocks` are the chunks' blocks (`ChunkIndexer.positionBytes`, taken out of them); each is
    /// released as soon as it is copied, so the build holds them and the arena together only at the
    /// start of the copy.
    static func write(
        _ blocks: inout [[UInt8]], of chunks: [ChunkIndexer], globalIDs: [[UInt32]], termCount: Int
    ) -> (positionsStart: [Int], positions: Column<UInt8>) {
        // Sizes per term come from the chunks' per-term totals, without reading the blocks.
        var starts = [Int](repeating: 0, count: termCount + 1)
        for (chunk, map) in zip(chunks, globalIDs) {
            for (local, bytes) in chunk.positionBytesOfTerm.enumerated() { starts[Int(map[local]) + 1] += bytes }
        }
        for term in 0..<termCount { starts[term + 1] += starts[term] }
        var cursor = starts
        let positions = Column<UInt8>(count: starts[termCount]) { arena in
            let target = arena.baseAddress!
            cursor.withUnsafeMutableBufferPointer { cursor in
                for number in chunks.indices {
                    copyBlocks(blocks[number], of: chunks[number], globalIDs: globalIDs[number], to: target, cursor: cursor.baseAddress!)
                    blocks[number] = []
                }
            }
        }
        return (starts, positions)
    }

    /// Copies each of the chunk's blocks to its term's cursor, and moves the cursor on.
    private static func copyBlocks(
        _ blocks: [UInt8], of chunk: ChunkIndexer, globalIDs: [UInt32], to target: UnsafeMutablePointer<UInt8>,
        cursor: UnsafeMutablePointer<Int>
    ) {
        blocks.withUnsafeBufferPointer { source in
            chunk.postingTerm.withUnsafeBufferPointer { terms in
                globalIDs.withUnsafeBufferPointer { map in
                    guard let base = source.baseAddress else { return }
                    var at = 0
                    for local in terms {
                        let term = Int(map[Int(local)])
                        let end = PositionBlock.end(ofBlockAt: at, in: base, limit: source.count)
                        // Most blocks are a few bytes: a loop beats a call to memmove.
                        var write = cursor[term]
                        while at < end {
                            target[write] = base[at]
                            write += 1
                            at += 1
                        }
                        cursor[term] = write
                    }
                }
            }
        }
    }
}
