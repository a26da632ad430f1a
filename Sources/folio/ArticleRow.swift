import FolioCore

/// One article as the CLI prints it (list or search), independent of the output format.
struct ArticleRow: Encodable {
    var id: String
    var title: String
    var date: String?
    var source: String
    var author: String?
    var url: String?
    var words: Int
    var score: Float?
    var fuzzy: Bool?
    /// A partial match: the query's word it lacks (`SearchMatch.missing`).
    var missing: String?
    var snippet: Snippet?
    /// From the reading state (false when there is none).
    var read = false
    var bookmarked = false
    /// How many other articles have the same title and text (`SearchEngine.copies`).
    var copies = 0

    init(_ article: Article, match: SearchMatch? = nil, snippet: Snippet? = nil) {
        id = article.id
        title = article.title
        date = article.date?.description
        source = article.source
        author = article.author
        url = article.url
        words = article.wordCount
        score = match.map { ($0.score * 1000).rounded() / 1000 }
        fuzzy = match.map(\.isFuzzy)
        missing = match?.missing
        self.snippet = snippet
    }

    /// JSON rows always have the article fields, `null` when empty, so every row has the same shape
    /// (the synthesised encoding left out nil fields); search rows add score, fuzzy and snippet, and
    /// a partial match the word it lacks (`missing`).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(date, forKey: .date)
        try container.encode(source, forKey: .source)
        try container.encode(author, forKey: .author)
        try container.encode(url, forKey: .url)
        try container.encode(words, forKey: .words)
        try container.encode(read, forKey: .read)
        try container.encode(bookmarked, forKey: .bookmarked)
        try container.encode(copies, forKey: .copies)
        try container.encodeIfPresent(score, forKey: .score)
        try container.encodeIfPresent(fuzzy, forKey: .fuzzy)
        try container.encodeIfPresent(missing, forKey: .missing)
        try container.encodeIfPresent(snippet, forKey: .snippet)
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, date, source, author, url, words, read, bookmarked, copies, score, fuzzy, missing, snippet
    }

    /// "2021-10-25 · built-in · 512 words · 001.txt"
    var metadataLine: String {
        [date ?? "no date", source, "\(words) words", id].joined(separator: " · ")
    }
}
