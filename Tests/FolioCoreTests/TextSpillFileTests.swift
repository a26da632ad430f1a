import Foundation
import Testing

@testable import FolioCore

/// Bodies moved out of the heap into a deleted file in the cache folder: what goes in comes back,
/// from any number of threads, across segments, and after its pages were dropped from memory.
@Suite struct TextSpillFileTests {
    private static func bodies(_ count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = 1 + Int(random.next() % 9000)
            return (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
    }

    @Test func whatIsStoredReadsBackAcrossSegmentsAndAfterItsPagesAreDropped() throws {
        let folder = try TemporaryDirectory(onDisk: true)
        // Segments of 64 KiB: a few hundred, and bodies larger than one get a segment of their own.
        let spill = try #require(TextSpillFile.create(in: folder.path, segmentBytes: 64 << 10))
        let bodies = Self.bodies(400, seed: 3) + [[UInt8](repeating: 0x41, count: 200_000)]
        let stored = try bodies.map { body in
            try #require(body.withUnsafeBytes { spill.store($0) })
        }
        #expect(spill.byteCount >= bodies.reduce(0) { $0 + $1.count })
        func readBack() -> Bool {
            zip(bodies, stored).allSatisfy { body, pointer in
                Array(UnsafeBufferPointer(start: pointer, count: body.count)) == body
            }
        }
        #expect(readBack())
        var regions = zip(bodies, stored).map { UnsafeRawBufferPointer(start: $1, count: $0.count) }
        PageReleaser.release(&regions)
        #expect(regions.isEmpty)
        #expect(readBack(), "dropped pages are read back from the file")
        // Nothing is left in the folder: the file never had a name there, or lost it at once.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func manyThreadsStoreAtOnce() throws {
        let folder = try TemporaryDirectory(onDisk: true)
        let spill = try #require(TextSpillFile.create(in: folder.path, segmentBytes: 256 << 10))
        let bodies = Self.bodies(3000, seed: 9)
        let pointers = Parallel.map(bodies.count) { index in
            bodies[index].withUnsafeBytes { spill.store($0) }.map { UInt(bitPattern: $0) }
        }
        for (body, pointer) in zip(bodies, pointers) {
            let address = try #require(pointer.flatMap { UnsafePointer<UInt8>(bitPattern: $0) })
            #expect(Array(UnsafeBufferPointer(start: address, count: body.count)) == body)
        }
        let starts = pointers.compactMap { $0 }.sorted()
        #expect(Set(starts).count == bodies.count, "no two bodies share a place")
    }

    @Test func anEmptyBodyStaysWhereItIs() throws {
        let folder = try TemporaryDirectory(onDisk: true)
        let spill = try #require(TextSpillFile.create(in: folder.path))
        #expect([UInt8]().withUnsafeBytes { spill.store($0) } == nil)
        var article = Article(id: "a.txt", title: "A", source: "s", body: "")
        article.moveText(into: spill)
        #expect(article.text.fileBackedRegion == nil && article.body.isEmpty)
        article = Article(id: "a.txt", title: "A", source: "s", body: "Curly “quotes” and 東京 stay as they were.")
        article.moveText(into: spill)
        #expect(article.text.fileBackedRegion != nil)
        #expect(article.body == "Curly “quotes” and 東京 stay as they were.")
    }

    @Test func noFolderNoSpill() {
        #expect(TextSpillFile.create(in: "/nonexistent/folio-\(UUID().uuidString)") == nil)
    }

    @Test func aCorpusReadWithACacheHasItsBodiesSpilledAndSearchesAsWithout() throws {
        let corpus = try TemporaryDirectory()
        let cache = try TemporaryDirectory(onDisk: true)
        try SnapshotTests.writeCorpus(in: corpus, articles: 120)
        let spilled = try CorpusOpener(cache: SnapshotCache(folder: cache.path + "/folio")).open(path: corpus.path)
        let inHeap = try CorpusOpener(cache: nil, spillFolders: []).open(path: corpus.path)
        #expect(spilled.articles.allSatisfy { $0.text.fileBackedRegion != nil })
        #expect(inHeap.articles.allSatisfy { $0.text.fileBackedRegion == nil })
        // The build and the snapshot writer dropped the bodies' pages as they went; all still read.
        #expect(SnapshotTests.observable(spilled) == SnapshotTests.observable(inHeap))
        guard case .saved = spilled.snapshotStatus else {
            Issue.record("snapshot not saved: \(spilled.snapshotStatus)")
            return
        }
        let reopened = try CorpusOpener(cache: SnapshotCache(folder: cache.path + "/folio")).open(path: corpus.path)
        #expect(SnapshotTests.observable(reopened) == SnapshotTests.observable(inHeap))
    }

    /// `--no-cache`: the bodies go to the first temporary folder that takes a spill file, past one
    /// that cannot (missing here; in memory, or unwritable, alike), and nothing is left there.
    @Test func withoutACacheTheBodiesSpillToATemporaryFolder() throws {
        let corpus = try TemporaryDirectory()
        let temporary = try TemporaryDirectory(onDisk: true)
        try SnapshotTests.writeCorpus(in: corpus, articles: 120)
        let missing = "/nonexistent/folio-\(UUID().uuidString)"
        let spilled = try CorpusOpener(cache: nil, spillFolders: [missing, temporary.path]).open(path: corpus.path)
        let inHeap = try CorpusOpener(cache: nil, spillFolders: [missing]).open(path: corpus.path)
        #expect(spilled.articles.allSatisfy { $0.text.fileBackedRegion != nil })
        #expect(inHeap.articles.allSatisfy { $0.text.fileBackedRegion == nil })
        #expect(SnapshotTests.observable(spilled) == SnapshotTests.observable(inHeap))
        #expect(spilled.snapshotStatus == inHeap.snapshotStatus, "no snapshot either way")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }

    @Test func theTemporaryFoldersAreTMPDIRThenTheStandardOnes() {
        #expect(CorpusOpener.temporaryFolders(tmpdir: nil) == ["/tmp", "/var/tmp"])
        #expect(CorpusOpener.temporaryFolders(tmpdir: "") == ["/tmp", "/var/tmp"])
        #expect(CorpusOpener.temporaryFolders(tmpdir: "/scratch") == ["/scratch", "/tmp", "/var/tmp"])
        #expect(CorpusOpener.temporaryFolders(tmpdir: "/var/tmp") == ["/var/tmp", "/tmp"])
    }
}

/// Merging regions before their pages are dropped: touching regions merge, a gap never is bridged.
@Suite struct PageReleaserTests {
    private func region(_ start: Int, _ count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: start), count: count)
    }

