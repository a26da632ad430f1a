import FolioCore
import Foundation

/// Makes an engine ready (the embedded one builds its index, then its snapshot) on a thread of its
/// own, so the reader paints the list at once and stays responsive; the run loop polls `engine.state`.
enum IndexBuildThread {
    static func start(_ engine: any SearchEngine) {
        guard engine.state != .ready else { return }
        let thread = Thread { engine.prepare() }
        thread.name = "folio.index"
        thread.qualityOfService = .userInitiated
        thread.start()
    }
}
