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
    var snippet: Snippet?

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
        self.snippet = snippet
    }

    /// "2021-10-25 · built-in · 512 words · 001.txt"
    var metadataLine: String {
        [date ?? "no date", source, "\(words) words", id].joined(separator: " · ")
    }
}
