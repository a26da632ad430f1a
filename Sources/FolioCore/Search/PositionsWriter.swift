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
        // Pass 1: each term's bytes, from the block headers.
        var starts = [Int](repeating: 0, count: termCount + 1)
        starts.withUnsafeMutableBufferPointer { sizes in
            for number in chunks.indices {
                visitBlocks(blocks[number], of: chunks[number], globalIDs: globalIDs[number]) { term, _, size in
                    sizes[term + 1] += size
                }
            }
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

    /// Pass 2: copies each of the chunk's blocks to its term's cursor, and moves the cursor on.
    private static func copyBlocks(
        _ blocks: [UInt8], of chunk: ChunkIndexer, globalIDs: [UInt32], to target: UnsafeMutablePointer<UInt8>,
        cursor: UnsafeMutablePointer<Int>
    ) {
        visitBlocks(blocks, of: chunk, globalIDs: globalIDs) { term, block, size in
            // Most blocks are a few bytes: a loop beats a call to memmove.
            let write = target + cursor[term]
            for offset in 0..<size { write[offset] = block[offset] }
            cursor[term] += size
        }
    }

    /// Calls `body(globalTerm, block, size)` for each of the chunk's blocks, in posting order.
    @inline(__always)
    private static func visitBlocks(
        _ blocks: [UInt8], of chunk: ChunkIndexer, globalIDs: [UInt32], _ body: (Int, UnsafePointer<UInt8>, Int) -> Void
    ) {
        blocks.withUnsafeBufferPointer { source in
            chunk.postingTerm.withUnsafeBufferPointer { terms in
                chunk.postingFrequency.withUnsafeBufferPointer { frequencies in
                    globalIDs.withUnsafeBufferPointer { map in
                        guard let base = source.baseAddress else { return }
                        var at = 0
                        for (local, packed) in zip(terms, frequencies) {
                            let end = PositionBlock.end(
                                ofBlockAt: at, titleFrequency: packed >> 16, bodyFrequency: packed & 0xFFFF, in: base, limit: source.count)
                            body(Int(map[Int(local)]), base + at, end - at)
                            at = end
                        }
                    }
                }
            }
        }
    }
}
