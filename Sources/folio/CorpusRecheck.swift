import FolioCore
import FolioUI
import Foundation
import Synchronization

/// The reader painted from the folder's last snapshot without looking at the folder; this checks
/// the folder on a thread of its own (a stat per file) and, when it changed, reads and indexes it
/// again and hands the new store over. The run loop polls `take()`.
final class CorpusRecheck: Sendable {
    enum Outcome: Sendable {
        /// Still working: how far (nil while only the names are being checked).
        case working(CorpusReload?)
        /// The folder is what the snapshot describes: nothing to do.
        case unchanged
        /// The corpus as it is now, indexed (and saved as the next snapshot).
        case replaced(ArticleStore)
        case failed(String)
    }

    private let phase = Mutex<Phase>(Phase())

    private struct Phase {
        var reload: CorpusReload?
        /// The store being indexed, whose progress `take` reads.
        var indexing: ArticleStore?
        var ending: Outcome?
        var taken = false
    }

    /// Starts checking `path` against `store`'s snapshot.
    init(store: ArticleStore, path: String, opener: CorpusOpener) {
        let thread = Thread { [self] in check(store, path: path, opener: opener) }
        thread.name = "folio.recheck"
        thread.qualityOfService = .utility
        thread.start()
    }

    private func check(_ store: ArticleStore, path: String, opener: CorpusOpener) {
        // Below the reader's threads: at a million files the check stats for seconds, and a
        // keystroke's search must not wait behind it (Linux gives each thread its own nice value).
        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)  // 0: this thread, on Linux
        do {
            let fresh = try opener.reopenIfChanged(store, path: path, indexing: .inBackground) { [self] done, total in
                phase.withLock { $0.reload = .reading(done: done, total: total) }
            }
            guard let fresh else {
                phase.withLock { $0.ending = .unchanged }
                return
            }
            phase.withLock { $0.indexing = fresh }
            fresh.buildIndexAndSaveSnapshot()
            phase.withLock { $0.ending = .replaced(fresh) }
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
            if let store = phase.indexing { return .working(.indexing(store.indexingProgress)) }
            return .working(phase.reload)
        }
    }
}
