/// One article of a corpus, parsed and normalised: safe to draw on a terminal as it is.
public struct Article: Sendable, Hashable, Identifiable {
    /// The path relative to the corpus root ("sport/199.txt"): stable, shown to users, accepted by `show`.
    public var id: String
    public var title: String
    /// The calendar day the article carries, if it gives one in a form `DateParser` reads.
    public var date: CalendarDate?
    /// Where it came from: the front matter's `source`, else the name of the containing folder.
    public var source: String
    public var author: String?
    public var url: String?
    /// The front matter's `tags` (or `keywords`), in order; empty when it gives none.
    public var tags: [String] = []
    /// The text after the title and headers, paragraphs separated by blank lines.
    public var body: String {
        get { text.string }
        set { text = ArticleText(newValue) }
    }
    /// Where the body lives: a String of its own, or bytes inside a mapped index snapshot (read in
    /// place, so the corpus text is not copied into every process that opens the snapshot).
    var text: ArticleText
    /// Words in the body: runs of letters and digits (a run of CJK text counts as one).
    public var wordCount: Int

    public init(
        id: String, title: String, date: CalendarDate? = nil, source: String, author: String? = nil,
        url: String? = nil, tags: [String] = [], body: String, wordCount: Int? = nil
    ) {
        self.init(
            id: id, title: title, date: date, source: source, author: author, url: url, text: ArticleText(body),
            wordCount: wordCount ?? WordCounter.count(body))
        self.tags = tags
    }

    /// An article whose body is already-normalised bytes in a snapshot.
    init(
        id: String, title: String, date: CalendarDate?, source: String, author: String?, url: String?, text: ArticleText,
        wordCount: Int
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.author = author
        self.url = url
        self.text = text
        self.wordCount = wordCount
    }

    /// The body's UTF-8 bytes without making a String (phrase checks read every candidate's body).
    public func withBodyUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { text.withUTF8(body) }

    /// Moves the body into `spill`, when it has room; else it stays a String of its own.
    mutating func moveText(into spill: TextSpillFile) {
        guard let stored = text.withUTF8({ spill.store(UnsafeRawBufferPointer($0)) }) else { return }
        text = ArticleText(mapped: stored, count: text.utf8Count, owner: spill)
    }

    /// Minutes to read at 230 words a minute (at least one).
    public var readingMinutes: Int { max(1, (wordCount + 115) / 230) }
}
