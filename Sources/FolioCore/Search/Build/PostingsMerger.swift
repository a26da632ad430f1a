/// Step 3 of indexing: lays every term's postings and position blocks out in the index's two arenas
/// by copying the term's part from each chunk in turn (chunks hold consecutive documents, so this
/// is document order). Only the first posting of each part is re-encoded: its document gap counts
/// from the term's last document in the chunks before.
///
/// The terms are split into ranges that the cores copy at once, each into its own slice of the
/// arenas; each range hands back the chunk pages it has copied as it goes (`PageBuffer.release`),
/// so the chunks shrink while the index grows.
enum PostingsMerger {
    struct Arenas {
        var documentFrequency: [UInt32]
        var postingsStart: [Int]
        var postings: Column<UInt8>
        var positionsStart: [Int]
        var positions: Column<UInt8>
    }

    /// Bytes copied by a range between two looks at what it can release of the chunks it has read.
    static let releaseStep = 1 << 20
    /// Copied bytes of one chunk's list that are released in one call, at least (except at a
    /// range's end). Each release is a system call that makes the other cores drop their TLB entries
    /// (an interrupt each, costly in a VM), so a call per chunk per step costs; and with many chunks
    /// a step's share of each list is less than a page, so without a minimum nearly nothing would be
    /// released and the build's peak would hold the copied lists twice. This holds back at most a
    /// quarter MiB per chunk list per range.
    static let releaseMinimum = 256 << 10

    static func merge(_ chunks: [ChunkIndex], globalIDs: [[UInt32]], termCount: Int) -> Arenas {
        let layout = Layout(chunks, globalIDs: globalIDs, termCount: termCount)
        let ranges = layout.termRanges(parts: Parallel.workerCount * 4)
        let globalIDs = globalIDs.map { Column($0) }
        let views = chunks.indices.map { ChunkView(chunks[$0], globalIDs: globalIDs[$0]) }
        var positions: Column<UInt8>? = nil
        let postings = Column<UInt8>(count: layout.postingsStart[termCount]) { postings in
            positions = Column<UInt8>(count: layout.positionsStart[termCount]) { positions in
                let targets = Targets(postings: postings.baseAddress!, positions: positions.baseAddress!)
                withExtendedLifetime((chunks, globalIDs)) {
                    _ = Parallel.map(ranges.count) { part in
                        copy(ranges[part], of: views, chunks: chunks, layout: layout, to: targets)
                    }
                }
            }
        }
        return Arenas(
            documentFrequency: layout.documentFrequency, postingsStart: layout.postingsStart, postings: postings,
            positionsStart: layout.positionsStart, positions: positions!)
    }

    /// Where the arenas are written; each range writes only its own terms' bytes.
    private struct Targets: @unchecked Sendable {
        let postings: UnsafeMutablePointer<UInt8>
        let positions: UnsafeMutablePointer<UInt8>
    }

    /// A chunk's columns as plain pointers (valid while the chunk is), so the copy loop, which looks
    /// at every chunk for every term, retains nothing.
    private struct ChunkView: @unchecked Sendable {
        let termCount: Int
        let globalIDs: UnsafePointer<UInt32>
        let firstDocuments: UnsafePointer<Int32>
        let lastDocuments: UnsafePointer<Int32>
        let postingStart: UnsafePointer<Int>
        let positionStart: UnsafePointer<Int>
        let postings: UnsafePointer<UInt8>
        let positions: UnsafePointer<UInt8>

        init(_ chunk: ChunkIndex, globalIDs: Column<UInt32>) {
            termCount = chunk.termCount
            self.globalIDs = globalIDs.base
            firstDocuments = chunk.firstDocuments.base
            lastDocuments = chunk.lastDocuments.base
            postingStart = chunk.postingStart.base
            positionStart = chunk.positionStart.base
            postings = UnsafePointer(chunk.postings.base)
            positions = UnsafePointer(chunk.positions.base)
        }

