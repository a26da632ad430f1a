import Foundation
import Testing

@testable import FolioCore

/// A snapshot's checksums prove it whole, not who wrote it. Only a snapshot in a folder of this
/// user's that no one else may write, itself a regular file of this user's that no one else may
/// write, is used; anything else is ignored (the index is built from the articles), never written
/// through, and never makes folio wait.
@Suite struct SnapshotTrustTests {
    /// A corpus, its cache, and a snapshot for exactly that corpus whose one article has a title
    /// that would retitle the terminal: what another user would plant.
    private struct Scene {
        let corpus: TemporaryDirectory
        let cache: TemporaryDirectory
        let staging: TemporaryDirectory
        let file: String
        let planted: String

        var folder: String { cache.path + "/folio" }
        var opener: CorpusOpener { CorpusOpener(cache: SnapshotCache(folder: folder)) }

        init() throws {
            corpus = try TemporaryDirectory()
            cache = try TemporaryDirectory()
            staging = try TemporaryDirectory()
            try SnapshotTests.writeCorpus(in: corpus, articles: 12)
            let opener = CorpusOpener(cache: SnapshotCache(folder: cache.path + "/folio"))
            guard case .saved(let written, _) = try opener.open(path: corpus.path).snapshotStatus else {
                throw SceneError.noSnapshot
            }
            file = written
            let fingerprint = try SnapshotReader.read(path: file, fingerprint: nil).get().fingerprint
            let hostile = EmbeddedEngine(articles: [
                Article(
                    id: "planted\u{1B}]0;pwned\u{07}.txt", title: "\u{1B}]0;pwned\u{07}Planted", source: "\u{1B}[31mx",
                    body: "Body \u{1B}]0;pwned\u{07} \u{9B}2J text.")
            ])
            planted = staging.path + "/planted.snapshot"
            try SnapshotWriter.write(hostile, index: hostile.index, fingerprint: fingerprint, to: planted)
            chmod(planted, 0o644)
        }

        /// The planted file put in place by this user: it is used, which is what makes the
        /// other tests' refusals mean something.
        func plantAsThisUser() throws {
            unlink(file)
            try FileManager.default.copyItem(atPath: planted, toPath: file)
            chmod(file, 0o600)
        }

        func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
    }

    private enum SceneError: Error { case noSnapshot }

    /// True when `store` holds the planted article.
    private func isPlanted(_ store: EmbeddedEngine) -> Bool {
        store.articles.contains { $0.title.contains("\u{1B}") }
    }

    @Test func thePlantedSnapshotIsUsedWhereItIsTrusted() throws {
        let scene = try Scene()
        try scene.plantAsThisUser()
        #expect(isPlanted(try scene.opener.open(path: scene.corpus.path)))
        #expect(scene.opener.openLastSnapshot(path: scene.corpus.path).map(isPlanted) == true)
    }

    @Test(arguments: [0o770, 0o777, 0o1777, 0o720])
    func aCacheFolderOthersMayWriteIsNeitherReadNorWritten(mode: Int) throws {
        let scene = try Scene()
        try scene.plantAsThisUser()
        #expect(chmod(scene.folder, mode_t(mode)) == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: scene.folder)
        #expect(scene.opener.openLastSnapshot(path: scene.corpus.path) == nil)
        let store = try scene.opener.open(path: scene.corpus.path)
        #expect(!isPlanted(store))
        #expect(store.articles.count == 12)
        guard case .ignored(because: .untrustedFolder(let why)) = store.snapshotStatus else {
            Issue.record("expected the folder to be ignored, got \(store.snapshotStatus)")
            return
        }
        #expect(why.contains("writable by group or others"))
        #expect(store.snapshotStatus.notice?.contains("cache folder not trusted") == true)
        // Nothing written there: the planted file as it was, and no other file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scene.folder) == before)
        #expect(scene.bytes(scene.file) == scene.bytes(scene.planted))
    }

    @Test func aSnapshotOthersMayWriteIsReplaced() throws {
        let scene = try Scene()
        try scene.plantAsThisUser()
        chmod(scene.file, 0o666)
        let store = try scene.opener.open(path: scene.corpus.path)
        #expect(!isPlanted(store))
        #expect(store.snapshotStatus == .saved(scene.file, because: .untrusted("\(scene.file) is writable by group or others")))
        #expect(Self.mode(scene.file) == 0o600)
        #expect(try scene.opener.open(path: scene.corpus.path).snapshotStatus == .loaded(scene.file))
    }

