import Foundation

/// Where a corpus walk may go. A symlink may lead anywhere (`shadow -> /etc/shadow`, a link to `/`),
/// so a link is followed only when it resolves inside the corpus folder, unless `followLinks` says
/// otherwise; and nothing in /proc, /sys or /dev, or on a kernel file system mounted elsewhere, is
/// ever read or walked, links followed or not (`/proc/*/root` leads back to `/` without end).
final class CorpusBoundary {
    /// The corpus folder's real path (symlinks resolved).
    let root: String
    /// The corpus path as named, made absolute (`/proc/self/root` is `/` once resolved).
    private let namedRoot: String
    let followLinks: Bool
    private let systemFolders: Set<FileIdentity>
    /// Read from the mount table the first time a walk reaches another device.
    private lazy var kernelDevices = MountTable.kernelFileSystemDevices()

    static let systemFolderPaths = ["/proc", "/sys", "/dev"]

    /// `path`: the corpus folder (or file) as named on the command line.
    init(path: String, followLinks: Bool) {
        root = Self.realPath(Array(path.utf8)) ?? path
        namedRoot = Self.absolute(path)
        self.followLinks = followLinks
        var identities: Set<FileIdentity> = []
        for path in Self.systemFolderPaths {
            var info = stat()
            if stat(path, &info) == 0 { identities.insert(FileIdentity(info)) }
        }
        systemFolders = identities
    }

    /// Why the corpus named on the command line (a folder or one file) must not be read: it is in
    /// or on a kernel file system. nil when it may.
    func rootProblem(_ info: stat) -> SkipReason? {
        Self.isSystemPath(root) || Self.isSystemPath(namedRoot) || isKernel(info, comparedWith: nil) ? .kernelFileSystem : nil
    }

    /// Why the entry `path` (in a folder on device `folderDevice`), a file or folder with `info`
    /// (its link followed), must not be read or walked; nil when it may. `isLink`: the entry is a
    /// symlink, whose target is then resolved and must stay inside the corpus folder.
    func problem(path: [UInt8], info: stat, isLink: Bool, folderDevice: UInt64) -> SkipReason? {
        if isKernel(info, comparedWith: folderDevice) { return .kernelFileSystem }
        guard isLink else { return nil }
        guard let target = Self.realPath(path) else { return .unreadable }
        if Self.isSystemPath(target) { return .kernelFileSystem }
        if !followLinks && !(target == root || target.hasPrefix(root == "/" ? "/" : root + "/")) { return .linkOutsideCorpus }
        return nil
    }

    /// /proc, /sys or /dev themselves (wherever reached from), or anything on a kernel file system
    /// other than the folder being walked (`folderDevice`; nil: compare with nothing).
    private func isKernel(_ info: stat, comparedWith folderDevice: UInt64?) -> Bool {
        if (info.st_mode & S_IFMT) == S_IFDIR && systemFolders.contains(FileIdentity(info)) { return true }
        let device = UInt64(info.st_dev)
        return device != folderDevice && kernelDevices.contains(device)
    }

    static func isSystemPath(_ path: String) -> Bool {
        systemFolderPaths.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// `path` made absolute, with "." and ".." taken away as written (no symlink resolved).
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var components: [Substring] = []
        for component in full.split(separator: "/") where component != "." {
            if component == ".." { _ = components.popLast() } else { components.append(component) }
        }
        return "/" + components.joined(separator: "/")
    }

    /// `path` with every symlink resolved, or nil when it cannot be (dangling, a loop).
    static func realPath(_ path: [UInt8]) -> String? {
        guard let resolved = realpath(CorpusScanner.cPath(path), nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A file or folder as the kernel knows it: a walk reaching a folder twice is in a loop, and a file
/// opened with another identity than the scan saw was replaced in between.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}
