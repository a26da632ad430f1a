import Foundation

/// One ranked match.
public struct SearchMatch: Sendable, Equatable {
    /// Position in `ArticleStore.articles`.
    public var article: Int
    public var score: Float
    /// Found only by the typo tier (ranked after every exact match).
    public var isFuzzy: Bool
}

/// Everything a front end needs from one search: the ranked matches (all of them, ordered as far as
/// they are read), and a matcher for snippets and highlights, which are computed only for the rows shown.
public struct SearchResults: Sendable {
    public var query: Query
    /// The matches in list order: exact ones first, then the typo tier's. Counting them is free;
    /// only the first rows are ordered when the search returns (`ArticleList`).
    public var list: ArticleList
    public var matcher: HitMatcher
    public var seconds: Double
    /// Answered by scanning the articles because the index was still being built (no typo tier).
    public var byScan = false

    public var isEmpty: Bool { list.isEmpty }

    /// Every match in order, as an array: orders all of them (a front end that shows a screen at a
    /// time reads `list` instead).
    public var matches: [SearchMatch] { list.allMatches() }
}

/// How the list is ordered when there is no query to rank by (or when the user asks).
public enum ListOrder: String, Sendable, CaseIterable, Codable {
    case relevance, date, title, source
}

extension ArticleStore {
    /// When exact matching finds fewer than this many articles, the typo tier adds its matches after them.
    public static let fewResults = 5

    /// Searches the corpus. An empty or filter-only query lists every (filtered) article by `sort`.
    public func search(_ text: String, mode: QueryParser.Mode = .complete, sort: ListOrder = .relevance) -> SearchResults {
        search(QueryParser.parse(text, mode: mode), sort: sort)
    }

    public func search(_ query: Query, sort: ListOrder = .relevance) -> SearchResults {
        // Not cancellable, so never nil.
        search(query, sort: sort, isCancelled: { false })!
    }

    /// The same, for a front end that may abandon it: while the index is being built the query is
    /// answered by a scan of every article, which checks `isCancelled` as it goes and returns nil
    /// once a newer keystroke has made it pointless.
    public func search(_ query: Query, sort: ListOrder = .relevance, isCancelled: () -> Bool) -> SearchResults? {
        // A snapshot's index still being checked behind the list is ready within a fraction of a
        // second (a third at a million articles): wait for it rather than scan.
        waitForCheckedIndex()
        guard readyIndex != nil else { return scanSearch(query, sort: sort, isCancelled: isCancelled) }
        let started = DispatchTime.now()
        let evaluator = self.evaluator
        if query.isEmpty {
            // Nothing to match or filter (`title:` typed, the word still to come): every article,
            // by date, which is the kept listing, not a million matches listed and picked again.
            return SearchResults(
                query: query, list: articleList(sort: sort), matcher: HitMatcher(resolved: [], index: index),
                seconds: started.secondsSince)
        }
        // Each tier resolves its terms once; the highlights use the last tier's (what matched).
        var resolved = evaluator.resolve(query, typoTolerant: false)
        let exact = evaluator.evaluate(query, resolved: resolved)
        var fuzzy: [QueryEvaluator.Scored] = []
        if exact.count < Self.fewResults && !query.clauses.isEmpty && hasTypoEligibleWord(query) {
            resolved = evaluator.resolve(query, typoTolerant: true)
            let seen = Set(exact.map(\.document))
            fuzzy = evaluator.evaluate(query, resolved: resolved).filter { !seen.contains($0.document) }
        }
        let effectiveSort: ListOrder = query.clauses.isEmpty && sort == .relevance ? .date : sort
        return SearchResults(
            query: query, list: list(exact: consume exact, fuzzy: consume fuzzy, sort: effectiveSort),
            matcher: HitMatcher(resolved: resolved, index: index), seconds: started.secondsSince)
    }

