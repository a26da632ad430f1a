import Foundation

/// Whether a snapshot may be believed. Its checksums prove it whole, not who wrote it: anyone can
/// recompute them. So, as OpenSSH's StrictModes does for its files, a snapshot is used only when
/// its folder and the file itself belong to this user and no one else may write them; otherwise
/// another local user (with a shared or world-writable cache) could plant articles.
enum SnapshotTrust {
    /// Why a folder or file with `info` is not to be trusted; nil when it is.
    static func problem(_ info: stat, path: String) -> String? {
        if info.st_uid != geteuid() { return "\(path) belongs to another user (uid \(info.st_uid))" }
        if info.st_mode & 0o022 != 0 { return "\(path) is writable by group or others" }
        return nil
    }

    /// Why the folder at `path` is not to be trusted; nil when it is, or is no folder at all (yet).
    static func folderProblem(_ path: String) -> SnapshotProblem? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return problem(info, path: path).map { .untrustedFolder($0) }
    }

    /// Opens the snapshot at `path` for reading: through its folder, checked first (the file is then
    /// found in the folder checked, whatever happens to the path meanwhile); without following a
    /// symlink or waiting on a FIFO; and only a regular file this user owns and alone can write.
    static func openForReading(_ path: String) -> Result<Int32, SnapshotProblem> {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderDescriptor >= 0 else { return .failure(openProblem(errno)) }
        defer { close(folderDescriptor) }
        var info = stat()
        guard fstat(folderDescriptor, &info) == 0 else { return .failure(.unreadable(reason())) }
        if let why = problem(info, path: folder) { return .failure(.untrustedFolder(why)) }
        let descriptor = openat(folderDescriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(errno == ELOOP ? .untrusted("\(path) is a symbolic link") : openProblem(errno))
        }
        guard fstat(descriptor, &info) == 0 else {
            let failure = SnapshotProblem.unreadable(reason())
            close(descriptor)
            return .failure(failure)
        }
        let why = (info.st_mode & S_IFMT) != S_IFREG ? "\(path) is not a regular file" : problem(info, path: path)
        if let why {
            close(descriptor)
            return .failure(.untrusted(why))
        }
        return .success(descriptor)
    }

    private static func openProblem(_ error: Int32) -> SnapshotProblem {
        error == ENOENT ? .missing : .unreadable(String(cString: strerror(error)))
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
