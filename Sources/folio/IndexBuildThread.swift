import FolioCore
import Foundation

/// Builds a store's index (and then its snapshot) on a thread of its own, so the reader paints
/// the list at once and stays responsive; the run loop polls `store.indexingProgress`.
enum IndexBuildThread {
    static func start(_ store: ArticleStore) {
        guard store.readyIndex == nil else { return }
        let thread = Thread { store.buildIndexAndSaveSnapshot() }
        thread.name = "folio.index"
        thread.qualityOfService = .userInitiated
        thread.start()
    }
}
