import FolioCore

/// Matches read whole with their scores ("more like this": the article itself taken out of a
/// window), so a related list shows Xapian's BM25 scores as the embedded engine's shows its own.
final class XapianMatchRows: ArticleRows {
    private let rows: [SearchMatch]

    init(_ rows: [SearchMatch]) { self.rows = rows }

    var count: Int { rows.count }
    var exactCount: Int { rows.count }
    var orderedCount: Int { rows.count }

    func match(at row: Int) -> SearchMatch {
        precondition(row >= 0 && row < rows.count, "article list index out of range")
        return rows[row]
    }

    func matches(in range: Range<Int>) -> [SearchMatch] { Array(rows[range]) }

    func position(of article: Int) -> Int? { rows.firstIndex { $0.article == article } }

    func filtered(_ isIncluded: (Int) -> Bool) -> any ArticleRows { XapianMatchRows(rows.filter { isIncluded($0.article) }) }
}
