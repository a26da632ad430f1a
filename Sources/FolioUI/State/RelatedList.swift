import FolioCore

/// The list showing the articles most like one article ("more like this", `SearchEngine.related`),
/// with the list it replaced, which Esc or the same key brings back as it was.
public struct RelatedList: Sendable {
    /// The article the others are like (a position in `engine`).
    public var article: Int
    public var title: String
    var editor: QueryEditor
    var results: SearchResults?
    var rows: ArticleList
    var selected: Int
    var listOffset: Int
    var focus: Focus

    /// At most this many related articles are listed.
    public static let limit = 100
}
