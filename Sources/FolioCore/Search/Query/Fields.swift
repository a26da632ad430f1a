/// Parts of an article a query can name, one at a time (`title:word`, `date:2021`) or as the set a
/// term searches. The text fields are indexed, and a term matches in those of its `fields`; the
/// others are metadata that only filters read (`Query.Filter`). A new field (author, source) is a
/// case here, its name in `init(queryName:)`, and the place that reads it: the index build for a
/// text field, `Query.Filter.accepts` for a filter.
public struct Fields: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let title = Fields(rawValue: 1 << 0)
    public static let body = Fields(rawValue: 1 << 1)
    public static let date = Fields(rawValue: 1 << 2)
    /// Metadata read as words (`author:smith`, `source:tech`): a filter on the article's field,
    /// folded and tokenized like text (`Query.FieldFilter`).
    public static let author = Fields(rawValue: 1 << 3)
    public static let source = Fields(rawValue: 1 << 4)

    /// What a word searches when the query names no field.
    public static let text: Fields = [.title, .body]

    /// The field a query names by `name:`, any case; nil for a word that merely holds a colon.
    public init?(queryName: some StringProtocol) {
        switch queryName.lowercased() {
        case "title": self = .title
        case "date": self = .date
        case "author": self = .author
        case "source": self = .source
        default: return nil
        }
    }
}
