import Foundation

/// Reads one candidate file with plain POSIX calls, refusing anything that is not a regular file.
enum FileReader {
    enum Outcome {
        case bytes([UInt8])
        case skipped(SkipReason)
    }

    /// `path` is NUL-terminated bytes (see `CorpusScanner.Candidate.fullPath`). `expected`: the file
    /// the scan saw there, checked by `CorpusBoundary`; a path swapped since (say for a link out of
    /// the corpus) opens another file, which is then skipped unread.
    static func read(_ path: [CChar], maxSize: Int, expected: FileIdentity? = nil) -> Outcome {
        // O_NONBLOCK: if the path was swapped for a FIFO since the scan, open must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .skipped(errno == ELOOP ? .symlinkLoop : .unreadable) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .skipped(.unreadable) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .skipped(.notRegularFile) }
        if let expected, expected != FileIdentity(info) { return .skipped(.unreadable) }
        let size = Int(info.st_size)
        if size > maxSize { return .skipped(.tooLarge) }
        if size == 0 { return .skipped(.empty) }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        let failed = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while total < size {
                let count = Foundation.read(descriptor, buffer.baseAddress! + total, size - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                if count == 0 { break }  // the file shrank while we read it: keep what is there
                total += count
            }
            return false
        }
        if failed { return .skipped(.unreadable) }
        if total < size { bytes.removeSubrange(total...) }
        return .bytes(bytes)
    }
}
