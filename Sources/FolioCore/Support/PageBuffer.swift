import Foundation

/// Bytes in pages of their own (an anonymous mapping) that can be handed back to the system a
/// range at a time while the rest is still read: the index build copies each chunk's postings into
/// the index and releases what it has copied, so the chunks and the index are never both whole in
/// memory (Documentation/architecture.md §7, build memory).
///
/// Written by one thread, then read by several, each releasing only pages inside the range it reads.
final class PageBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let count: Int
    private let mappedBytes: Int

    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    init(count: Int) {
        self.count = count
        mappedBytes = Swift.max(1, count)
        let mapped = mmap(nil, mappedBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        // Running out of address space is fatal here as it is for any other allocation.
        guard let mapped, mapped != MAP_FAILED else { fatalError("PageBuffer: cannot map \(count) bytes") }
        base = mapped.bindMemory(to: UInt8.self, capacity: mappedBytes)
    }

    /// Gives back the whole pages inside `range` (the partial pages at its ends stay): they read as
    /// zeros afterwards, so the caller must be done with them. Returns where the next release
    /// should start so that the partial page at the end is not skipped: the end of what it released,
    /// or `range.lowerBound` when that was nothing.
    @discardableResult
    func release(_ range: Range<Int>) -> Int {
        let page = Self.pageSize
        let start = (range.lowerBound + page - 1) / page * page
        let end = Swift.min(range.upperBound, count) / page * page
        guard end > start else { return range.lowerBound }
        madvise(UnsafeMutableRawPointer(base + start), end - start, MADV_DONTNEED)
        return end
    }

    deinit { munmap(UnsafeMutableRawPointer(base), mappedBytes) }
}
