import FolioCore
import Foundation

extension XapianEngine: SearchEngine {
    public func article(at number: Int) -> Article { fetch(number) }
    public func id(at number: Int) -> String { fetch(number).id }

    public func number(ofID id: String) -> Int? {
        do {
            return try reader.number(ofID: id)
        } catch {
            report(error)
            return nil
        }
    }

    /// Kept per order: the reader asks for it on its UI thread whenever the query is cleared, and
    /// only the first time should wait for the servers (the windows read later are fetched then).
    public func list(sort: ListOrder) -> ArticleList {
        let sort: ListOrder = sort == .relevance ? .date : sort
        if let kept = listings.withLock({ $0[sort] }) { return kept }
        let list = search(Query(), sort: sort, isCancelled: { false })?.list ?? ArticleList(ordered: [])
        if problem == nil { listings.withLock { $0[sort] = list } }
        return list
    }

    /// Runs on the reader's search queue (never inline: `searchesInProcess` is false). A failure
    /// checks every shard again and runs the query once more on those that answer; when none does,
    /// the list is empty and `problem` says why.
    public func search(_ query: Query, sort: ListOrder, isCancelled: () -> Bool) -> SearchResults? {
        search(query, sort: sort, estimating: false, isCancelled: isCancelled)
    }

    /// The first window with the count estimated: Xapian stops scoring once the window's rows are
    /// certain (a common word over a million articles: a third of the time of counting them all).
    public func searchFirst(_ query: Query, sort: ListOrder, isCancelled: () -> Bool) -> SearchResults? {
        search(query, sort: sort, estimating: true, isCancelled: isCancelled)
    }

    /// Counts the matches the estimate stood for (scoring every one) and gives the same rows with
    /// that count; on a failure the engine reports it and the estimate stays.
    public func settled(_ results: SearchResults, isCancelled: () -> Bool) -> SearchResults? {
        guard let rows = results.list.rows as? XapianRows, rows.estimatedCount != nil, !isCancelled() else { return nil }
        let started = DispatchTime.now()
        do {
            let count = try rows.matches.count()
            var settled = results
            settled.list = ArticleList(rows: rows.counted(max(count, rows.count)))
            settled.seconds += Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            return settled
        } catch {
            report(error)
            return nil
        }
    }

    private func search(_ query: Query, sort: ListOrder, estimating: Bool, isCancelled: () -> Bool) -> SearchResults? {
        let started = DispatchTime.now()
        retryShardsIfDue()
        guard !isCancelled() else { return nil }
        var list: ArticleList
        do {
            list = try run(query, sort: sort, estimating: estimating)
        } catch {
            try? reader.reopen()
            noteShards()
            listings.withLock { $0.removeAll() }
            guard !isCancelled() else { return nil }
            do {
                list = try run(query, sort: sort, estimating: estimating)
            } catch {
                setProblem("xapian: \(error.description)")
                list = ArticleList(ordered: [])
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return SearchResults(query: query, list: list, seconds: seconds, highlighting: query)
    }

    private func run(_ query: Query, sort: ListOrder, estimating: Bool) throws(XapianFailure) -> ArticleList {
        let matches = try reader.enquire(query, sort: sort)
        let first = try matches.window(from: 0, count: XapianRows.windowSize, estimating: estimating)
        var count: Int
        var estimated: Int? = nil
        if estimating {
            let estimate = try matches.estimate()
            count = max(estimate.lower, first.count)
            if !estimate.isExact { estimated = max(estimate.likely, count) }
        } else {
            count = try matches.count()
        }
        // The first screen's articles come with the results, on this (the search) thread.
        for match in first.prefix(Self.prefetchedRows) { _ = fetch(match.article) }
        let rows = XapianRows(matches: matches, count: count, estimatedCount: estimated, first: first) { [weak self] in
            self?.report($0)
        }
        return ArticleList(rows: rows)
    }

    public func rowHits(of articles: [Int], in results: SearchResults, snippetLength: Int) -> [RowHits] {
        let shown = articles.map(fetch)
        let hits = TextHits(query: results.highlighting as? Query ?? Query(), in: shown)
        return shown.map { article in
            RowHits(title: hits.ranges(in: article.title), snippet: hits.snippet(of: article.body, length: snippetLength))
        }
    }

    public func hits(of article: Int, in results: SearchResults) -> ArticleHits {
        guard let query = results.highlighting as? Query, !query.clauses.isEmpty else { return .none }
        let open = fetch(article)
        let hits = TextHits(query: query, in: [open])
        return ArticleHits(title: hits.ranges(in: open.title), body: hits.ranges(in: open.body))
    }

    public var state: EngineState { .ready }

    public func prepare() {}

    /// Connects and reads what a first key's search reads, as the reader's first rows do: counting
    /// every match of "the…" would keep that key waiting behind it.
    public func warmUp() {
        _ = searchFirst(QueryParser.parse("the", mode: .incremental), sort: .relevance, isCancelled: { false })
    }

    public var report: LoadReport {
        var report = LoadReport()
        report.articleCount = documentCount
        return report
    }

    public var statistics: EngineStatistics {
        let shards = self.shards
        let down = shards.filter { $0.problem != nil }.count
        let storage =
            "xapian \(path), \(shards.count) shard\(shards.count == 1 ? "" : "s")"
            + (down > 0 ? ", \(down) unavailable" : "")
        return EngineStatistics(
            termCount: termCount, indexBytes: Self.folderBytes(of: shards.map(\.name), near: path), storage: storage)
    }

    public var isDamaged: Bool { false }

    public var notice: String? { problem }

    public var searchesInProcess: Bool { false }

    /// Bytes of the local shards' folders (remote ones are not counted).
    static func folderBytes(of shards: [String], near path: String) -> Int {
        let base = path.hasSuffix(stubName) ? (path as NSString).deletingLastPathComponent : nil
        var total = 0
        for shard in shards {
            let folder = shard.hasPrefix("/") || base == nil ? shard : (base! as NSString).appendingPathComponent(shard)
            guard let files = FileManager.default.enumerator(atPath: folder) else { continue }
            for case let file as String in files {
                let attributes = try? FileManager.default.attributesOfItem(
                    atPath: (folder as NSString).appendingPathComponent(file))
                total += (attributes?[.size] as? Int) ?? 0
            }
        }
        return total
    }
}
