import Testing

@testable import FolioCore

/// The index checks phrases on its token positions (`PositionalPhraseMatcher`); the scan checks them
/// on the text (`PhraseMatcher`). On the same index, with the same resolved ids, both must keep the
/// same documents with the same occurrence counts, so the scores are equal to the bit.
@Suite struct PositionalPhraseTests {
    static let small = GeneratedCorpus.store(seed: 5, count: 300)
    static let long = GeneratedCorpus.store(seed: 6, count: 60, longBodies: true)
    static let prefixHeavy = EmbeddedEngine(articles: GeneratedCorpus.prefixHeavyArticles(seed: 8, count: 3_000), name: "z")

    @Test(arguments: [1, 2])
    func randomPhrasesCountAsTheTextDoes(corpus: Int) {
        let store = [Self.small, Self.long][corpus - 1]
        var random = SplitMix64(seed: UInt64(100 + corpus))
        var matched = 0
        for _ in 0..<400 {
            let (text, mode) = Self.randomPhraseQuery(store, &random)
            if Self.comparePositionsWithText(store, text, mode) > 0 { matched += 1 }
        }
        // Phrases taken from the articles: most find something, so the comparisons are not of empty lists.
        #expect(matched >= 200, "only \(matched) of 400 phrase queries matched")
    }

    @Test func handWrittenPhrases() {
        let queries: [(String, QueryParser.Mode)] = [
            ("\"prime minister\"", .complete), ("\"prime m", .incremental), ("\"prime minister the", .incremental),
            ("\"the the\"", .complete), ("\"the the", .incremental), ("\"the the the\"", .complete), ("\"of the\"", .complete),
            ("\"the market\" -\"prime minister\"", .complete), ("ash -\"the market\"", .complete),
            ("title:\"the market\"", .complete),
            ("title:\"prime m", .incremental), ("\"café naïve\"", .complete), ("\"cafe naive\"", .complete),
            ("\"don't teigen's\"", .complete), ("\"dont teigen\"", .complete), ("\"e-mail\"", .complete), ("e-m", .incremental),
            ("\"東京都\"", .complete), ("\"中国人 日本\"", .complete), ("\"zürich москва\"", .complete),
            ("\"the market\" OR \"prime minister\"", .complete), ("\"the ashes", .incremental), ("\"the a", .incremental),
            ("\"a", .incremental), ("\"2021 3d\"", .complete), ("\"market market\"", .complete)
        ]
        for store in [Self.small, Self.long] {
            var matched = 0
            for (text, mode) in queries where Self.comparePositionsWithText(store, text, mode) > 0 { matched += 1 }
            #expect(matched >= 15, "only \(matched) of \(queries.count) matched")
        }
        for (text, mode) in queries { Self.comparePositionsWithText(Fixture.builtin, text, mode) }
        #expect(Self.comparePositionsWithText(Self.small, "\"the the\"", .complete) > 0)
        #expect(Self.comparePositionsWithText(Self.small, "\"prime m", .incremental) > 0)
    }

