import FolioCore
import Synchronization

/// The rows of a Xapian search, fetched a window at a time as the list is read (architecture.md
/// §9: ten million rows never come to the client). A window that cannot be fetched (its shard went
/// down) reads as unavailable rows, never a crash; the engine reports the shard.
final class XapianRows: ArticleRows {
    static let windowSize = 64

    let count: Int
    var exactCount: Int { count }
    /// While the matches are not counted yet (`SearchEngine.searchFirst`): how many there likely
    /// are; `count` is then the number known to exist.
    let estimatedCount: Int?
    let matches: XapianMatches
    /// Shared with the rows made from these once counted (`counted(_:)`): a window is fetched once.
    private let windows: Windows
    private let onFailure: @Sendable (XapianFailure) -> Void

    final class Windows: Sendable {
        let fetched = Mutex<[Int: [SearchMatch]]>([:])
    }

    init(
        matches: XapianMatches, count: Int, estimatedCount: Int? = nil, first: [SearchMatch],
        onFailure: @escaping @Sendable (XapianFailure) -> Void
    ) {
        self.matches = matches
        self.count = count
        self.estimatedCount = estimatedCount
        self.onFailure = onFailure
        windows = Windows()
        windows.fetched.withLock { $0[0] = first }
    }

    private init(_ rows: XapianRows, count: Int) {
        matches = rows.matches
        self.count = count
        estimatedCount = nil
        onFailure = rows.onFailure
        windows = rows.windows
    }

    /// The same rows, now that they are counted: `count` of them, the windows already fetched kept.
    func counted(_ count: Int) -> XapianRows { XapianRows(self, count: count) }

    var orderedCount: Int { windows.fetched.withLock { $0[0]?.count ?? 0 } }

    func match(at row: Int) -> SearchMatch {
        precondition(row >= 0 && row < count, "article list index out of range")
        let window = window(row / Self.windowSize)
        let offset = row % Self.windowSize
        return offset < window.count ? window[offset] : SearchMatch(article: -1, score: 0, isFuzzy: false)
    }

    func matches(in rows: Range<Int>) -> [SearchMatch] { rows.map(match(at:)) }

    func position(of article: Int) -> Int? {
        // Only the windows already fetched: looking further would fetch the whole list.
        windows.fetched.withLock { windows in
            for (index, window) in windows {
                if let offset = window.firstIndex(where: { $0.article == article }) {
                    return index * Self.windowSize + offset
                }
            }
            return nil
        }
    }

    /// A filter (`U`, `B`, `F`) reads the first `ArticleList.remoteFilterRows` rows, in one request:
    /// its test needs each row's article.
    func filtered(_ isIncluded: (Int) -> Bool) -> any ArticleRows {
        let read = Swift.min(count, ArticleList.remoteFilterRows)
        var rows: [SearchMatch] = []
        if read > 0 {
            do {
                rows = try matches.window(from: 0, count: read)
            } catch {
                onFailure(error)
            }
        }
        return KeptRows(rows.filter { isIncluded($0.article) })
    }

    private func window(_ index: Int) -> [SearchMatch] {
        if let kept = windows.fetched.withLock({ $0[index] }) { return kept }
        let fetched: [SearchMatch]
        do {
            fetched = try matches.window(from: index * Self.windowSize, count: Self.windowSize)
        } catch {
            onFailure(error)
            return []
        }
        windows.fetched.withLock { $0[index] = fetched }
        return fetched
    }
}

/// Rows already fetched, in order (a filtered list).
final class KeptRows: ArticleRows {
    private let rows: [SearchMatch]

    init(_ rows: [SearchMatch]) { self.rows = rows }

    var count: Int { rows.count }
    var exactCount: Int { rows.count }
    var orderedCount: Int { rows.count }
    func match(at row: Int) -> SearchMatch { rows[row] }
    func matches(in rows: Range<Int>) -> [SearchMatch] { Array(self.rows[rows]) }
    func position(of article: Int) -> Int? { rows.firstIndex { $0.article == article } }
    func filtered(_ isIncluded: (Int) -> Bool) -> any ArticleRows { KeptRows(rows.filter { isIncluded($0.article) }) }
}
