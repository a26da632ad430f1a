import Foundation
import Testing

@testable import FolioCore

/// The index snapshot: what is read back is what was built, any change to the corpus or damage to
/// the file makes folio rebuild, and nothing wrong in the file is ever used.
@Suite struct SnapshotTests {
    /// A seeded corpus on disk: folders, front matter with authors and URLs, dates, a CJK article.
    static func writeCorpus(in folder: TemporaryDirectory, articles: Int = 240, seed: UInt64 = 7) throws {
        var random = SplitMix64(seed: seed)
        let words = [
            "market", "election", "minister", "prime", "football", "champion", "ashes", "ash", "economy", "growth",
            "film", "award", "music", "chart", "oil", "price", "phone", "mobile", "rates", "interest", "labour",
            "party", "budget", "chancellor", "world", "cup", "final", "technology", "broadband", "government"
        ]
        func sentence(_ count: Int) -> String {
            (0..<count).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
        }
        for number in 0..<articles {
            let section = "section\(number % 4)"
            let day = 1 + Int(random.next() % 28)
            let text: String
            switch number % 5 {
            case 0:
                text =
                    "---\ntitle: \(sentence(4))\ndate: 2024-03-\(String(format: "%02d", day))\nauthor: Writer \(number)\nurl: https://example.org/\(number)\n\(number % 10 == 0 ? "tags: [alpha, beta]\n" : "")---\n\n\(sentence(60))\n\n\(sentence(40))\n"
            case 1:
                text = "# \(sentence(5))\n\n\(sentence(80))\n"
            case 2:
                text = "東京の市場 \(number)\n\n東京の市場は今日も開いた。\(sentence(20))\n"
            default:
                text = "\(sentence(6)).\n\n\(sentence(50)) \"quoted words\" \(sentence(30))\n"
            }
            try folder.write("\(section)/\(String(format: "%04d", number)).txt", text)
        }
    }

    static let queries = [
        "market", "ashes", "prime minister", "\"prime minister\"", "\"prime m", "fo", "e", "champion -football",
        "oil OR film", "title:election", "date:2024-03", "東京", "markte", "chancelor budget", "", "date:>2024-03-10 growth"
    ]

    /// Everything a front end sees of a store, to compare two stores as a whole.
    static func observable(_ store: EmbeddedEngine) -> [String] {
        var lines = store.articles.map {
            "\($0.id)|\($0.title)|\($0.date.map(String.init(describing:)) ?? "-")|\($0.source)|\($0.author ?? "-")|\($0.url ?? "-")|\($0.wordCount)|\($0.body)"
        }
        for sort in ListOrder.allCases { lines.append("\(sort): \(store.listing(sort: sort))") }
        for query in queries {
            for mode in [QueryParser.Mode.complete, .incremental] {
                let results = store.search(query, mode: mode)
                lines.append(
                    "\(query) \(mode): "
                        + results.matches.map { "\($0.article):\($0.score):\($0.isFuzzy)" }.joined(separator: " "))
                for match in results.matches.prefix(3) {
                    let hits = store.hits(of: match.article, in: results)
                    lines.append("  \(hits.title) \(hits.body) \(store.snippet(of: match.article, in: results).text)")
                }
            }
        }
        lines.append("terms \(store.index.termCount) docs \(store.index.documentCount)")
        return lines
    }

    func open(_ corpus: TemporaryDirectory, cache: TemporaryDirectory) throws -> EmbeddedEngine {
        try CorpusOpener(cache: SnapshotCache(folder: cache.path + "/folio")).open(path: corpus.path)
    }

