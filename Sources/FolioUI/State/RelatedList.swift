import FolioCore

/// The list showing the articles most like one article ("more like this", `SearchEngine.related`),
/// or an article's identical copies (`SearchEngine.copies`), with the list it replaced, which Esc or
/// the same key brings back as it was.
public struct RelatedList: Sendable {
    public enum Kind: Sendable {
        /// Articles like it, ranked by the engine (`L`).
        case related
        /// The article and its identical copies, in id order (`D`).
        case copies
    }

    public var kind: Kind = .related
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
