import Foundation

extension EmbeddedEngine {
    /// When exact matching finds fewer than this many articles, the typo tier adds its matches after them.
    static let fewResults = 5

    /// Searches the corpus; an empty or filter-only query lists every (filtered) article by `sort`.
    /// While the index is being built the query is answered by a scan of every article, which checks
    /// `isCancelled` as it goes and returns nil once a newer keystroke has made it pointless.
    public func search(_ query: Query, sort: ListOrder, isCancelled: () -> Bool) -> SearchResults? {
        // A snapshot's index still being checked behind the list is ready within a fraction of a
        // second: wait for it rather than scan.
        waitForCheckedIndex()
        guard let index = readyIndex else { return scanSearch(query, sort: sort, isCancelled: isCancelled) }
        let started = DispatchTime.now()
        if query.isEmpty {
            // Nothing to match or filter (`title:` typed, the word still to come): every article,
            // by date, which is the kept listing, not every article listed and picked again.
            return SearchResults(
                query: query, list: list(sort: sort), seconds: started.secondsSince, highlighting: HitMatcher.empty)
        }
        let evaluator = evaluator(of: index)
        // Each tier resolves its terms once; the highlights use the last tier's (what matched).
        var resolved = evaluator.resolve(query, typoTolerant: false)
        let exact = evaluator.evaluate(query, resolved: resolved)
        var fuzzy: [QueryEvaluator.Scored] = []
        if exact.count < Self.fewResults && !query.clauses.isEmpty && hasTypoEligibleWord(query) {
            resolved = evaluator.resolve(query, typoTolerant: true)
            let seen = Set(exact.map(\.document))
            fuzzy = evaluator.evaluate(query, resolved: resolved).filter { !seen.contains($0.document) }
        }
        var partial: (scored: [QueryEvaluator.Scored], marks: PartialMatches)? = nil
        if exact.count + fuzzy.count < Self.fewResults {
            let seen = Set(exact.map(\.document) + fuzzy.map(\.document))
            partial = PartialMatches.find(query, resolved: resolved, evaluator: evaluator, seen: seen)
        }
        let isEmpty = exact.isEmpty && fuzzy.isEmpty && partial == nil
        let effectiveSort: ListOrder = query.clauses.isEmpty && sort == .relevance ? .date : sort
        var results = SearchResults(
            query: query,
            list: orderedList(
                exact: consume exact, fuzzy: consume fuzzy, partial: partial?.scored ?? [], missing: partial?.marks,
                sort: effectiveSort),
            seconds: started.secondsSince, highlighting: HitMatcher(resolved: resolved, index: index))
        if isEmpty { results.corrections = corrections(of: query, evaluator: evaluator) }
        return results
    }

    /// For a query that found nothing: its words the index does not hold, each with its nearest
    /// indexed word, when the query so corrected finds something; empty otherwise.
    func corrections(of query: Query, evaluator: QueryEvaluator) -> [String: String] {
        let resolver = TermResolver(index: evaluator.index)
        var corrections: [String: String] = [:]
        var corrected = query
        for (clause, alternatives) in query.clauses.enumerated() {
            for (number, term) in alternatives.alternatives.enumerated() where !term.isPhrase {
                guard let nearest = nearestTerms.nearestTerm(to: term.tokens[0], isPrefix: term.isPrefix, resolver: resolver)
                else { continue }
                corrections[term.text] = String(decoding: nearest, as: UTF8.self)
                corrected.clauses[clause].alternatives[number] = Query.Term(tokens: [nearest], fields: term.fields)
            }
        }
        guard !corrections.isEmpty else { return [:] }
        return evaluator.evaluate(corrected, typoTolerant: false).isEmpty ? [:] : corrections
    }

    /// The evaluator of `index` over this engine's articles.
    func evaluator(of index: SearchIndex) -> QueryEvaluator {
        QueryEvaluator(index: index, articles: articles, scratchShelf: scratchShelf)
    }

    /// Every article in the given order (the list with no query), ordered as far as it is read.
    /// Made once per order and kept: clearing the query would otherwise list every article and pick
    /// its first rows again, on the UI thread.
    public func list(sort: ListOrder) -> ArticleList {
        let sort: ListOrder = sort == .relevance ? .date : sort
        if let kept = listings.withLock({ $0[sort] }) { return kept }
        // A snapshot saved the date order: read in place.
        let made =
            sort == .date && dateOrder != nil
            ? ArticleList(rows: SavedOrderRows(dateOrder!))
            : orderedList(
                exact: articles.indices.map { QueryEvaluator.Scored(document: Int32($0), score: 0) }, fuzzy: [], sort: sort)
        listings.withLock { $0[sort] = made }
        return made
    }

    /// The matches as a list with its first `OrderedMatches.firstOrdered` rows ordered: exact matches
    /// first, then the typo tier's, then the partial ones (`missing` says what each lacks); of a group
    /// of identical articles only one match is kept (`IdenticalCopies.fold`). Source order compares strings, not keys: ordered in full at once.
    /// Takes the arrays over (`consuming`): ordering in a copy of 100,000s of matches cost a copy.
    func orderedList(
        exact: consuming [QueryEvaluator.Scored], fuzzy: consuming [QueryEvaluator.Scored],
        partial: consuming [QueryEvaluator.Scored] = [], missing: PartialMatches? = nil, sort: ListOrder
    ) -> ArticleList {
        if !identicalCopies.isEmpty {
            // Each group of identical articles is one row (architecture.md §6).
            identicalCopies.fold(&exact, &fuzzy, &partial)
        }
        var orderedExact = exact.count
        var orderedFuzzy = fuzzy.count
        var orderedPartial = partial.count
        if sort == .source {
            order(&exact, by: sort)
            order(&fuzzy, by: sort)
            order(&partial, by: sort)
        } else {
            let first = OrderedMatches.firstOrdered
            orderedExact = ordering.orderFirst(Swift.min(first, exact.count), of: &exact, from: 0, by: sort)
            orderedFuzzy = ordering.orderFirst(
                Swift.max(0, Swift.min(first - exact.count, fuzzy.count)), of: &fuzzy, from: 0, by: sort)
            orderedPartial = ordering.orderFirst(
                Swift.max(0, Swift.min(first - exact.count - fuzzy.count, partial.count)), of: &partial, from: 0, by: sort)
        }
        return ArticleList(
            rows: OrderedMatches(
                exact: (exact, orderedExact), fuzzy: (fuzzy, orderedFuzzy), partial: (partial, orderedPartial),
                missing: missing, sort: sort, ordering: ordering))
    }

    private func hasTypoEligibleWord(_ query: Query) -> Bool {
        query.clauses.contains { clause in
            clause.alternatives.contains { term in
                !term.isPhrase && !term.isPrefix
                    && TermResolver.allowedTypos(for: term.tokens[0]) > 0
            }
        }
    }

    /// Relevance: score, then newest, then title, then id. Other orders ignore the score.
    func order(_ scored: inout [QueryEvaluator.Scored], by sort: ListOrder) {
        let dateKey = self.dateKey
        let titleRank = self.titleRank
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
                let a = Int(x.document)
                let b = Int(y.document)
                let order = source[x.document]!.localizedCaseInsensitiveCompare(source[y.document]!)
                return order == .orderedSame ? byDateThenTitle(a, b) : order == .orderedAscending
            }
        }
    }
}
