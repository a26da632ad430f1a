import FolioCore
import FolioUI
import Foundation
import Synchronization

/// Checks the corpus folder on a thread of its own (a stat per file) and, when it changed, reads and
/// indexes it again and hands the new engine over, with what changed article by article. It runs
/// after a reader painted from the folder's last snapshot without looking at the folder, on the
/// reload key and when the folder watch saw a change (Documentation/architecture.md §4). The run
/// loop polls `take()`.
final class CorpusRecheck: Sendable {
    enum Outcome: Sendable {
        /// Still working: how far (nil while only the names are being checked).
        case working(CorpusReload?)
        /// The folder is what the snapshot describes: nothing to do.
        case unchanged
        /// The corpus as it is now, indexed (and saved as the next snapshot).
        case replaced(any SearchEngine, CorpusChange)
        case failed(String)
    }

    private let phase = Mutex<Phase>(Phase())

    private struct Phase {
        var reload: CorpusReload?
        /// The engine being indexed, whose progress `take` reads.
        var indexing: (any SearchEngine)?
        var ending: Outcome?
        var taken = false
    }

    /// Starts checking `path` against the folder state `engine` was read in (its snapshot's, or the
    /// scan's it was read from); nil for an engine that is not read from a folder by `opener`.
    init?(engine: any SearchEngine, path: String, opener: CorpusOpener) {
        guard let engine = engine as? EmbeddedEngine else { return nil }
        let thread = Thread { [self] in check(engine, path: path, opener: opener) }
        thread.name = "folio.recheck"
        thread.qualityOfService = .utility
        thread.start()
    }

    private func check(_ engine: EmbeddedEngine, path: String, opener: CorpusOpener) {
        // Below the reader's threads: at a million files the check stats for seconds, and a
        // keystroke's search must not wait behind it (Linux gives each thread its own nice value).
        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)  // 0: this thread, on Linux
        do {
            let fresh = try opener.reopenIfChanged(engine, path: path, indexing: .inBackground) { [self] done, total in
                phase.withLock { $0.reload = .reading(done: done, total: total) }
            }
            guard let fresh else {
                phase.withLock { $0.ending = .unchanged }
                return
            }
            phase.withLock { $0.indexing = fresh }
            fresh.prepare()
            let change = CorpusChange.between(engine, fresh)
            phase.withLock { $0.ending = .replaced(fresh, change) }
        } catch {
            phase.withLock { $0.ending = .failed("cannot check the folder for changes: \(error)") }
        }
    }

    /// The current progress, or how it ended (reported once; nil afterwards).
    func take() -> Outcome? {
        phase.withLock { phase in
            guard !phase.taken else { return nil }
            if let ending = phase.ending {
                phase.taken = true
                return ending
            }
            if let engine = phase.indexing { return .working(.indexing(engine.state.progress ?? 1)) }
            return .working(phase.reload)
        }
    }
}