    func snapshotFile(_ cache: TemporaryDirectory) throws -> String {
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path + "/folio").filter {
            $0.hasSuffix(".snapshot")
        }
        #expect(files.count == 1)
        return cache.path + "/folio/" + files[0]
    }

    @Test func aSnapshotReadsBackAsTheStoreThatWroteIt() throws {
        let corpus = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try Self.writeCorpus(in: corpus)
        let built = try open(corpus, cache: cache)
        guard case .saved(_, because: .missing) = built.snapshotStatus else {
            Issue.record("expected a first snapshot, got \(built.snapshotStatus)")
            return
        }
        let mapped = try open(corpus, cache: cache)
        guard case .loaded = mapped.snapshotStatus else {
            Issue.record("expected the snapshot to be used, got \(mapped.snapshotStatus)")
            return
        }
        #expect(mapped.articles.snapshot != nil)
        let fresh = try CorpusOpener(cache: nil).open(path: corpus.path)
        let expected = Self.observable(fresh)
        #expect(Self.observable(built) == expected)
        let read = Self.observable(mapped)
        #expect(read.count == expected.count)
        for (got, want) in zip(read, expected) where got != want { Issue.record("snapshot differs:\n\(got)\n\(want)") }
        #expect(mapped.report.articleCount == fresh.report.articleCount)
        #expect(mapped.report.bytesRead == fresh.report.bytesRead)
        #expect(mapped.number(ofID: "section2/0007.txt") == fresh.number(ofID: "section2/0007.txt"))
        #expect(mapped.number(ofID: "section2/0007") == nil)
        #expect(mapped.article(withID: "section0/0000.txt")?.author == "Writer 0")
        #expect(mapped.article(withID: "section0/0000.txt")?.tags == ["alpha", "beta"])
        #expect(mapped.article(withID: "section1/0005.txt")?.tags == [])
    }

    @Test func aChangedAddedOrRemovedFileMakesTheSnapshotStale() throws {
        let corpus = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try Self.writeCorpus(in: corpus, articles: 40)
        _ = try open(corpus, cache: cache)
        // Rewritten with new words (the size changes too, but a same-size edit changes the times).
        try corpus.write("section1/0001.txt", "# Zebra crossing\n\nA zebrafish story.\n")
        let changed = try open(corpus, cache: cache)
        #expect(changed.snapshotStatus == .saved(try snapshotFile(cache), because: .stale))
        #expect(Fixture.ids(changed, "zebrafish") == ["section1/0001.txt"])
        #expect(try open(corpus, cache: cache).snapshotStatus == .loaded(try snapshotFile(cache)))
        try corpus.write("section9/new.txt", "# Walrus\n\nA walrus arrives.\n")
        let added = try open(corpus, cache: cache)
        #expect(added.snapshotStatus == .saved(try snapshotFile(cache), because: .stale))
        #expect(Fixture.ids(added, "walrus") == ["section9/new.txt"])
        try FileManager.default.removeItem(atPath: corpus.path + "/section9/new.txt")
        let removed = try open(corpus, cache: cache)
        #expect(removed.snapshotStatus == .saved(try snapshotFile(cache), because: .stale))
        #expect(Fixture.ids(removed, "walrus").isEmpty)
        // Same size, same content length, only the time: still stale (a file rewritten in place).
        let path = corpus.path + "/section0/0000.txt"
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(try open(corpus, cache: cache).snapshotStatus == .saved(try snapshotFile(cache), because: .stale))
    }

    @Test(arguments: ["truncated", "flipped byte", "foreign", "other version", "empty", "header only"])
    func aDamagedSnapshotIsRebuiltNeverUsed(damage: String) throws {
        let corpus = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try Self.writeCorpus(in: corpus, articles: 60)
        let expected = Self.observable(try open(corpus, cache: cache))
        let file = try snapshotFile(cache)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let expectedProblem: SnapshotProblem
        switch damage {
        case "truncated":
            bytes.removeLast(bytes.count / 3)
            expectedProblem = .truncated
        case "flipped byte":
            bytes[bytes.count / 2] ^= 0x40
            expectedProblem = .damaged("checksum")
        case "foreign":
            bytes = (0..<bytes.count).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            expectedProblem = .foreign
        case "other version":
            bytes[8] = 99
            expectedProblem = .otherVersion(99)
        case "empty":
            bytes = []
            expectedProblem = .truncated
        default:
            bytes = Array(bytes.prefix(64))
            expectedProblem = .truncated
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let rebuilt = try open(corpus, cache: cache)
        #expect(rebuilt.snapshotStatus == .saved(file, because: expectedProblem))
        #expect(Self.observable(rebuilt) == expected)
        // And the rewritten file is good again.
        #expect(try open(corpus, cache: cache).snapshotStatus == .loaded(file))
    }

    @Test func aSnapshotThatLiesInsideAValidChecksumIsRefused() throws {
        // A structurally wrong file with a correct checksum (written by a buggy or hostile program):
        // the structural checks, not the checksum, must refuse it.
        let corpus = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try Self.writeCorpus(in: corpus, articles: 30)
        let store = try CorpusOpener(cache: nil).open(path: corpus.path)
        let file = cache.path + "/lying.snapshot"
        try SnapshotWriter.write(store, index: store.index, fingerprint: 42, to: file)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        // Point the first term offset past the arena, then fix both checksums.
        let header = try #require(Self.entries(bytes).first { $0.section == .termOffsets })
        bytes.withUnsafeMutableBytes {
            $0.storeBytes(of: UInt32(9_999_999).littleEndian, toByteOffset: header.offset + 4, as: UInt32.self)
        }
        Self.resealed(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(SnapshotReader.read(path: file, fingerprint: 42).failure == .damaged("structure"))
        #expect(SnapshotReader.read(path: file, fingerprint: 43).failure == .stale)
        #expect(SnapshotReader.read(path: cache.path + "/missing", fingerprint: 42).failure == .missing)
    }

    @Test func anUnwritableCacheLeavesTheStoreWorking() throws {
        let corpus = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try Self.writeCorpus(in: corpus, articles: 20)
        try cache.write("folio", "a file where the folder should be")
        let store = try open(corpus, cache: cache)
        guard case .unsaved(let why) = store.snapshotStatus else {
            Issue.record("expected unsaved, got \(store.snapshotStatus)")
            return
        }
        #expect(why.contains("cannot create"))
        #expect(!store.search("market").isEmpty)
    }

    @Test func noTemporaryFileIsLeftBehind() throws {
        let corpus = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try Self.writeCorpus(in: corpus, articles: 20)
        _ = try open(corpus, cache: cache)
        _ = try open(corpus, cache: cache)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path + "/folio")
        #expect(files.count == 1 && files[0].hasSuffix(".snapshot"))
        #expect((try FileManager.default.attributesOfItem(atPath: cache.path + "/folio")[.posixPermissions] as? Int) == 0o700)
    }

    @Test func xxh64MatchesTheReferenceValues() {
        // Reference values from the xxHash project (XXH64, seed 0).
        #expect(XXH64.hash([UInt8]()) == 0xEF46_DB37_51D8_E999)
        #expect(XXH64.hash(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(XXH64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        #expect(XXH64.hash(Array("Nobody inspects the spammish repetition".utf8)) == 0xFBCE_A83C_8A37_8BF1)
    }

    // MARK: - Helpers for hand-made damage

    static func entries(_ bytes: [UInt8]) -> [SnapshotFormat.TableEntry] {
        bytes.withUnsafeBytes { raw in
            let count = Int(raw.loadUnaligned(fromByteOffset: 40, as: UInt32.self))
            return (0..<count).compactMap { number in
                let at = 64 + number * SnapshotFormat.tableEntrySize
                guard let section = SnapshotFormat.Section(rawValue: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                else { return nil }
                return .init(
                    section: section, offset: Int(raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)),
                    count: Int(raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self)),
                    checksum: raw.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))
            }
        }
    }

    /// Recomputes every section's checksum and the header checksum after an edit.
    static func resealed(_ bytes: inout [UInt8]) {
        let count = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 40, as: UInt32.self)) }
        let tableEnd = 64 + count * SnapshotFormat.tableEntrySize
        for (number, entry) in entries(bytes).enumerated() {
            let checksum = bytes.withUnsafeBytes {
                XXH64.blockChecksum(UnsafeRawBufferPointer(rebasing: $0[entry.offset..<entry.offset + entry.byteCount]))
            }
            bytes.withUnsafeMutableBytes {
                $0.storeBytes(
                    of: checksum.littleEndian, toByteOffset: 64 + number * SnapshotFormat.tableEntrySize + 24, as: UInt64.self)
            }
        }
        let header = XXH64.hash(Array(bytes[0..<48]) + Array(bytes[64..<tableEnd]))
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: header.littleEndian, toByteOffset: 48, as: UInt64.self) }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