    @Test func aSymlinkAtTheSnapshotPathIsNotFollowed() throws {
        let scene = try Scene()
        unlink(scene.file)
        // The link leads to a sound snapshot for this very corpus, in a folder of this user's.
        #expect(symlink(scene.planted, scene.file) == 0)
        #expect(scene.opener.openLastSnapshot(path: scene.corpus.path) == nil)
        let store = try scene.opener.open(path: scene.corpus.path)
        #expect(!isPlanted(store))
        #expect(store.snapshotStatus == .saved(scene.file, because: .untrusted("\(scene.file) is a symbolic link")))
        // The link was replaced, not written through.
        var info = stat()
        #expect(lstat(scene.file, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        let target = try SnapshotReader.read(path: scene.planted, fingerprint: nil).get().articles
        #expect((0..<target.count).contains { target.article(at: $0).title.contains("\u{1B}") })
    }

    @Test func aFIFOAtTheSnapshotPathNeitherHangsNorIsWrittenThrough() throws {
        let scene = try Scene()
        unlink(scene.file)
        #expect(mkfifo(scene.file, 0o600) == 0)
        let opener = scene.opener
        let path = scene.corpus.path
        let painted = withDeadline(seconds: 20) { opener.openLastSnapshot(path: path) == nil }
        #expect(painted == true, "the reader's first open hung on a FIFO")
        let opened = withDeadline(seconds: 20) { Result { () throws(CorpusError) in try opener.open(path: path).snapshotStatus } }
        let status = try #require(opened, "opening the corpus hung on a FIFO").get()
        #expect(status == .saved(scene.file, because: .untrusted("\(scene.file) is not a regular file")))
        #expect(Self.mode(scene.file) == 0o600)
    }

    @Test func aSnapshotIsWrittenForItsOwnerOnly() throws {
        let scene = try Scene()
        #expect(Self.mode(scene.file) == 0o600)
        #expect(Self.mode(scene.folder) == 0o700)
        #expect(try scene.opener.open(path: scene.corpus.path).snapshotStatus == .loaded(scene.file))
    }

    // MARK: Another user

    static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `arguments` as nobody; its exit status.
    private func runAsNobody(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.setpriv))
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups"] + arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A shared cache folder (writable by all, sticky, as /tmp) in which another user put a snapshot
    /// for this corpus: not used, not overwritten; and in a folder of this user's that no one else
    /// may write any more, that user's file is replaced, never read.
    @Test(.enabled(if: getuid() == 0 && setpriv != nil, "needs root and setpriv to write a file as nobody"))
    func aSnapshotPlantedByAnotherUserIsNeverUsed() throws {
        let scene = try Scene()
        unlink(scene.file)
        chmod(scene.folder, 0o1777)
        #expect(try runAsNobody(["/bin/cp", scene.planted, scene.file]) == 0)
        var info = stat()
        #expect(stat(scene.file, &info) == 0 && info.st_uid == 65534)

        let shared = try scene.opener.open(path: scene.corpus.path)
        #expect(!isPlanted(shared))
        #expect(scene.opener.openLastSnapshot(path: scene.corpus.path) == nil)
        guard case .ignored(because: .untrustedFolder) = shared.snapshotStatus else {
            Issue.record("expected the shared folder to be ignored, got \(shared.snapshotStatus)")
            return
        }
        #expect(scene.bytes(scene.file) == scene.bytes(scene.planted))

        chmod(scene.folder, 0o700)
        #expect(scene.opener.openLastSnapshot(path: scene.corpus.path) == nil)
        let own = try scene.opener.open(path: scene.corpus.path)
        #expect(!isPlanted(own))
        #expect(
            own.snapshotStatus == .saved(scene.file, because: .untrusted("\(scene.file) belongs to another user (uid 65534)")))
        #expect(stat(scene.file, &info) == 0 && info.st_uid == getuid())
    }

    static func mode(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_mode & 0o7777) : -1
    }
}
