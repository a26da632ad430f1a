/// What the store remembers about one article: its read mark, its bookmark and where reading stopped.
public struct ArticleState: Sendable, Equatable {
    /// Whether the article has been read (opened, or marked with `m`).
    public var isRead: Bool
    /// Whether the user bookmarked the article.
    public var isBookmarked: Bool
    /// The UTF-8 offset in the article body of the top line on screen when reading stopped, if any.
    public var position: Int?

    /// A state; the defaults describe an article the store knows nothing about.
    public init(isRead: Bool = false, isBookmarked: Bool = false, position: Int? = nil) {
        self.isRead = isRead
        self.isBookmarked = isBookmarked
        self.position = position
    }

    /// The state of an article without any mark: unread, not bookmarked, no position.
    public static let unmarked = ArticleState()
}