    /// The word being typed in a phrase takes what `TermResolver` resolved it to, and only the words
    /// that start with it: its stem group ("ashes" → "ash") is left out, as the text check leaves it,
    /// and so are the words the postings budget cut, which the text check now leaves out too.
    @Test func theTypedWordTakesTheResolvedWordsThatStartWithIt() throws {
        let store = EmbeddedEngine(
            articles: [
                Article(id: "ash", title: "one", source: "t", body: "the ash fell"),
                Article(id: "ashes", title: "two", source: "t", body: "the ashes fell")
            ], name: "ash")
        #expect(Fixture.ids(store, "\"the ashes", mode: .incremental) == ["ashes"])
        #expect(Self.comparePositionsWithText(store, "\"the ashes", .incremental) == 1)
        #expect(Self.comparePositionsWithText(store, "\"the ash", .incremental) == 2)

        let heavy = Self.prefixHeavy
        let kept = Set(TermResolver(index: heavy.index).prefixMatches(Array("z".utf8)))
        #expect(kept.count < heavy.index.terms.prefixRange(Array("z".utf8)).count, "the budget cuts")
        for text in ["\"the z", "\"z", "\"zab z", "title:\"z", "the -\"the z", "\"the za"] {
            Self.comparePositionsWithText(heavy, text, .incremental)
            ScanSearchTests.compare(heavy, text, .incremental)
        }
        // A word the budget cut does not complete the phrase, though such documents are candidates.
        let results = heavy.search(QueryParser.parse("\"the z", mode: .incremental))
        #expect(!results.matches.isEmpty)
        func words(_ ids: some Sequence<Int>) -> Set<String> {
            Set(ids.map { String(decoding: heavy.index.terms.term($0), as: UTF8.self) })
        }
        let keptWords = words(kept)
        let cutWords = words(heavy.index.terms.prefixRange(Array("z".utf8)).filter { !kept.contains($0) })
        var tokenizer = Tokenizer()
        func followersOfThe(_ article: Int) -> Set<String> {
            let tokens = tokenizer.tokens(of: heavy.articles[article].body).map { String(decoding: $0, as: UTF8.self) }
            return Set(zip(tokens, tokens.dropFirst()).filter { $0.0 == "the" }.map(\.1))
        }
        for match in results.matches { #expect(!followersOfThe(match.article).isDisjoint(with: keptWords)) }
        #expect(heavy.articles.indices.contains { !followersOfThe($0).isDisjoint(with: cutWords) })
    }

    /// Term frequencies saturate at 65,535; positions do not: a block says how long it is.
    @Test func positionsOfASaturatedTermAreAllThere() throws {
        let many = String(repeating: "spam ", count: 70_000)
        let store = EmbeddedEngine(
            articles: [
                Article(id: "body", title: "spam spam eggs", source: "t", body: many + "spam eggs"),
                Article(id: "title", title: many + "eggs", source: "t", body: "spam eggs spam"),
                Article(id: "few", title: "eggs", source: "t", body: "spam spam eggs and spam")
            ], name: "spam")
        for (text, mode) in [
            ("\"spam spam\"", QueryParser.Mode.complete), ("\"spam eggs\"", .complete), ("\"spam e", .incremental),
            ("title:\"spam spam\"", .complete), ("\"spam spam spam\"", .complete), ("eggs -\"spam spam spam\"", .complete)
        ] {
            #expect(Self.comparePositionsWithText(store, text, mode) > 0, "\(text)")
        }
        let term = try #require(QueryParser.parse("\"spam spam\"").clauses.first?.alternatives.first)
        let ids = TermResolver(index: store.index).resolve(term)
        let counts = try #require(
            PositionalPhraseMatcher(index: store.index, term: term, ids: ids)
                .weightedOccurrences(in: [0, 1, 2], isCancelled: { false }))
        #expect(counts == [BM25.titleWeight * 1 + 70_000, BM25.titleWeight * 69_999, 1])
    }

