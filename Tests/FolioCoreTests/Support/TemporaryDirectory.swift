import Foundation

@testable import FolioCore

/// A fresh folder under the system temporary directory, removed (with every file in it) on deinit.
final class TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A folder on a disk file system even where the temporary directory is in memory (tmpfs), for
    /// what folio does only on disk (`TextSpillFile`): then under the package's `.build` folder.
    init(onDisk: Bool) throws {
        var parent = FileManager.default.temporaryDirectory
        if onDisk, let type = MountTable.fileSystemType(of: CorpusOpener.realPath(parent.path)),
            type == "tmpfs" || type == "ramfs"
        {
            parent = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
                ".build/folio-tests-disk")
        }
        url = parent.appendingPathComponent("folio-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        // A test may have left a folder with mode 000: give every folder its permissions back first.
        // Folders only, never through a symlink: chmod follows links, and a test's link to /dev/null
        // (or anything outside) must not change what it points at.
        if let walker = FileManager.default.enumerator(atPath: path) {
            while let relative = walker.nextObject() as? String {
                let item = url.appendingPathComponent(relative).path
                var info = stat()
                if lstat(item, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { chmod(item, 0o755) }
            }
        }
        chmod(path, 0o755)
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` at `relative` (folders created as needed) and returns the full path.
    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url.appendingPathComponent(relative), withIntermediateDirectories: true)
    }

    /// A symbolic link at `relative` pointing at `destination` (taken as written, relative or absolute).
    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: url.appendingPathComponent(relative).path, withDestinationPath: destination)
    }
}
