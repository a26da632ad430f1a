/// A loaded corpus: its articles (text and metadata) in id order, where they came from and what
/// loading found. Never changes once made, and any thread may read it. The embedded engine indexes
/// and searches it; front ends read its articles through their engine (`SearchEngine.article`).
struct Corpus: Sendable {
    /// Articles in id order; engines number them by position.
    let articles: ArticleTable
    /// Where the corpus came from, for display ("Data", "/srv/news").
    let name: String
    /// What loading found, `articleCount` included.
    let report: LoadReport
    /// Look-up by id: binary search when the articles are in id order (always, from a loader or a
    /// snapshot), else a table.
    private let positionByID: [String: Int]?

    init(articles: [Article], name: String, report: LoadReport) {
        self.articles = ArticleTable(articles)
        self.name = name
        var report = report
        report.articleCount = articles.count
        self.report = report
        let sorted = ByteOrder.isIncreasing(articles, by: \.id)
        positionByID =
            sorted ? nil : Dictionary(articles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A snapshot's articles, in id order as it saved them.
    init(snapshot articles: SnapshotArticles, name: String, report: LoadReport) {
        self.articles = ArticleTable(articles)
        self.name = name
        var report = report
        report.articleCount = articles.count
        self.report = report
        positionByID = nil
    }

    var count: Int { articles.count }

    /// The position of the article with this id (its path relative to the corpus root).
    func position(ofID id: String) -> Int? {
        if let positionByID { return positionByID[id] }
        var low = 0
        var high = articles.count
        let key = Array(id.utf8)
        while low < high {
            let middle = (low + high) / 2
            if articles.id(at: middle).utf8.lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low < articles.count && articles.id(at: low) == id ? low : nil
    }
}
