import Foundation

/// What a snapshot holds, used in place from the mapping.
struct SnapshotContents: Sendable {
    var articles: SnapshotArticles
    var index: SearchIndex
    var dateKey: Column<Int>
    var titleRank: Column<Int32>
    /// The inverse of `titleRank`, computed on reading (which proves the ranks a permutation).
    var titleOrder: [Int32]
    var report: LoadReport
    /// The corpus state it was written for (`CorpusFingerprint`).
    var fingerprint: UInt64
}

/// Maps a snapshot and checks it completely before anything in it is used: header, fingerprint,
/// checksum over every byte, then the structure (every offset in bounds, counts that agree), so a
/// damaged or foreign file is rebuilt and never trusted.
enum SnapshotReader {
    /// `fingerprint` nil: accept the snapshot whatever corpus state it describes (the reader paints
    /// from it, then checks the folder in the background); its `fingerprint` says which.
    static func read(path: String, fingerprint: UInt64?) -> Result<SnapshotContents, SnapshotProblem> {
        let file: MappedFile
        switch MappedFile.map(path: path) {
        case .failure(let problem): return .failure(problem)
        case .success(let mapped): file = mapped
        }
        let header: SnapshotHeader
        switch SnapshotHeader.decode(file.bytes, expectedFingerprint: fingerprint) {
        case .failure(let problem): return .failure(problem)
        case .success(let decoded): header = decoded
        }
        let payloadStart = SnapshotFormat.aligned(SnapshotFormat.headerSize + header.entries.count * SnapshotFormat.tableEntrySize)
        // The checksum reads every page; each block's pages are let go from this process once hashed
        // (they stay in the page cache, shared), so a session's memory is what it then reads.
        guard payloadStart <= file.count,
            XXH64.blockChecksum(UnsafeRawBufferPointer(rebasing: file.bytes[payloadStart..<file.count]), afterBlock: MappedFile.release)
                == header.payloadChecksum
        else { return .failure(.damaged("checksum")) }
        return contents(of: file, header: header).map { .success($0) } ?? .failure(.damaged("structure"))
    }

    private static func contents(of file: MappedFile, header: SnapshotHeader) -> SnapshotContents? {
        var bySection: [SnapshotFormat.Section: SnapshotFormat.TableEntry] = [:]
        for entry in header.entries { bySection[entry.section] = entry }
        guard bySection.count == SnapshotFormat.Section.allCases.count else { return nil }
        func column<T: BitwiseCopyable>(_ section: SnapshotFormat.Section, _: T.Type = T.self) -> Column<T> {
            let entry = bySection[section]!
            return Column(base: file.base + entry.offset, count: entry.count, owner: file)
        }
        let terms = SortedTerms(bytes: column(.termBytes), offsets: column(.termOffsets))
        let stems = SortedTerms(bytes: column(.stemBytes), offsets: column(.stemOffsets))
        let averages: Column<Float> = column(.averageLength)
        let reportBytes: Column<UInt8> = column(.report)
        guard averages.count == 1,
            let report = reportBytes.withUnsafeBufferPointer({ try? JSONDecoder().decode(LoadReport.self, from: Data($0)) })
        else { return nil }
        let index = SearchIndex(
            terms: terms, documentFrequency: column(.documentFrequency), postingsStart: column(.postingsStart),
            postings: column(.postings), positionsStart: column(.positionsStart), positions: column(.positions),
            stems: stems, groupStart: column(.groupStart), groupTerms: column(.groupTerms),
            documentLength: column(.documentLength), averageDocumentLength: averages[0],
            termsByLength: TermsByLength(order: column(.lengthOrder), start: column(.lengthStart)),
            lengthNorm: column(.lengthNorm))
        let articles = SnapshotArticles(
            fieldStart: column(.articleFieldStart), flags: column(.articleFlags), dates: column(.articleDates),
            wordCounts: column(.articleWordCounts), text: column(.articleText))
        let titleRank: Column<Int32> = column(.titleRank)
        guard let titleOrder = ResultOrdering.inverse(of: titleRank) else { return nil }
        let contents = SnapshotContents(
            articles: articles, index: index, dateKey: column(.dateKey), titleRank: titleRank, titleOrder: titleOrder,
            report: report, fingerprint: header.fingerprint)
        return articles.validate() && index.isWellFormed && contents.dateKey.count == articles.count
            && titleRank.count == articles.count && index.documentCount == articles.count ? contents : nil
    }
}

extension SortedTerms {
    /// Offsets start at 0, never go back, and end inside the arena.
    var isWellFormed: Bool {
        guard !offsets.isEmpty, offsets[0] == 0 else { return false }
        var previous: UInt32 = 0
        for offset in offsets {
            if offset < previous { return false }
            previous = offset
        }
        return Int(previous) <= bytes.count
    }
}

extension SearchIndex {
    /// Every count agrees and every stored id or offset points inside its column: what a mapped
    /// snapshot must satisfy before the index reads it without further checks.
    var isWellFormed: Bool {
        let termCount = terms.count
        guard terms.isWellFormed, stems.isWellFormed, documentFrequency.count == termCount,
            postingsStart.count == termCount + 1, lengthNorm.count == documentLength.count,
            groupStart.count == stems.count + 1, groupTerms.count == termCount,
            termsByLength.order.count == termCount, averageDocumentLength.isFinite
        else { return false }
        var previous = 0
        for start in postingsStart {
            if start < previous { return false }
            previous = start
        }
        guard previous <= postings.count, postingsStart[0] == 0, positionsAreWellFormed else { return false }
        var previousGroup: UInt32 = 0
        for start in groupStart {
            if start < previousGroup { return false }
            previousGroup = start
        }
        guard Int(previousGroup) <= groupTerms.count else { return false }
        guard groupTerms.allSatisfy({ Int($0) < termCount }), termsByLength.order.allSatisfy({ Int($0) < termCount }) else { return false }
        var previousLength: UInt32 = 0
        for start in termsByLength.start {
            if start < previousLength { return false }
            previousLength = start
        }
        return Int(previousLength) <= termCount && termsByLength.start.count == Tokenizer.maximumTokenBytes + 10
    }

    /// Every term has a run of position blocks (a posting has at least one position), the runs tile
    /// the arena, and its last byte ends a varint: a block reader, bounded by its term's run (a varint
    /// started inside it ends by the arena's last byte), then never reads outside the arena however
    /// the bytes inside were damaged.
    private var positionsAreWellFormed: Bool {
        guard positionsStart.count == terms.count + 1, positionsStart[0] == 0,
            positionsStart[terms.count] == positions.count
        else { return false }
        var previous = 0
        for start in positionsStart.dropFirst() {
            if start <= previous { return false }
            previous = start
        }
        return positions.isEmpty || positions[positions.count - 1] < 0x80
    }
}
