/// Reusable memory for a hot loop that fills and empties it again and again (the index build's
/// per-document position grouping): plain pointer writes, where `Array` checks uniqueness and
/// capacity on every append. One owner; never shared between threads.
final class ScratchBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = Swift.max(1, capacity)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    /// Makes room for `count` elements; what was there is kept.
    @inline(__always)
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        grow(to: count)
    }

    /// Sets the first `count` elements to `value`, making room first.
    func fill(_ value: Element, count: Int) {
        reserve(count)
        base.update(repeating: value, count: count)
    }

    private func grow(to count: Int) {
        let larger = Swift.max(count, capacity * 2)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        moved.update(from: base, count: capacity)
        base.deallocate()
        base = moved
        capacity = larger
    }

    deinit { base.deallocate() }
}
