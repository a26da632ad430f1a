import Foundation

/// Runs `work` on its own thread and waits at most `seconds` for it: nil when it did not finish (a
/// hang becomes a test failure instead of a stuck test run). The thread is left behind if it hangs.
/// A plain thread, not a task: a blocked open() must not hold one of Swift Testing's few workers.
func withDeadline<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () -> T) -> T? {
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox<T>()
    let thread = Thread {
        box.set(work())
        done.signal()
    }
    thread.start()
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.value
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?
    func set(_ value: T) { lock.withLock { stored = value } }
    var value: T? { lock.withLock { stored } }
}
