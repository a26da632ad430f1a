/// The index snapshot file (version 9; version 8 had no identical copies (`representative`, and a
/// date order listing every article), version 7 had no article counts per file format in its
/// report, version 6 no article tags, version 5 ranked titles by their lower-cased text alone, with
/// reply prefixes and leading punctuation (`TitleSortKey`), version 4 had no run tails nor Thai,
/// Lao, Khmer and Myanmar pairs, version 3 articles parsed without HTML references decoded or
/// leading metadata lines read, version 2 one checksum over the whole payload, version 1 no
/// positions), little-endian, every section 64-byte aligned:
///
///     0   magic "FOLIOSNP"             8 bytes
///     8   format version               UInt32
///     12  byte-order mark 0x01020304   UInt32 (a file from a big-endian machine is foreign)
///     16  corpus fingerprint           UInt64 (paths, sizes, times, load options: `CorpusFingerprint`)
///     24  file length                  UInt64 (a truncated file is caught before anything is read)
///     32  reserved                     UInt64
///     40  section count                UInt32
///     44  reserved                     UInt32
///     48  table checksum               UInt64 (XXH64 of bytes 0..<48 and the table)
///     56  reserved                     UInt64
///     64  section table: per section kind UInt32, element size UInt32, offset UInt64, count UInt64,
///         checksum UInt64 (`XXH64.blockChecksum` of the section's bytes)
///
/// The sections are the index's columns and the articles' columns, used in place once mapped. Each
/// has its own checksum so the reader can check the columns the list shows before painting and
/// the large ones (text, postings, positions) behind the list (`SnapshotReader.Check`).
enum SnapshotFormat {
    static let magic: [UInt8] = Array("FOLIOSNP".utf8)
    /// Bump when any section's meaning changes: an older file is then rebuilt, never misread.
    static let version: UInt32 = 9
    static let byteOrderMark: UInt32 = 0x0102_0304
    static let headerSize = 64
    static let tableEntrySize = 32
    static let alignment = 64

    enum Section: UInt32, CaseIterable {
        case termBytes = 1, termOffsets, documentFrequency, postingsStart, postings
        case stemBytes, stemOffsets, groupStart, groupTerms
        case documentLength, lengthNorm, lengthOrder, lengthStart, averageLength
        case positionsStart, positions
        case articleFieldStart = 20, articleFlags, articleDates, articleWordCounts, articleText
        case dateKey = 30, titleRank, dateOrder, ageByTitle, representative
        case report = 40

        /// The large sections, checked behind the list when the reader paints first: nothing the
        /// list needs to paint is in them except the text of the rows on screen (bounds-checked by
        /// the article columns, so read safely before its checksum is known).
        var isCheckedBehindTheList: Bool { self == .articleText || self == .postings || self == .positions }

        /// Bytes per element, checked on reading so a column is never read with the wrong width.
        var elementSize: Int {
            switch self {
            case .termBytes, .postings, .positions, .stemBytes, .articleFlags, .articleText, .report: 1
            case .termOffsets, .documentFrequency, .stemOffsets, .groupStart, .groupTerms, .documentLength,
                .lengthNorm, .lengthOrder, .lengthStart, .averageLength, .articleDates, .articleWordCounts, .titleRank,
                .dateOrder, .ageByTitle, .representative:
                4
            case .postingsStart, .positionsStart, .articleFieldStart, .dateKey: 8
            }
        }
    }

    struct TableEntry {
        var section: Section
        var offset: Int
        var count: Int
        var checksum: UInt64 = 0

        var byteCount: Int { count * section.elementSize }
    }

    static func aligned(_ offset: Int) -> Int { (offset + alignment - 1) / alignment * alignment }
}

/// Why a snapshot was not used; each case makes folio rebuild it (and say why in `folio stats`).
public enum SnapshotProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case missing
    case unreadable(String)
    case foreign
    case otherVersion(UInt32)
    case stale
    case truncated
    case damaged(String)
    /// The file is not to be believed (`SnapshotTrust`): why. It is replaced once the index is built.
    case untrusted(String)
    /// The cache folder is not to be believed: why. Nothing in it is read or written.
    case untrustedFolder(String)

    public var description: String {
        switch self {
        case .missing: "no snapshot yet"
        case .unreadable(let why): "snapshot unreadable: \(why)"
        case .foreign: "not a folio snapshot"
        case .otherVersion(let version): "snapshot format \(version), this folio writes \(SnapshotFormat.version)"
        case .stale: "the corpus changed since the snapshot"
        case .truncated: "snapshot truncated"
        case .damaged(let what): "snapshot damaged (\(what))"
        case .untrusted(let why): "snapshot not trusted: \(why)"
        case .untrustedFolder(let why): "cache folder not trusted: \(why)"
        }
    }
}
