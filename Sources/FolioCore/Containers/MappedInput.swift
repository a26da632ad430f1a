import Foundation

/// A container file mapped read-only for the time it is split and parsed: its text is read in
/// place (page cache), never copied whole into the heap (architecture.md §5).
final class MappedInput {
    let bytes: UnsafeBufferPointer<UInt8>

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The whole file open as `descriptor`; nil when it cannot be mapped (or is empty).
    static func map(descriptor: Int32) -> MappedInput? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), pointer != MAP_FAILED else { return nil }
        _ = madvise(pointer, size, MADV_SEQUENTIAL)
        return MappedInput(bytes: UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: size))
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}
