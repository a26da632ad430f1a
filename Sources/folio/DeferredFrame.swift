import Dispatch

/// When the run loop draws. A key that starts a search is drawn together with the search's results
/// when they come within a frame's time, instead of once at once (the typed letter and
/// "searching…") and again with the results: on a large corpus that first drawing takes a large
/// share of the time and the cores the search itself needs. A slower search
/// (a scan while the index builds) shows the typed letter and "searching…" after that time.
struct DeferredFrame {
    /// One frame at 60 Hz: long enough for most searches, too short to see the letter wait.
    static let searchDeferral: UInt64 = 16_000_000

    /// When the screen changed during a search, the moment it must be drawn by.
    private var dueAt: UInt64?

    /// Whether to draw now: at once when the screen changed and no search runs (its results are
    /// in, or none was asked for); during a search, once its deferral is over.
    mutating func isDue(changed: Bool, isSearching: Bool, now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Bool {
        guard isSearching else {
            defer { dueAt = nil }
            return changed || dueAt != nil
        }
        if changed && dueAt == nil { dueAt = now + Self.searchDeferral }
        guard let due = dueAt, now >= due else { return false }
        dueAt = nil
        return true
    }
}
