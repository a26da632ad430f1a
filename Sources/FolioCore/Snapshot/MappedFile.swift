import Foundation

/// A whole file mapped read-only and shared: every process mapping the same snapshot reads the same
/// page-cache pages. Unmapped when the last column or article body referring to it goes away.
final class MappedFile: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int

    /// Maps the snapshot at `path`, if it is to be trusted (`SnapshotTrust`); otherwise, or when it
    /// cannot be opened or mapped, the reason.
    static func map(path: String) -> Result<MappedFile, SnapshotProblem> {
        let descriptor: Int32
        switch SnapshotTrust.openForReading(path) {
        case .failure(let problem): return .failure(problem)
        case .success(let opened): descriptor = opened
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        let size = Int(info.st_size)
        guard size >= SnapshotFormat.headerSize else { return .failure(.truncated) }
        guard let pointer = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), pointer != MAP_FAILED else {
            return .failure(.unreadable(String(cString: strerror(errno))))
        }
        return .success(MappedFile(base: UnsafeRawPointer(pointer), count: size))
    }

    private init(base: UnsafeRawPointer, count: Int) {
        self.base = base
        self.count = count
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// The bytes of one section (its bounds were checked against the file by `SnapshotHeader.decode`).
    func bytes(of entry: SnapshotFormat.TableEntry) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + entry.offset, count: entry.byteCount)
    }

    /// Drops the whole pages inside `region` (part of a mapped file) from this process's memory,
    /// without dropping them from the page cache.
    @Sendable static func release(_ region: UnsafeRawBufferPointer) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: region.baseAddress) + page - 1) / page * page
        let end = (Int(bitPattern: region.baseAddress) + region.count) / page * page
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_DONTNEED)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }
}
