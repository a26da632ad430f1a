/// An immutable array of plain values that lives either in memory this process allocated or inside
/// a memory-mapped index snapshot (Documentation/architecture.md §8): the index reads both the same way, so a snapshot
/// is used in place — no copy, and every process reading it shares one copy in the page cache.
public struct Column<Element: BitwiseCopyable>: @unchecked Sendable, RandomAccessCollection {
    /// Never nil, even when empty, so hot loops need no optional checks.
    let base: UnsafePointer<Element>
    public let count: Int
    /// Keeps the memory alive: an `OwnedMemory` for a built column, the `MappedFile` for a snapshot.
    let owner: AnyObject

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inline(__always)
    public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "column index out of range")
        return base[position]
    }

    /// A copy of `array` in memory of its own.
    public init(_ array: [Element]) {
        self.init(count: array.count) { buffer in
            _ = array.withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
        }
    }

    /// Allocates `count` elements and lets `initializer` write every one of them.
    init(count: Int, initializer: (UnsafeMutableBufferPointer<Element>) -> Void) {
        let memory = OwnedMemory(
            byteCount: Swift.max(1, count) * MemoryLayout<Element>.stride, alignment: MemoryLayout<Element>.alignment)
        let typed = memory.pointer.bindMemory(to: Element.self, capacity: Swift.max(1, count))
        initializer(UnsafeMutableBufferPointer(start: typed, count: count))
        base = UnsafePointer(typed)
        self.count = count
        owner = memory
    }

    /// A view of memory owned by `owner` (a mapped snapshot); the caller checked bounds and alignment.
    init(base: UnsafeRawPointer, count: Int, owner: AnyObject) {
        self.base = base.assumingMemoryBound(to: Element.self)
        self.count = count
        self.owner = owner
    }

    @inline(__always)
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    /// The raw bytes, for writing a snapshot.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) {
            try body(UnsafeRawBufferPointer(start: UnsafeRawPointer(base), count: count * MemoryLayout<Element>.stride))
        }
    }

    var byteCount: Int { count * MemoryLayout<Element>.stride }
}

/// Heap memory with one owner, freed with it.
final class OwnedMemory: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer

    init(byteCount: Int, alignment: Int) {
        pointer = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: Swift.max(alignment, 8))
    }

    deinit { pointer.deallocate() }
}
