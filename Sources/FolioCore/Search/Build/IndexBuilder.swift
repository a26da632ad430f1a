// Stage: build. Turns the articles into a `SearchIndex` on all cores: chunks indexed apart, their
// dictionaries merged, their postings and positions copied into the index's arenas, stems grouped.

import Synchronization

/// Builds a `SearchIndex` from articles on all cores.
///
/// 1. The documents are cut into chunks of consecutive documents (about `chunkBytes` of text each,
///    the last ones smaller); each core takes the next chunk as it finishes one and indexes it on
///    its own (`ChunkIndexer`): terms sorted, postings and position blocks laid out by term
///    (`ChunkIndex`). No shared state.
/// 2. A merge of the chunks' sorted terms gives the global dictionary (`DictionaryMerger`).
/// 3. Each term's parts are copied from the chunks in order into the index's arenas, term ranges on
///    all cores, the chunks' pages released as they are copied (`PostingsMerger`).
///
/// How the chunks are cut does not change the index: every layout gives the same bytes.
enum IndexBuilder {
    /// Text per chunk: few enough chunks that each term's fixed costs per chunk (its record, its
    /// place in the chunk's sort, a part to copy) stay small, and few MiB for the chunk's lists:
    /// smaller chunks are slower, larger ones no faster.
    static let chunkBytes = 16 << 20

    /// `progress` is called now and then with the fraction done (from worker threads).
    static func build(
        _ articles: ArticleTable, chunkBytes: Int = chunkBytes, progress: @Sendable (Double) -> Void = { _ in }
    ) -> SearchIndex {
        let parts = chunkRanges(articles, chunkBytes: chunkBytes)
        // Tokenizing is most of the build: progress counts documents done, shared by the workers.
        let documentsDone = Atomic<Int>(0)
        let total = Swift.max(1, articles.count)
        var chunks = Parallel.map(parts.count, state: { ChunkIndexer() }) { indexer, part in
            let chunk = indexer.index(articles, range: parts[part]) { done in
                let all = documentsDone.add(done, ordering: .relaxed).newValue
                progress(0.85 * Double(all) / Double(total))
            }
            // Bodies in a file mapping are read once here: dropped now, the whole text is never
            // resident at once beside the build.
            articles.releaseText(parts[part])
            return chunk
        }
        let merged = DictionaryMerger.merge(chunks)
        progress(0.87)
        var lengths: [Float] = []
        lengths.reserveCapacity(articles.count)
        for chunk in chunks { lengths.append(contentsOf: chunk.documentLengths) }
        let arenas = PostingsMerger.merge(chunks, globalIDs: merged.globalIDs, termCount: merged.terms.count)
        chunks = []
        progress(0.95)
        let (stems, groupStart, groupTerms) = StemGrouper.group(merged.terms)
        let average = BM25.averageLength(lengths)
        return SearchIndex(
            terms: merged.terms, documentFrequency: Column(arenas.documentFrequency), postingsStart: Column(arenas.postingsStart),
            postings: arenas.postings, positionsStart: Column(arenas.positionsStart), positions: arenas.positions, stems: stems,
            groupStart: Column(groupStart), groupTerms: Column(groupTerms),
            documentLength: Column(lengths), averageDocumentLength: average, termsByLength: TermsByLength(merged.terms),
            lengthNorm: Column(BM25.lengthNorms(lengths, average: average)))
    }

    /// Consecutive document ranges of about `chunkBytes` of text, at least two per core (while there
    /// are documents) so every core has work on a small corpus too.
    static func chunkRanges(_ articles: ArticleTable, chunkBytes: Int) -> [Range<Int>] {
        let sizes = articles.indices.map { articles.textByteCount(at: $0) }
        let ends = chunkEnds(total: sizes.reduce(0, +), chunkBytes: chunkBytes, workers: Parallel.workerCount)
        let count = Swift.min(articles.count, ends.count)
        guard count > 1 else { return [0..<articles.count] }
        var ranges: [Range<Int>] = []
        var start = 0
        var seen = 0
        for document in articles.indices {
            seen += sizes[document]
            // Close the current chunk once its text is in, or when the documents left are only just
            // enough for one per chunk still to come.
            let closed = ranges.count + 1
            let left = articles.count - (document + 1)
            guard closed < count else { break }
            if left == count - closed || (seen >= ends[ranges.count] && left > count - closed) {
                ranges.append(start..<(document + 1))
                start = document + 1
            }
        }
        ranges.append(start..<articles.count)
        return ranges
    }

    /// Where each chunk's text ends, in bytes from the start of the corpus (the last is `total`).
    /// The last `workers × chunkBytes` are cut four times finer: cores take chunks as they finish
    /// the last, and small chunks at the end leave no core waiting long for another's last chunk.
    static func chunkEnds(total: Int, chunkBytes: Int, workers: Int) -> [Int] {
        let chunkBytes = Swift.max(1, chunkBytes)
        let tail = workers * chunkBytes
        guard total > 2 * tail else {
            let count = Swift.max(workers * 2, (total + chunkBytes - 1) / chunkBytes)
            return (1...count).map { total * $0 / count }
        }
        let head = total - tail
        let full = (head + chunkBytes - 1) / chunkBytes
        let fine = workers * 4
        return (1...full).map { head * $0 / full } + (1...fine).map { head + tail * $0 / fine }
    }
}
