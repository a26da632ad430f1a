import Foundation
import Synchronization

/// Runs work across all cores and collects results in order. The one place FolioCore goes parallel,
/// so the unsafe part (threads writing disjoint slots of one buffer) is written and reviewed once.
enum Parallel {
    /// How many workers to use: every active core.
    static var workerCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `transform(i)` for every i in 0..<count, evaluated in parallel, returned in index order.
    static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = SlotBuffer(buffer)
            withoutActuallyEscaping(transform) { transform in
                let work = UncheckedBox(transform)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (slots.base + index).initialize(to: work.value(index))
                }
            }
            initialized = count
        }
    }

    /// `transform(&state, i)` for every i in 0..<count, returned in index order: one worker per core
    /// takes the next i as it finishes the last (so a worker slowed by other work on the machine
    /// takes fewer), and each keeps one `state` from `makeState` for all of its items: scratch
    /// memory reused from item to item instead of allocated for each.
    static func map<State, T>(_ count: Int, state makeState: () -> State, _ transform: (inout State, Int) -> T) -> [T] {
        let workers = min(count, workerCount)
        guard workers > 1 else {
            var state = makeState()
            return (0..<count).map { transform(&state, $0) }
        }
        let next = Atomic<Int>(0)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = SlotBuffer(buffer)
            withoutActuallyEscaping(makeState) { makeState in
                withoutActuallyEscaping(transform) { transform in
                    let work = UncheckedBox((makeState, transform))
                    DispatchQueue.concurrentPerform(iterations: workers) { _ in
                        var state = work.value.0()
                        while true {
                            let index = next.add(1, ordering: .relaxed).oldValue
                            guard index < count else { break }
                            (slots.base + index).initialize(to: work.value.1(&state, index))
                        }
                    }
                }
            }
            initialized = count
        }
    }

    /// `first()` and `second()` at once, on two threads (two independent steps of the index build).
    static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let work = UncheckedBox((first, second))
                var a: A?
                var b: B?
                withUnsafeMutablePointer(to: &a) { aSlot in
                    withUnsafeMutablePointer(to: &b) { bSlot in
                        let slots = UncheckedBox((aSlot, bSlot))
                        DispatchQueue.concurrentPerform(iterations: 2) { index in
                            if index == 0 {
                                slots.value.0.pointee = work.value.0()
                            } else {
                                slots.value.1.pointee = work.value.1()
                            }
                        }
                    }
                }
                return (a!, b!)
            }
        }
    }

    /// Splits 0..<count into `parts` contiguous ranges (the last ones may be empty when count is small).
    static func ranges(_ count: Int, parts: Int) -> [Range<Int>] {
        let parts = max(1, parts)
        return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
    }
}

/// A buffer whose disjoint slots are written by different threads; each index is written once.
private struct SlotBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { base = buffer.baseAddress! }
}

/// Carries a non-Sendable closure into `concurrentPerform`: the callers pass pure functions of the index.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
