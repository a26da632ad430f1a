import Foundation

/// Hands the pages of freed heap memory back to the system (glibc's `malloc_trim`).
///
/// The index build frees tens of MiB of per-chunk columns and other temporaries, allocated on
/// worker threads; glibc keeps such memory in its per-thread arenas, where the gaps between live
/// blocks are never returned on their own, so resident memory would stay tens of MiB above the text
/// plus the index (called by `EmbeddedEngine.buildIndex`, once the build's temporaries are gone). Looked up at run time, as Swift does not import it.
enum FreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
    }()

    /// Returns freed heap pages to the system where the C library can (a no-op elsewhere).
    static func giveBack() { _ = trim?(0) }
}