        /// The first of the chunk's terms whose global id is `id` or more.
        func lowerBound(_ id: Int) -> Int {
            var low = 0
            var high = termCount
            while low < high {
                let middle = (low + high) / 2
                if Int(globalIDs[middle]) < id { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// Copies the terms in `range` from every chunk holding them.
    private static func copy(
        _ range: Range<Int>, of views: [ChunkView], chunks: [ChunkIndex], layout: Layout, to targets: Targets
    ) {
        guard !range.isEmpty else { return }
        // Each chunk's first term in the range; what the range reads of a chunk starts there.
        var cursor = views.map { $0.lowerBound(range.lowerBound) }
        var releasedPostings = views.indices.map { views[$0].postingStart[cursor[$0]] }
        var releasedPositions = views.indices.map { views[$0].positionStart[cursor[$0]] }
        var postingAt = layout.postingsStart[range.lowerBound]
        var positionAt = layout.positionsStart[range.lowerBound]
        var copiedSinceRelease = 0
        views.withUnsafeBufferPointer { views in
            cursor.withUnsafeMutableBufferPointer { cursor in
                for term in range {
                    var lastDocument = -1
                    for number in 0..<views.count {
                        let chunk = views[number]
                        let t = cursor[number]
                        guard t < chunk.termCount, Int(chunk.globalIDs[t]) == term else { continue }
                        let gap = UInt32(Int(chunk.firstDocuments[t]) - lastDocument)
                        postingAt = VarInt.write(gap, to: targets.postings, at: postingAt)
                        let postingBytes = chunk.postingStart[t + 1] - chunk.postingStart[t]
                        (targets.postings + postingAt).update(from: chunk.postings + chunk.postingStart[t], count: postingBytes)
                        postingAt += postingBytes
                        let positionBytes = chunk.positionStart[t + 1] - chunk.positionStart[t]
                        (targets.positions + positionAt).update(
                            from: chunk.positions + chunk.positionStart[t], count: positionBytes)
                        positionAt += positionBytes
                        copiedSinceRelease += postingBytes + positionBytes
                        lastDocument = Int(chunk.lastDocuments[t])
                        cursor[number] = t + 1
                    }
                    let last = term == range.upperBound - 1
                    guard copiedSinceRelease >= releaseStep || last else { continue }
                    copiedSinceRelease = 0
                    let minimum = last ? 0 : releaseMinimum
                    for number in 0..<views.count {
                        let postingEnd = views[number].postingStart[cursor[number]]
                        let positionEnd = views[number].positionStart[cursor[number]]
                        if postingEnd - releasedPostings[number] >= minimum {
                            releasedPostings[number] = chunks[number].postings.release(releasedPostings[number]..<postingEnd)
                        }
                        if positionEnd - releasedPositions[number] >= minimum {
                            releasedPositions[number] = chunks[number].positions.release(releasedPositions[number]..<positionEnd)
                        }
                    }
                }
            }
        }
    }

    /// Each term's document frequency and where its postings and positions go.
    private struct Layout {
        var documentFrequency: [UInt32]
        var postingsStart: [Int]
        var positionsStart: [Int]

        init(_ chunks: [ChunkIndex], globalIDs: [[UInt32]], termCount: Int) {
            documentFrequency = [UInt32](repeating: 0, count: termCount)
            var postingBytes = [Int](repeating: 0, count: termCount + 1)
            var positionBytes = [Int](repeating: 0, count: termCount + 1)
            // In chunk order: a part's first gap counts from the term's last document before it.
            var lastDocument = [Int32](repeating: -1, count: termCount)
            for (number, chunk) in chunks.enumerated() {
                for t in 0..<chunk.termCount {
                    let term = Int(globalIDs[number][t])
                    documentFrequency[term] += chunk.documents[t]
                    let gap = UInt32(Int(chunk.firstDocuments[t]) - Int(lastDocument[term]))
                    postingBytes[term + 1] += VarInt.length(gap) + chunk.postingStart[t + 1] - chunk.postingStart[t]
                    positionBytes[term + 1] += chunk.positionStart[t + 1] - chunk.positionStart[t]
                    lastDocument[term] = chunk.lastDocuments[t]
                }
            }
            for term in 0..<termCount {
                postingBytes[term + 1] += postingBytes[term]
                positionBytes[term + 1] += positionBytes[term]
            }
            postingsStart = postingBytes
            positionsStart = positionBytes
        }

        /// Consecutive term ranges of about equal bytes to copy.
        func termRanges(parts: Int) -> [Range<Int>] {
            let termCount = postingsStart.count - 1
            let total = postingsStart[termCount] + positionsStart[termCount]
            var ranges: [Range<Int>] = []
            var start = 0
            for part in 1...Swift.max(1, parts) {
                let goal = total * part / Swift.max(1, parts)
                var end = start
                while end < termCount && postingsStart[end] + positionsStart[end] < goal { end += 1 }
                if part == parts { end = termCount }
                ranges.append(start..<end)
                start = end
            }
            return ranges
        }
    }
}
