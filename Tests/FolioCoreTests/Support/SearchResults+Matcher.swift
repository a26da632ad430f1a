@testable import FolioCore

extension SearchResults {
    /// The embedded engine's matcher behind these results (what its highlights come from).
    var matcher: HitMatcher { highlighting as? HitMatcher ?? .empty }
}
