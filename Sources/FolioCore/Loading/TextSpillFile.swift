import Foundation
import Synchronization

/// Where the bodies of a corpus read from files are kept while the reader runs: a deleted file in
/// the cache folder (without one, in a temporary folder: `CorpusOpener.spillFolders`), written
/// with `pwrite` as each file is parsed and mapped read-only and shared.
///
/// Kept as Strings, the bodies would stay in the heap for the whole session; here they are
/// page-cache pages the kernel writes back and may drop, which this process maps only while it
/// reads them: the index build drops each chunk's pages once indexed, the snapshot writer each batch
/// once written (`ArticleTable.releaseText`). Writing costs no resident memory at all (`pwrite`
/// goes to the page cache, not through the mapping). The file has no name from the moment it is
/// made, so nothing is left behind whatever happens to the process.
final class TextSpillFile: FileBackedMemory, @unchecked Sendable {
    /// Each segment is mapped once at its full size, so a body's address never changes.
    static let standardSegmentBytes = 64 << 20
    private let segmentBytes: Int

    private struct Segment {
        var base: UnsafeMutableRawPointer
        var size: Int
        /// Where the segment starts in the file.
        var fileOffset: Int
    }

    private struct State {
        var segments: [Segment] = []
        /// Bytes handed out in the last segment.
        var used = 0
        var fileLength = 0
        /// Set once a write or a mapping failed: later bodies stay Strings.
        var failed = false
    }

    private let descriptor: Int32
    private let state = Mutex(State())

    private init(descriptor: Int32, segmentBytes: Int) {
        self.descriptor = descriptor
        self.segmentBytes = segmentBytes
    }

    /// A spill file in `folder`, or nil (the caller keeps bodies as Strings) when one cannot be made
    /// there, or when the folder is in memory (tmpfs): a spill there would hold the same memory as
    /// the Strings while hiding it from this process's resident size.
    static func create(in folder: String, segmentBytes: Int = standardSegmentBytes) -> TextSpillFile? {
        let type = MountTable.fileSystemType(of: CorpusOpener.realPath(folder))
        guard type != "tmpfs", type != "ramfs" else { return nil }
        // O_TMPFILE (Linux 3.11; Swift does not import the macro): a file with no name at all.
        let temporaryFile: Int32 = 0o2020_0000
        var descriptor = open(folder, temporaryFile | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            // File systems without O_TMPFILE: a named file, unlinked at once.
            var template = Array((folder + "/.folio-text-XXXXXX").utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { return nil }
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        return TextSpillFile(descriptor: descriptor, segmentBytes: segmentBytes)
    }

    /// Copies `bytes` into the file and returns where they can be read, or nil when the disk is full
    /// or the file cannot grow (the caller keeps its String). Any thread may call it.
    func store(_ bytes: UnsafeRawBufferPointer) -> UnsafePointer<UInt8>? {
        guard !bytes.isEmpty else { return nil }
        guard let (address, fileOffset) = reserve(bytes.count) else { return nil }
        var done = 0
        while done < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(fileOffset + done))
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                state.withLock { $0.failed = true }
                return nil
            }
            done += written
        }
        return UnsafePointer(address.assumingMemoryBound(to: UInt8.self))
    }

    /// Room for `count` bytes: its address in a mapped segment and its offset in the file.
    private func reserve(_ count: Int) -> (UnsafeMutableRawPointer, Int)? {
        state.withLock { state -> (UnsafeMutableRawPointer, Int)? in
            guard !state.failed else { return nil }
            if let last = state.segments.last, state.used + count <= last.size {
                defer { state.used += count }
                return (last.base + state.used, last.fileOffset + state.used)
            }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let size = (Swift.max(segmentBytes, count) + page - 1) / page * page
            let offset = state.fileLength
            guard ftruncate(descriptor, off_t(offset + size)) == 0,
                let mapped = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, off_t(offset)), mapped != MAP_FAILED
            else {
                state.failed = true
                return nil
            }
            state.segments.append(Segment(base: mapped, size: size, fileOffset: offset))
            state.fileLength = offset + size
            state.used = count
            return (mapped, offset)
        }
    }

    /// Bytes handed out so far (the last segment's unused room not counted).
    var byteCount: Int {
        state.withLock { state in
            state.segments.isEmpty ? 0 : state.segments.dropLast().reduce(0) { $0 + $1.size } + state.used
        }
    }

    deinit {
        state.withLock { state in
            for segment in state.segments { munmap(segment.base, segment.size) }
        }
        close(descriptor)
    }
}
