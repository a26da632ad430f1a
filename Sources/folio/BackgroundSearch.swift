import Dispatch
import FolioCore
import Foundation
import Synchronization

/// Runs queries so typing never waits (Documentation/architecture.md §4): on the calling thread for a small corpus (a
/// query there is far below a frame), on a background queue for a large one, where a newer query
/// supersedes the older ones still waiting and stale results are dropped.
final class BackgroundSearch: Sendable {
    struct Finished: Sendable {
        var generation: Int
        var results: SearchResults
    }

    /// Below this many articles a query takes well under a millisecond: no thread needed.
    static let inlineLimit = 5_000

    private let engine: any SearchEngine
    private let queue = DispatchQueue(label: "folio.search", qos: .userInitiated)
    private let mailbox = Mailbox()

    /// The newest generation asked for and the last finished result, shared with the queue.
    private final class Mailbox: Sendable {
        let latestGeneration = Atomic<Int>(0)
        /// How many `settle`s are queued or running (a newer one may be queued behind an older).
        let settling = Atomic<Int>(0)
        let finished = Mutex<Finished?>(nil)
        /// Signalled when a result lands, so the run loop wakes at once instead of at its next poll.
        let arrived = DispatchSemaphore(value: 0)
    }

    init(engine: any SearchEngine) { self.engine = engine }

    /// Returns the results at once when it ran inline, nil when they will arrive via `takeFinished`.
    /// `firstRows`: the engine may answer with the count estimated (`SearchEngine.searchFirst`), to
    /// be counted by `settle` once the user pauses.
    func search(_ text: String, sort: ListOrder, generation: Int, firstRows: Bool) -> SearchResults? {
        mailbox.latestGeneration.store(generation, ordering: .releasing)
        // Inline only when ready: a scan (while the index builds) reads every article.
        // Never inline for an engine that may wait on the network (Documentation/architecture.md §9).
        if engine.searchesInProcess && engine.articleCount < Self.inlineLimit && engine.state == .ready {
            return engine.search(text, mode: .incremental, sort: sort)
        }
        queue.async { [engine, mailbox] in
            // Skip queries overtaken while they waited in the queue; a scan also stops midway.
            let isStale = { mailbox.latestGeneration.load(ordering: .acquiring) != generation }
            guard !isStale() else { return }
            let query = QueryParser.parse(text, mode: .incremental)
            let results =
                firstRows
                ? engine.searchFirst(query, sort: sort, isCancelled: isStale)
                : engine.search(query, sort: sort, isCancelled: isStale)
            guard let results, !isStale() else { return }
            mailbox.finished.withLock { $0 = Finished(generation: generation, results: results) }
            mailbox.arrived.signal()
        }
        return nil
    }

    /// Counts results whose count was estimated (`SearchEngine.settled`); they arrive via
    /// `takeFinished` under the same generation, unless a newer query came first.
    func settle(_ results: SearchResults, generation: Int) {
        mailbox.settling.add(1, ordering: .releasing)
        queue.async { [engine, mailbox] in
            // Cleared after the result is posted, so whoever sees it false finds the result.
            defer { mailbox.settling.subtract(1, ordering: .releasing) }
            let isStale = { mailbox.latestGeneration.load(ordering: .acquiring) != generation }
            guard !isStale(), let settled = engine.settled(results, isCancelled: isStale), !isStale() else { return }
            mailbox.finished.withLock { $0 = Finished(generation: generation, results: settled) }
            mailbox.arrived.signal()
        }
    }

    /// Waits until a result lands or `milliseconds` pass. The run loop waits here while a search
    /// runs (checking the keyboard between waits): woken the moment the result is in, where a
    /// 1 ms keyboard poll found it up to a few milliseconds late on a busy machine.
    func waitForFinished(milliseconds: Int) {
        _ = mailbox.arrived.wait(timeout: .now() + .milliseconds(milliseconds))
    }

    /// After the first paint: one search whose results are dropped (`SearchEngine.warmUp`), so
    /// the first keystroke finds the search path warm. Only where searches run on the queue, and
    /// not while an index builds; a keystroke typed meanwhile waits for it there (a few milliseconds
    /// once the list is up).
    func warmUp() {
        if case .indexing = engine.state { return }
        guard engine.articleCount >= Self.inlineLimit || !engine.searchesInProcess else { return }
        queue.async { [engine] in engine.warmUp() }
    }

    /// True from `settle` until its count has landed, or failed (the engine says why in `problem`).
    var isSettling: Bool { mailbox.settling.load(ordering: .acquiring) > 0 }

    func takeFinished() -> Finished? {
        mailbox.finished.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