    /// Every article in the given order (the list with no query), ordered as far as it is read.
    /// Made once per order and kept: clearing the query at a million articles otherwise listed and
    /// picked the first rows of every article again on the UI thread.
    public func articleList(sort: ListOrder = .date) -> ArticleList {
        let sort: ListOrder = sort == .relevance ? .date : sort
        if let kept = listings.withLock({ $0[sort] }) { return kept }
        // A snapshot saved the date order whole: no ordering before the first paint.
        let made = sort == .date && dateOrder != nil ? ArticleList(ordered: dateOrder!.map { Int($0) }) : list(exact: articles.indices.map { QueryEvaluator.Scored(document: Int32($0), score: 0) }, fuzzy: [], sort: sort)
        listings.withLock { $0[sort] = made }
        return made
    }

    /// Every article, in the given order.
    public func listing(sort: ListOrder = .date) -> [Int] {
        articleList(sort: sort).allMatches().map(\.article)
    }

    /// The matches as a list with its first `ArticleList.firstOrdered` rows ordered: exact matches
    /// first, then the typo tier's. Source order compares strings, not keys: ordered in full at once.
    /// Takes the arrays over (`consuming`): ordering in a copy of 100,000s of matches cost a copy.
    func list(exact: consuming [QueryEvaluator.Scored], fuzzy: consuming [QueryEvaluator.Scored], sort: ListOrder) -> ArticleList {
        var orderedExact = exact.count, orderedFuzzy = fuzzy.count
        if sort == .source {
            order(&exact, by: sort)
            order(&fuzzy, by: sort)
        } else {
            let first = ArticleList.firstOrdered
            orderedExact = ordering.orderFirst(Swift.min(first, exact.count), of: &exact, from: 0, by: sort)
            orderedFuzzy = ordering.orderFirst(Swift.max(0, Swift.min(first - exact.count, fuzzy.count)), of: &fuzzy, from: 0, by: sort)
        }
        return ArticleList(exact: (exact, orderedExact), fuzzy: (fuzzy, orderedFuzzy), sort: sort, ordering: ordering)
    }

    /// Snippet for one match, computed on demand (only for rows on screen).
    public func snippet(for article: Int, in results: SearchResults, length: Int = 160) -> Snippet {
        results.matcher.snippet(of: articles[article].body, length: length)
    }

    /// Hit ranges of the results' query inside one article's title and body (UTF-8 byte offsets).
    public func hitRanges(for article: Int, in results: SearchResults) -> (title: [Range<Int>], body: [Range<Int>]) {
        (results.matcher.ranges(in: articles[article].title), results.matcher.ranges(in: articles[article].body))
    }

    private func hasTypoEligibleWord(_ query: Query) -> Bool {
        query.clauses.contains { clause in
            clause.alternatives.contains { term in
                !term.isPhrase && !term.isPrefix
                    && TermResolver.allowedTypos(forLetters: String(decoding: term.tokens[0], as: UTF8.self).unicodeScalars.count) > 0
            }
        }
    }

    /// Relevance: score, then newest, then title, then id. Other orders ignore the score.
    func order(_ scored: inout [QueryEvaluator.Scored], by sort: ListOrder) {
        let dateKey = self.dateKey, titleRank = self.titleRank
        func byDateThenTitle(_ a: Int, _ b: Int) -> Bool {
            if dateKey[a] != dateKey[b] { return dateKey[a] > dateKey[b] }
            return titleRank[a] < titleRank[b]
        }
        switch sort {
        case .relevance, .date, .title:
            ordering.order(&scored, by: sort)
        case .source:
            // Sources looked up once per match, not per comparison (a snapshot builds them on demand).
            var source: [Int32: String] = [:]
            for entry in scored { source[entry.document] = articles[Int(entry.document)].source }
            scored.sort { x, y in
                let a = Int(x.document), b = Int(y.document)
                let order = source[x.document]!.localizedCaseInsensitiveCompare(source[y.document]!)
                return order == .orderedSame ? byDateThenTitle(a, b) : order == .orderedAscending
            }
        }
    }

}

extension ArticleStore {
    /// The index's evaluator over this store's articles (waits for the index).
    var evaluator: QueryEvaluator { QueryEvaluator(index: index, articles: articles, scratchShelf: scratchShelf) }
}
