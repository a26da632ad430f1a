/// The rest of what front ends ask of the embedded engine (`SearchEngine`): its corpus's articles,
/// the hits of a search in the rows on screen and the open article, and its state.
extension EmbeddedEngine: SearchEngine {
    public var name: String { corpus.name }
    public var articleCount: Int { corpus.count }
    public func article(at number: Int) -> Article { articles[number] }
    public func id(at number: Int) -> String { articles.id(at: number) }
    public func number(ofID id: String) -> Int? { corpus.position(ofID: id) }
    public func copies(of number: Int) -> [Int] { identicalCopies.copies(of: number) }
    public var foldedCopyCount: Int { identicalCopies.foldedCount }

    public func rowHits(of articles: [Int], in results: SearchResults, snippetLength: Int) -> [RowHits] {
        let matcher = Self.matcher(of: results)
        return articles.map { number in
            let article = self.articles[number]
            return RowHits(
                title: matcher.ranges(in: article.title), snippet: matcher.snippet(of: article.body, length: snippetLength))
        }
    }

    public func hits(of article: Int, in results: SearchResults) -> ArticleHits {
        let matcher = Self.matcher(of: results)
        guard !matcher.isEmpty else { return .none }
        let article = articles[article]
        return ArticleHits(title: matcher.ranges(in: article.title), body: matcher.ranges(in: article.body))
    }

    /// The matcher a search of this engine left in its results; none for another engine's.
    private static func matcher(of results: SearchResults) -> HitMatcher {
        results.highlighting as? HitMatcher ?? .empty
    }

    public var state: EngineState {
        guard readyIndex == nil else { return .ready }
        return isCheckingSnapshot ? .checking(progress: indexingProgress) : .indexing(progress: indexingProgress)
    }

    public func prepare() { buildIndexAndSaveSnapshot() }

    /// What loading found, with the time the index took once it is built.
    public var report: LoadReport {
        var report = corpus.report
        report.indexSeconds = indexSlot.buildSeconds
        return report
    }

    public var statistics: EngineStatistics {
        let index = self.index
        return EngineStatistics(termCount: index.termCount, indexBytes: index.memoryBytes, storage: "\(snapshotStatus)")
    }

    public var isDamaged: Bool {
        if case .damaged = snapshotStatus { return true }
        return false
    }

    public var notice: String? { snapshotStatus.notice }
}