    @Test func touchingRegionsMergeInAnyOrderAndGapsSplit() {
        var regions = [
            region(0x10_0000 + 300, 200), region(0x10_0000, 300), region(0x10_0000 + 100, 50), region(0x20_0000, 10),
            region(0x10_0000 + 501, 9)
        ]
        #expect(
            PageReleaser.spans(&regions) == [
                0x10_0000..<(0x10_0000 + 500), (0x10_0000 + 501)..<(0x10_0000 + 510), 0x20_0000..<(0x20_0000 + 10)
            ])
        var empty: [UnsafeRawBufferPointer] = [region(0x30_0000, 0)]
        #expect(PageReleaser.spans(&empty).isEmpty)
    }
}

/// Which file system holds a path, read from a mount table in /proc/self/mountinfo's form.
@Suite struct MountTableTests {
    private let table = """
        22 27 0:21 / /proc rw,relatime - proc proc rw
        27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
        30 27 0:30 / /tmp rw,nosuid shared:5 - tmpfs tmpfs rw,size=100k
        31 30 254:1 / /tmp/disk rw,relatime - xfs /dev/vdb rw
        32 27 0:31 / /home/a\\040b rw - btrfs /dev/vdc rw
        33 30 0:32 / /tmp rw - ext4 /dev/vdd rw
        """

    @Test func theLongestMountPointHoldingThePathWins() {
        #expect(MountTable.fileSystemType(of: "/", mountInfo: table) == "ext4")
        #expect(MountTable.fileSystemType(of: "/var/cache/folio", mountInfo: table) == "ext4")
        #expect(MountTable.fileSystemType(of: "/tmp/disk/x", mountInfo: table) == "xfs")
        #expect(
            MountTable.fileSystemType(of: "/tmp/diskette", mountInfo: table) == "ext4", "a later mount over /tmp hides the tmpfs")
        #expect(MountTable.fileSystemType(of: "/home/a b/.cache", mountInfo: table) == "btrfs", "\\040 is a space")
        #expect(MountTable.fileSystemType(of: "/procfs", mountInfo: table) == "ext4", "a name sharing a prefix is not under it")
        #expect(MountTable.fileSystemType(of: "/x", mountInfo: "garbage\n\n - \n") == nil)
    }

    @Test func escapesAreDecoded() {
        #expect(MountTable.unescape("/a\\040b\\011c\\134") == "/a b\tc\\")
        #expect(MountTable.unescape("/plain") == "/plain")
        #expect(MountTable.unescape("/bad\\04") == "/bad\\04")
    }
}
