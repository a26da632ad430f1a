/// Step 3 of indexing: lays every term's postings out in one varint arena, in document order.
enum PostingsWriter {
    static func write(
        _ chunks: [ChunkIndexer], globalIDs: [[UInt32]], termCount: Int
    ) -> (documentFrequency: [UInt32], postingsStart: [Int], postings: Column<UInt8>) {
        var frequency = [UInt32](repeating: 0, count: termCount)
        var sizes = [Int](repeating: 0, count: termCount + 1)
        var lastDocument = [Int32](repeating: -1, count: termCount)
        // Pass 1: the encoded size of each term's postings (gaps depend on the previous document).
        for (chunkNumber, chunk) in chunks.enumerated() {
            visit(chunk, globalIDs[chunkNumber]) { term, document, packed in
                frequency[term] += 1
                let gap = UInt32(document - Int(lastDocument[term]))
                lastDocument[term] = Int32(document)
                sizes[term] += VarInt.length(gap) + VarInt.length(packed & 0xFFFF) + VarInt.length(packed >> 16)
            }
        }
        var starts = [Int](repeating: 0, count: termCount + 1)
        var total = 0
        for term in 0..<termCount {
            starts[term] = total
            total += sizes[term]
        }
        starts[termCount] = total
        // Pass 2: write, with a cursor per term.
        var cursor = starts
        for term in 0..<termCount { lastDocument[term] = -1 }
        // Written straight into the index's own memory: no second copy of the largest structure.
        let postings = Column<UInt8>(count: total) { buffer in
            let base = buffer.baseAddress!
            for (chunkNumber, chunk) in chunks.enumerated() {
                visit(chunk, globalIDs[chunkNumber]) { term, document, packed in
                    let gap = UInt32(document - Int(lastDocument[term]))
                    lastDocument[term] = Int32(document)
                    var position = cursor[term]
                    position = VarInt.write(gap, to: base, at: position)
                    position = VarInt.write(packed & 0xFFFF, to: base, at: position)
                    position = VarInt.write(packed >> 16, to: base, at: position)
                    cursor[term] = position
                }
            }
        }
        return (frequency, starts, postings)
    }

    /// Calls `body(globalTerm, globalDocument, packedFrequency)` for every posting of a chunk, in order.
    @inline(__always)
    private static func visit(_ chunk: ChunkIndexer, _ globalIDs: [UInt32], _ body: (Int, Int, UInt32) -> Void) {
        chunk.postingTerm.withUnsafeBufferPointer { terms in
            chunk.postingFrequency.withUnsafeBufferPointer { frequencies in
                globalIDs.withUnsafeBufferPointer { map in
                    for local in 0..<(chunk.documentStart.count - 1) {
                        let document = chunk.firstDocument + local
                        for index in Int(chunk.documentStart[local])..<Int(chunk.documentStart[local + 1]) {
                            body(Int(map[Int(terms[index])]), document, frequencies[index])
                        }
                    }
                }
            }
        }
    }
}
