import Foundation
import Synchronization

/// What a snapshot holds, used in place from the mapping.
struct SnapshotContents: Sendable {
    var articles: SnapshotArticles
    /// Not to be searched while `remainingCheck` is set: its postings are not checked yet.
    var index: SearchIndex
    var dateKey: Column<Int>
    var titleRank: Column<Int32>
    /// The inverse of `titleRank`, computed on reading (which proves the ranks a permutation).
    var titleOrder: [Int32]
    /// Every article but identical copies, newest first (then in title order): the list with no
    /// query, as saved.
    var dateOrder: Column<Int32>
    /// Per article, its group of identical articles' first (`IdenticalCopies`).
    var representative: Column<Int32>
    var ageByTitle: Column<UInt32>
    var report: LoadReport
    /// The corpus state it was written for (`CorpusFingerprint`).
    var fingerprint: UInt64
    /// What `Check.listFirst` left to check; nil once everything is checked.
    var remainingCheck: SnapshotRemainingCheck?
}

/// Maps a snapshot and checks it before anything in it is used: header, fingerprint, each section's
/// checksum, then the structure (every offset in bounds, counts that agree), so a damaged or foreign
/// file is rebuilt and never trusted.
enum SnapshotReader {
    enum Check: Sendable {
        /// Every section and the index's structure before returning (the command line, benchmarks).
        case everything
        /// The columns the list needs (all but the text, postings and positions): the reader paints
        /// from them and runs `SnapshotContents.remainingCheck` behind the list, before searching.
        /// Checking a large snapshot whole before the first paint would delay the list.
        case listFirst
    }

    /// `fingerprint` nil: accept the snapshot whatever corpus state it describes (the reader paints
    /// from it, then checks the folder in the background); its `fingerprint` says which.
    static func read(path: String, fingerprint: UInt64?, check: Check = .everything) -> Result<SnapshotContents, SnapshotProblem>
    {
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
        let (now, later) = header.entries.partitioned { check == .listFirst && $0.section.isCheckedBehindTheList }
        // The large sections' pages are let go from this process once hashed (they stay in the page
        // cache, shared), so a session's memory is what it then reads; the small ones are used at once.
        guard now.allSatisfy({ XXH64.blockChecksum(file.bytes(of: $0)) == $0.checksum }) else {
            return .failure(.damaged("checksum"))
        }
        guard var contents = contents(of: file, header: header) else { return .failure(.damaged("structure")) }
        let remaining = SnapshotRemainingCheck(file: file, sections: later, index: contents.index)
        if check == .everything {
            if let problem = remaining.run(progress: { _ in }) { return .failure(problem) }
        } else {
            contents.remainingCheck = remaining
        }
        return .success(contents)
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
        let dateOrder: Column<Int32> = column(.dateOrder)
        let representative: Column<Int32> = column(.representative)
        let count = articles.count
        // Each article's representative is itself or an earlier representative.
        let isGrouped =
            representative.count == count
            && representative.indices.allSatisfy { article in
                let first = Int(representative[article])
                return first >= 0 && first <= article && Int(representative[first]) == first
            }
        guard isGrouped, let titleOrder = ResultOrdering.inverse(of: titleRank),
            dateOrder.count == representative.indices.count(where: { Int(representative[$0]) == $0 }),
            dateOrder.allSatisfy({ $0 >= 0 && Int($0) < count && representative[Int($0)] == $0 })
        else { return nil }
        let contents = SnapshotContents(
            articles: articles, index: index, dateKey: column(.dateKey), titleRank: titleRank, titleOrder: titleOrder,
            dateOrder: dateOrder, representative: representative, ageByTitle: column(.ageByTitle), report: report,
            fingerprint: header.fingerprint)
        return articles.validate() && contents.dateKey.count == count && titleRank.count == count
            && contents.ageByTitle.count == count && index.documentCount == count ? contents : nil
    }
}

/// The part of a snapshot's check left for behind the list (`SnapshotReader.Check.listFirst`): the
/// postings' and positions' checksums and the index's structure, then the text's checksum. Until the
/// index part passes, the index is not searched (a damaged posting could crash the process); the text
/// is safe to read meanwhile (its bounds were checked), so searching need not wait for its part.
struct SnapshotRemainingCheck: Sendable {
    let file: MappedFile
    let sections: [SnapshotFormat.TableEntry]
    /// The snapshot's index, to be searched once its part passes.
    let index: SearchIndex

    /// nil when everything is sound. `progress` gets 0...1 as the index's bytes are hashed (from
    /// several threads); `indexPassed` is called once the index may be searched, before the text
    /// is checked (the text is most of the bytes, so searches start well before the check ends).
    func run(progress: @Sendable (Double) -> Void, indexPassed: () -> Void = {}) -> SnapshotProblem? {
        let (indexSections, textSections) = sections.partitioned { $0.section == .articleText }
        let total = max(1, indexSections.reduce(0) { $0 + $1.byteCount })
        let hashed = Atomic<Int>(0)
        for entry in indexSections {
            let checksum = XXH64.blockChecksum(file.bytes(of: entry)) { block in
                MappedFile.release(block)
                let done = hashed.add(block.count, ordering: .relaxed).newValue
                progress(Double(done) / Double(total))
            }
            guard checksum == entry.checksum else { return .damaged("checksum") }
        }
        guard index.isWellFormed else { return .damaged("structure") }
        indexPassed()
        for entry in textSections
        where XXH64.blockChecksum(file.bytes(of: entry), afterBlock: MappedFile.release) != entry.checksum {
            return .damaged("checksum")
        }
        return nil
    }
}

extension Array {
    /// The elements for which `isSecond` is false, then those for which it is true, each in order.
    fileprivate func partitioned(_ isSecond: (Element) -> Bool) -> (first: [Element], second: [Element]) {
        var first: [Element] = []
        var second: [Element] = []
        for element in self { if isSecond(element) { second.append(element) } else { first.append(element) } }
        return (first, second)
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
        guard groupTerms.allSatisfy({ Int($0) < termCount }), termsByLength.order.allSatisfy({ Int($0) < termCount }) else {
            return false
        }
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
