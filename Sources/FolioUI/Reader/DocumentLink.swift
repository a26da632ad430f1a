/// A link in the open article: its checked address and the first line that shows it.
public struct DocumentLink: Sendable, Equatable {
    public var url: String
    /// The index in `ReaderDocument.lines` of the line where the link starts.
    public var line: Int

    public init(url: String, line: Int) {
        self.url = url
        self.line = line
    }
}
