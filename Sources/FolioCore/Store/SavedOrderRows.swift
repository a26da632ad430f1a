/// Every article in an order a snapshot saved (newest first), read in place from the mapping:
/// the list with no query costs neither a copy nor an ordering before the first paint.
final class SavedOrderRows: ArticleRows {
    private let documents: Column<Int32>

    init(_ documents: Column<Int32>) { self.documents = documents }

    var count: Int { documents.count }
    var exactCount: Int { documents.count }
    var orderedCount: Int { documents.count }

    func match(at row: Int) -> SearchMatch { SearchMatch(article: Int(documents[row]), score: 0, isFuzzy: false) }

    func matches(in rows: Range<Int>) -> [SearchMatch] { rows.map(match(at:)) }

    func position(of article: Int) -> Int? { documents.firstIndex(of: Int32(truncatingIfNeeded: article)) }

    func filtered(_ isIncluded: (Int) -> Bool) -> any ArticleRows {
        let kept = documents.compactMap { isIncluded(Int($0)) ? Int($0) : nil }
        return FixedRows(kept, exactCount: kept.count)
    }
}
