/// Memory for the index build's per-token loops, grown now and then: the pointer lives in the value
/// itself, so reading it retains nothing. A class holding the pointer (`ScratchBuffer`) cost a
/// retain and a release on every access from the tokenizing loop: the term table's look-up ran
/// about 1.8 times slower that way (`/tmp` experiment on 10,000 articles of the 100k corpus).
///
/// The memory belongs to `Memory`, freed with the last copy of the value; copies share it, so only
/// one copy may grow it (the others' `base` would then dangle). One owner, one thread.
struct GrowableBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    private let memory: Memory
    private let alignment: Int

    /// `alignment` 64 keeps records of 64 bytes each inside one cache line.
    init(capacity: Int = 1024, alignment: Int = MemoryLayout<Element>.alignment) {
        self.capacity = Swift.max(1, capacity)
        self.alignment = Swift.max(alignment, MemoryLayout<Element>.alignment)
        base = Self.allocate(self.capacity, alignment: self.alignment)
        memory = Memory(base)
    }

    /// Makes room for `count` elements; what was there is kept.
    @inline(__always)
    mutating func reserve(_ count: Int) {
        if count > capacity { grow(to: count) }
    }

    /// Sets the first `count` elements to `value`, making room first.
    mutating func fill(_ value: Element, count: Int) {
        reserve(count)
        base.update(repeating: value, count: count)
    }

    @inline(never)
    private mutating func grow(to count: Int) {
        let larger = Swift.max(count, capacity * 2)
        let moved = Self.allocate(larger, alignment: alignment)
        moved.update(from: base, count: capacity)
        memory.replace(with: moved)
        base = moved
        capacity = larger
    }

    private static func allocate(_ count: Int, alignment: Int) -> UnsafeMutablePointer<Element> {
        UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Element>.stride, alignment: alignment)
            .bindMemory(to: Element.self, capacity: count)
    }

    /// Frees the current memory when the last copy of the buffer goes.
    private final class Memory {
        private var pointer: UnsafeMutablePointer<Element>

        init(_ pointer: UnsafeMutablePointer<Element>) { self.pointer = pointer }

        func replace(with moved: UnsafeMutablePointer<Element>) {
            pointer.deallocate()
            pointer = moved
        }

        deinit { pointer.deallocate() }
    }
}