    @Test func blocksRoundTrip() {
        var random = SplitMix64(seed: 3)
        for round in 0..<400 {
            func positions(_ count: Int) -> [UInt32] {
                var value: UInt32 = 0
                return (0..<count).map { number in
                    // Long runs take small gaps, so positions stay in 32 bits.
                    let gap = [UInt32(1), 2, 130, 20_000, 3_000_000][Int(random.next() % (count > 100 ? 2 : 5))]
                    value += number == 0 ? gap - 1 : gap
                    return value
                }
            }
            // Now and then a field past the stored frequencies' 65,535, whose counts the block then holds.
            let saturated = round % 50 == 49
            let title = positions(saturated && round % 100 == 99 ? 70_000 : Int(random.next() % 4))
            let body = positions(saturated && round % 100 == 49 ? 66_000 : Int(random.next() % 40) + (title.isEmpty ? 1 : 0))
            let titleFrequency = UInt32(Swift.min(title.count, 0xFFFF))
            let bodyFrequency = UInt32(Swift.min(body.count, 0xFFFF))
            var bytes = [UInt8](repeating: 0xEE, count: 5 * (title.count + body.count) + 12)
            let size = title.withUnsafeBufferPointer { titleBuffer in
                body.withUnsafeBufferPointer { bodyBuffer in
                    bytes.withUnsafeMutableBufferPointer {
                        PositionBlock.write(title: titleBuffer, body: bodyBuffer, to: $0.baseAddress!)
                    }
                }
            }
            var keys: [UInt64] = []
            var titleKeys: [UInt64] = []
            var bodyKeys: [UInt64] = []
            bytes.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress!
                let end = PositionBlock.end(
                    ofBlockAt: 0, titleFrequency: titleFrequency, bodyFrequency: bodyFrequency, in: base, limit: buffer.count)
                #expect(end == size)
                PositionBlock.decode(
                    at: 0, titleFrequency: titleFrequency, bodyFrequency: bodyFrequency, in: base, limit: size, fields: .text,
                    into: &keys)
                PositionBlock.decode(
                    at: 0, titleFrequency: titleFrequency, bodyFrequency: bodyFrequency, in: base, limit: size, fields: .title,
                    into: &titleKeys)
                PositionBlock.decode(
                    at: 0, titleFrequency: titleFrequency, bodyFrequency: bodyFrequency, in: base, limit: size, fields: .body,
                    into: &bodyKeys)
            }
            #expect(keys == title.map(UInt64.init) + body.map { PositionBlock.bodyKeyBase + UInt64($0) })
            #expect(titleKeys == title.map(UInt64.init))
            #expect(bodyKeys == body.map { PositionBlock.bodyKeyBase + UInt64($0) })
        }
    }

    /// Bytes that do not fit the stored frequencies (damage under a valid checksum) never take a
    /// reader past its term's blocks.
    @Test func readersStayInsideTheirLimit() {
        let bytes: [UInt8] = [0x85, 0x81, 0x82, 0x03, 0x04, 0x85, 0x86, 0x87]
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            for limit in 0...4 {
                for (title, body) in [(UInt32(0), UInt32(9)), (3, 3), (0xFFFF, 2), (1, 0xFFFF), (0xFFFF, 0xFFFF)] {
                    #expect(
                        PositionBlock.end(ofBlockAt: 0, titleFrequency: title, bodyFrequency: body, in: base, limit: limit)
                            <= limit)
                    for fields in [Fields.text, .title, .body] {
                        var reader = PositionBlock.Reader(
                            at: 0, titleFrequency: title, bodyFrequency: body, in: base, limit: limit, fields: fields)
                        var read = 0
                        while reader.next() != nil { read += 1 }
                        #expect(read <= limit)
                    }
                }
            }
        }
    }

    @Test func cancellationAbandonsThePositionalCheck() throws {
        let store = Self.small
        let query = QueryParser.parse("\"the market\"")
        let resolved = store.evaluator(of: store.index).resolve(query, typoTolerant: false)
        let scorer = ClauseScorer(postings: store.index, articles: store.articles)
        var tokenizer = Tokenizer()
        var scratch = SearchScratch(count: store.articles.count)
        #expect(scorer.score(resolved, tokenizer: &tokenizer, scratch: &scratch, isCancelled: { true }) == nil)
        // Abandoned midway, the search still leaves its scratch all zeros for the next one.
        #expect(scratch.isClear)
        let finished = try #require(scorer.score(resolved, tokenizer: &tokenizer, scratch: &scratch, isCancelled: { false }))
        #expect(!finished.isEmpty && scratch.isClear)
    }

    // MARK: Helpers

    /// The index without its positions: phrases checked on the text, as the scan checks them.
    struct TextCheckedIndex: PostingsSource {
        let index: SearchIndex
        var documentCount: Int { index.documentCount }
        func documentFrequency(of id: Int) -> Int { index.documentFrequency(of: id) }
        func lengthNorm(of document: Int) -> Float { index.lengthNorm(of: document) }
        func forEachPosting(of id: Int, _ body: (Int, UInt32, UInt32) -> Void) { index.forEachPosting(of: id, body) }
        func term(_ id: Int) -> [UInt8] { index.term(id) }
        var positionalIndex: SearchIndex? { nil }
    }

    /// `QueryEvaluator.evaluate` (exact tier) on any postings source.
    static func evaluate<Source: PostingsSource>(_ query: Query, store: EmbeddedEngine, source: Source) -> [QueryEvaluator.Scored]
    {
        let resolved = store.evaluator(of: store.index).resolve(query, typoTolerant: false)
        let scorer = ClauseScorer(postings: source, articles: store.articles)
        var tokenizer = Tokenizer()
        var scratch = SearchScratch(count: store.articles.count)
        var scored =
            query.clauses.isEmpty
            ? (0..<store.articles.count).map { QueryEvaluator.Scored(document: Int32($0), score: 0) }
            : scorer.score(resolved, tokenizer: &tokenizer, scratch: &scratch, isCancelled: { false })!
        Query.Filter.apply(query.filters, to: &scored, articles: store.articles)
        if !query.exclusions.isEmpty {
            let resolver = TermResolver(index: store.index)
            let exclusions = query.exclusions.map { (term: $0, ids: resolver.resolve($0)) }
            #expect(
                scorer.removeExcluded(exclusions, from: &scored, tokenizer: &tokenizer, scratch: &scratch, isCancelled: { false })
            )
        }
        return scored
    }

    /// Runs `text` with phrases checked on positions and on the text; expects the same documents with
    /// equal scores (to the bit) in the same order. Returns the match count.
    @discardableResult
    static func comparePositionsWithText(
        _ store: EmbeddedEngine, _ text: String, _ mode: QueryParser.Mode, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int {
        let query = QueryParser.parse(text, mode: mode)
        var positional = evaluate(query, store: store, source: store.index)
        var textual = evaluate(query, store: store, source: TextCheckedIndex(index: store.index))
        let label = "\(text.debugDescription) (\(mode))"
        let positionalScores = Dictionary(uniqueKeysWithValues: positional.map { ($0.document, $0.score) })
        let textScores = Dictionary(uniqueKeysWithValues: textual.map { ($0.document, $0.score) })
        let differing = positionalScores.filter { textScores[$0.key] != $0.value }.keys.map { store.articles[Int($0)].id }
        let missing = textScores.keys.filter { positionalScores[$0] == nil }.map { store.articles[Int($0)].id }
        // Plain Booleans in the expectations: a failure prints the label, not thousands of values.
        let same = differing.isEmpty && missing.isEmpty
        #expect(
            same,
            "\(label): \(differing.count) differ or extra, \(missing.count) missing, e.g. \((differing + missing).prefix(3))",
            sourceLocation: sourceLocation)
        store.order(&positional, by: .relevance)
        store.order(&textual, by: .relevance)
        let sameOrder = positional.map(\.document) == textual.map(\.document)
        #expect(sameOrder, "\(label): order", sourceLocation: sourceLocation)
        return positional.count
    }

    /// A phrase of 2–4 adjacent words from a random article's title or body (so it usually occurs),
    /// sometimes with a repeated or an unrelated word; complete, or typed with its last word cut; at
    /// times title-only, excluded, or beside another word.
    static func randomPhraseQuery(_ store: EmbeddedEngine, _ random: inout SplitMix64) -> (String, QueryParser.Mode) {
        let article = store.articles[Int.random(in: 0..<store.articles.count, using: &random)]
        let text = Int.random(in: 0..<5, using: &random) == 0 ? article.title : article.body
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        if words.count < 2 { words = ["the", "market"] }
        let length = Int.random(in: 2...4, using: &random)
        let start = Int.random(in: 0..<Swift.max(1, words.count - length + 1), using: &random)
        var phrase = Array(words[start..<Swift.min(words.count, start + length)])
        switch Int.random(in: 0..<8, using: &random) {
        case 0: phrase.insert(phrase[0], at: 0)  // "the the"
        case 1:
            phrase[phrase.count - 1] =
                GeneratedCorpus.vocabulary[Int.random(in: 0..<GeneratedCorpus.vocabulary.count, using: &random)]
        default: break
        }
        let mode: QueryParser.Mode = Bool.random(using: &random) ? .incremental : .complete
        var quoted = "\"" + phrase.joined(separator: " ")
        if mode == .incremental, let last = phrase.last, last.count > 1 {
            quoted = String(quoted.dropLast(Int.random(in: 0..<last.count, using: &random)))
        } else {
            quoted += "\""
        }
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return ("title:" + quoted, mode)
        case 1: return ("the -" + quoted + (quoted.hasSuffix("\"") ? "" : "\""), .complete)
        case 2: return ("market " + quoted, mode)
        default: return (quoted, mode)
        }
    }
}
