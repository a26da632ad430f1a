/// The open article's links as the link list shows them (newsboat's URL view): each address once,
/// in the order the article first gives it, and the one selected.
public struct LinkListState: Sendable, Equatable {
    public var urls: [String]
    public var selected = 0
    /// Digits typed so far ("1", then "2": link 12 when there are that many).
    public var typedNumber = ""

    public init(urls: [String]) {
        self.urls = urls
    }

    mutating func select(_ index: Int) {
        selected = max(0, min(index, urls.count - 1))
    }
}