extension SnapshotTests {
    @Test func anAbandonedTemporaryFileIsRemovedOnlyWhenOld() throws {
        let corpus = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try Self.writeCorpus(in: corpus, articles: 10)
        let old = try cache.write("folio/0123456789abcdef.snapshot.tmp-1-2", "left by a killed writer")
        let young = try cache.write("folio/0123456789abcdef.snapshot.tmp-3-4", "another process writing now")
        var times = [timespec(tv_sec: time(nil) - 7200, tv_nsec: 0), timespec(tv_sec: time(nil) - 7200, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, old, &times, 0) == 0)
        _ = try open(corpus, cache: cache)
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(FileManager.default.fileExists(atPath: young))
    }
}

extension SnapshotTests {
    /// Position runs that overlap, leave bytes over, or end inside a varint are refused by the
    /// structural checks, even under a valid checksum: a block reader relies on them to stay inside.
    @Test(arguments: ["runs out of order", "arena longer than the runs", "arena ends inside a varint"])
    func damagedPositionsAreRefused(damage: String) throws {
        let corpus = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try Self.writeCorpus(in: corpus, articles: 30)
        let store = try CorpusOpener(cache: nil).open(path: corpus.path)
        let file = cache.path + "/positions.snapshot"
        try SnapshotWriter.write(store, index: store.index, fingerprint: 42, to: file)
        #expect(SnapshotReader.read(path: file, fingerprint: 42).failure == nil)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let starts = try #require(Self.entries(bytes).first { $0.section == .positionsStart })
        let arena = try #require(Self.entries(bytes).first { $0.section == .positions })
        #expect(starts.count == store.index.termCount + 1 && arena.count > 0)
        bytes.withUnsafeMutableBytes { raw in
            switch damage {
            case "runs out of order":
                let second = raw.load(fromByteOffset: starts.offset + 16, as: Int.self)
                raw.storeBytes(of: second, toByteOffset: starts.offset + 8, as: Int.self)
            case "arena longer than the runs":
                let last = starts.offset + 8 * (starts.count - 1)
                raw.storeBytes(of: raw.load(fromByteOffset: last, as: Int.self) - 1, toByteOffset: last, as: Int.self)
            default:
                raw[arena.offset + arena.count - 1] |= 0x80
            }
        }
        Self.resealed(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(SnapshotReader.read(path: file, fingerprint: 42).failure == .damaged("structure"))
    }
}
