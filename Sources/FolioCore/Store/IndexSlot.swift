import Foundation
import Synchronization

/// Where a store's index arrives: set once, by whichever thread builds it, read by every searcher.
/// Readers never wait unless they ask to (`waitForIndex`); searches check `ready` and scan meanwhile.
final class IndexSlot: Sendable {
    private struct Built: Sendable {
        var index: SearchIndex
        var seconds: Double
    }

    private let built = Mutex<Built?>(nil)
    private let claimed = Atomic<Bool>(false)
    /// Progress in millionths, so it fits an atomic integer.
    private let progressMillionths = Atomic<Int>(0)
    private let arrived = DispatchSemaphore(value: 0)
    /// Set while a snapshot's remaining check stands in for the build (`EmbeddedEngine.buildIndex`).
    private let checking = Atomic<Bool>(false)
    private let checkEnded = DispatchSemaphore(value: 0)
    /// Signalled when the index is published and when a check ends, whichever comes first.
    private let indexOrCheckEnd = DispatchSemaphore(value: 0)

    init() {}

    /// An empty slot whose index will come from a snapshot once the rest of it is checked.
    init(checking: Bool) {
        self.checking.store(checking, ordering: .relaxed)
    }

    var isChecking: Bool { checking.load(ordering: .acquiring) }

    /// The check is over (the index came before it, or a build from the articles follows).
    func endCheck() {
        guard checking.exchange(false, ordering: .acquiringAndReleasing) else { return }
        checkEnded.signal()
        indexOrCheckEnd.signal()
    }

    /// Blocks while a snapshot check runs (returns at once when there is none).
    func waitForCheck() {
        guard isChecking else { return }
        checkEnded.wait()
        checkEnded.signal()  // let any other waiter through too
    }

    /// Blocks while a snapshot check runs and the index has not come yet.
    func waitForIndexOrCheckEnd() {
        guard isChecking, ready == nil else { return }
        indexOrCheckEnd.wait()
        indexOrCheckEnd.signal()
    }

    init(ready index: SearchIndex) {
        built.withLock { $0 = Built(index: index, seconds: 0) }
        claimed.store(true, ordering: .relaxed)
        progressMillionths.store(1_000_000, ordering: .relaxed)
    }

    var ready: SearchIndex? { built.withLock { $0?.index } }

    var buildSeconds: Double { built.withLock { $0?.seconds ?? 0 } }

    var progress: Double { Double(progressMillionths.load(ordering: .relaxed)) / 1_000_000 }

    /// True for exactly one caller: the one that builds.
    func claimBuild() -> Bool {
        !claimed.exchange(true, ordering: .acquiringAndReleasing)
    }

    func setProgress(_ fraction: Double) {
        progressMillionths.store(Int(Swift.min(0.999, Swift.max(0, fraction)) * 1_000_000), ordering: .relaxed)
    }

    func publish(_ index: SearchIndex, seconds: Double) {
        built.withLock { $0 = Built(index: index, seconds: seconds) }
        progressMillionths.store(1_000_000, ordering: .relaxed)
        indexOrCheckEnd.signal()
        arrived.signal()
    }

    /// Blocks until the index is published (by this thread or another).
    func waitForIndex() -> SearchIndex {
        if let index = ready { return index }
        arrived.wait()
        arrived.signal()  // let any other waiter through too
        return ready!
    }
}
