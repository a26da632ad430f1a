import Foundation
import Testing

@testable import FolioCore

/// The linear scan that answers while the index builds (`ScanEvaluator`) must return what the
/// index's exact tier returns: the same documents, the same BM25 scores, so the same order, and the
/// same highlights. Every test runs both and compares.
@Suite struct ScanSearchTests {
    static let small = GeneratedCorpus.store(seed: 1, count: 60)
    static let medium = GeneratedCorpus.store(seed: 2, count: 400)
    /// Long bodies: phrases longer than the phrase matcher's 63 tokens and the candidates' 255.
    static let long = GeneratedCorpus.store(seed: 3, count: 80, longBodies: true)
    static let prefixHeavy = EmbeddedEngine(articles: GeneratedCorpus.prefixHeavyArticles(seed: 4, count: 3_000), name: "z")

    /// Queries for every rule: words, stems, prefixes as typed (1–2 letters too), phrases complete
    /// and open, exclusions, OR, title:, date:, CJK, folded and split words, empty and filter-only.
    static let handWritten: [(String, QueryParser.Mode)] = [
        ("ash", .complete), ("ashes", .complete), ("ashen", .complete), ("market", .complete), ("marketing", .complete),
        ("prime minister", .complete), ("\"prime minister\"", .complete), ("\"the market\"", .complete),
        ("\"minister the\"", .complete), ("ash -market", .complete), ("ash -\"prime minister\"", .complete),
        ("ash OR zürich", .complete), ("market OR markets OR marketing", .complete), ("ash OR \"the market\" policy", .complete),
        ("title:ash", .complete), ("title:\"prime minister\"", .complete), ("title:market ash", .complete), ("-ash", .complete),
        ("-title:the", .complete), ("date:2021", .complete), ("ash date:>=2020-06", .complete),
        ("market date:2019-03", .complete),
        ("date:<2020 -the", .complete), ("東京", .complete), ("東", .complete), ("北京", .complete), ("京", .complete),
        ("京都 東", .complete), ("café", .complete), ("cafe", .complete), ("naive", .complete), ("teigen", .complete),
        ("teigen's", .complete), ("don't", .complete), ("dont", .complete), ("e-mail", .complete), ("-e-mail ash", .complete),
        ("2021", .complete), ("early", .complete), ("only", .complete), ("skies", .complete), ("sky", .complete),
        ("dying", .complete), ("die", .complete), ("the of and a", .complete), ("zzzz", .complete), ("ash zzzz", .complete),
        ("ash -zzzz", .complete), ("", .complete), ("   ", .complete), ("москва", .complete),
        ("a", .incremental), ("as", .incremental), ("ash", .incremental), ("ashe", .incremental), ("m", .incremental),
        ("ma", .incremental), ("pr", .incremental), ("prime m", .incremental), ("\"prime m", .incremental),
        ("\"prime minis", .incremental), ("\"the m", .incremental), ("\"the market\" a", .incremental),
        ("title:pr", .incremental),
        ("title:\"prime m", .incremental), ("ash -market m", .incremental), ("東", .incremental), ("ca", .incremental),
        ("caf", .incremental), ("naï", .incremental), ("2", .incremental), ("market ", .incremental),
        ("ash OR mar", .incremental),
        ("t", .incremental), ("th", .incremental), ("date:2021 g", .incremental), ("e-m", .incremental)
    ]

    // MARK: Same results as the index

    @Test(arguments: [1, 2, 3])
    func handWrittenQueriesMatchTheIndex(corpus: Int) {
        let store = [Self.small, Self.medium, Self.long][corpus - 1]
        var found = 0
        for (text, mode) in Self.handWritten where Self.compare(store, text, mode) > 0 { found += 1 }
        // Most of these find something, so the comparisons are not of empty lists.
        #expect(found * 10 >= Self.handWritten.count * 8, "only \(found) of \(Self.handWritten.count) queries matched")
        #expect(Self.compare(store, "ash", .complete) > 0)
        #expect(Self.compare(store, "\"prime m", .incremental) > 0)
    }

    @Test func builtinArticlesMatchTheIndex() {
        let store = Fixture.builtin
        for (text, mode) in Self.handWritten { Self.compare(store, text, mode) }
        let words = store.articles.flatMap { Tokenizer.strings($0.title) }
        #expect(words.count > 5)
        for word in words {
            #expect(Self.compare(store, word, .complete) > 0)
            Self.compare(store, String(word.prefix(2)), .incremental)
        }
    }

    @Test func stemsFindEachOther() {
        let store = Self.medium
        let ash = Self.documents(store, "ash")
        let ashes = Self.documents(store, "ashes")
        #expect(!ash.isEmpty && ash == ashes)
        // "ashen" and "ashore" have stems of their own, so "ash" does not take them.
        #expect(Self.documents(store, "ashore") != ash)
    }

    /// The scan skips tokens whose first byte no query token has (`ScanTermTable.mayMatch`): right
    /// only while stemming keeps a word's first byte, checked here on whole dictionaries and on
    /// Porter2's whole-word exceptions and shortest rewrites.
    @Test func stemsKeepTheFirstByte() throws {
        var stores = [Self.medium, Self.long, Fixture.builtin]
        if BBCCorpus.isPresent { stores.append(try BBCCorpus.store.get()) }
        for store in stores {
            let terms = store.index.terms
            let changed = (0..<terms.count).map { terms.term($0) }.filter { SearchIndex.stem($0).first != $0.first }
            #expect(changed.isEmpty, "\(changed.prefix(5).map { String(decoding: $0, as: UTF8.self) })")
        }
        for word in [
            "skis", "skies", "dying", "lying", "tying", "idly", "gently", "ugly", "early", "only", "singly",
            "yes", "yelled", "ies", "sses", "eed", "ying", "yyy", "ied", "eeds", "ing", "ingly"
        ] {
            #expect(EnglishStemmer.stem(word).first == word.first, "\(word) → \(EnglishStemmer.stem(word))")
        }
    }

    @Test func prefixBudgetChoosesTheSameTerms() throws {
        let store = Self.prefixHeavy
        let prefix = Array("z".utf8)
        // The budget really drops terms here (else this test would not test it).
        let kept = TermResolver(index: store.index).prefixMatches(prefix).count
        let range = store.index.terms.prefixRange(prefix).count
        #expect(range > 64 && kept < range, "\(kept) of \(range) terms kept")
        for (text, mode) in [
            ("z", QueryParser.Mode.incremental), ("zab z", .incremental), ("\"zab z", .incremental),
            ("za", .incremental), ("the z", .incremental), ("title:z", .incremental), ("-zab z", .incremental)
        ] {
            #expect(Self.compare(store, text, mode) > 0, "\(text)")
        }
    }

    @Test func phrasesLongerThanTheMatchersLimits() throws {
        let store = Self.long
        var tokenizer = Tokenizer()
        let article = try #require(store.articles.first { tokenizer.tokens(of: $0.body).count > 300 })
        let words = article.body.split(separator: " ")
        for length in [40, 70, 280] {
            let phrase = words.prefix(length).joined(separator: " ")
            #expect(Self.compare(store, "\"" + phrase + "\"", .complete) > 0, "\(length) words")
            Self.compare(store, "\"" + phrase, .incremental)
            Self.compare(store, "ash -\"" + phrase + "\"", .complete)
        }
    }

    /// A pasted phrase: only its first 63 words are matched in order (`PhraseMatcher`), but the
    /// candidates must hold each of its first 255 words somewhere (`Accumulator.collect`).
    @Test func pastedPhraseCandidatesNeedItsFirst255Words() {
        let words = (0..<270).map { "w\($0)" }
        func article(_ id: String, _ body: [String]) -> Article {
            Article(id: id, title: id, source: "test", body: body.joined(separator: " "))
        }
        let store = EmbeddedEngine(articles: [
            article("all", words),
            article("first63", Array(words.prefix(63)) + ["other"]),
            article("first255", Array(words.prefix(255))),
            article("scattered", Array(words.prefix(63)) + ["x"] + words[63..<255].reversed()),
            article("none", ["w0", "other"])
        ])
        for length in [70, 270] {
            let phrase = "\"" + words.prefix(length).joined(separator: " ") + "\""
            #expect(Self.compare(store, phrase, .complete) == 3, "\(length) words")
        }
    }

    /// Term frequencies saturate at 65,535 in the index; the scan saturates them too. The scores are
    /// the same float operations on the same values, so they are equal to the bit here.
    @Test func termFrequenciesSaturateAsInTheIndex() throws {
        let store = EmbeddedEngine(articles: [
            Article(id: "many", title: "spam", source: "test", body: String(repeating: "spam ", count: 70_000) + "ham"),
            Article(id: "one", title: "ham", source: "test", body: "spam and ham"),
            Article(id: "other", title: "eggs", source: "test", body: "eggs")
        ])
        let query = QueryParser.parse("spam")
        let index = store.evaluator(of: store.index).evaluate(query, typoTolerant: false)
        let scan = try #require(ScanEvaluator(articles: store.articles).evaluate(query, isCancelled: { false }))
        let indexScores = Dictionary(uniqueKeysWithValues: index.map { ($0.document, $0.score) })
        let scanScores = Dictionary(uniqueKeysWithValues: scan.scored.map { ($0.document, $0.score) })
        #expect(indexScores.count == 2)
        #expect(scanScores == indexScores)
    }

    @Test func emptyAndFilterOnlyQueriesListEveryArticle() throws {
        let store = Self.medium
        let empty = try #require(ScanEvaluator(articles: store.articles).evaluate(Query(), isCancelled: { false }))
        #expect(empty.scored.count == store.articles.count && empty.scored.allSatisfy { $0.score == 0 })
        #expect(empty.matcher.isEmpty)
        let dated = Self.compare(store, "date:2021", .complete)
        #expect(dated > 0 && dated < store.articles.count)
        let excluded = Self.compare(store, "-ash", .complete)
        #expect(excluded > 0 && excluded < store.articles.count)
    }

    /// 300 queries from the corpus's own words: prefixes cut at random, phrases of adjacent words
    /// (closed or open), exclusions, OR, title:, date:.
    @Test func randomQueriesMatchTheIndex() {
        let store = Self.medium
        var random = SplitMix64(seed: 42)
        var nonEmpty = 0
        for _ in 0..<300 {
            let (text, mode) = Self.randomQuery(store, &random)
            if Self.compare(store, text, mode) > 0 { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 120, "only \(nonEmpty) of 300 random queries matched")
    }

    @Test(.enabled(if: BBCCorpus.isPresent, "no BBC corpus at ../shared/corpus/bbc-fulltext"))
    func bbcCorpusMatchesTheIndex() throws {
        let store = try BBCCorpus.store.get()
        let queries: [(String, QueryParser.Mode)] = [
            ("prime minister", .complete), ("\"prime minister\"", .complete), ("\"prime m", .incremental),
            ("economy -growth", .complete), ("title:england", .complete), ("elect", .complete), ("el", .incremental),
            ("a", .incremental), ("mobile OR phone", .complete), ("£", .complete), ("film -\"box office\"", .complete)
        ]
        for (text, mode) in queries { #expect(Self.compare(store, text, mode) > 0, "\(text)") }
        var random = SplitMix64(seed: 7)
        for _ in 0..<20 {
            let (text, mode) = Self.randomQuery(store, &random)
            Self.compare(store, text, mode)
        }
    }

    // MARK: Highlights

    @Test func highlightsAreTheIndexs() throws {
        let store = Self.medium
        for (text, mode) in [
            ("ash", QueryParser.Mode.complete), ("prime m", .incremental), ("\"the market\" pol", .incremental),
            ("東", .complete), ("café OR naive", .complete)
        ] {
            let query = QueryParser.parse(text, mode: mode)
            let scan = try #require(ScanEvaluator(articles: store.articles).evaluate(query, isCancelled: { false }))
            let index = store.search(query)
            #expect(!index.matches.isEmpty, "\(text)")
            for match in index.matches.prefix(5) {
                let article = store.articles[match.article]
                let hits = store.hits(of: match.article, in: index)
                #expect(scan.matcher.ranges(in: article.title) == hits.title, "\(text) in \(article.id)")
                #expect(scan.matcher.ranges(in: article.body) == hits.body, "\(text) in \(article.id)")
                #expect(!(hits.title + hits.body).isEmpty, "\(text) in \(article.id)")
            }
        }
    }

    // MARK: Cancellation

    @Test func cancellationAbandonsTheScan() {
        let store = Self.medium
        let scan = ScanEvaluator(articles: store.articles)
        let query = QueryParser.parse("prime m", mode: .incremental)
        #expect(scan.evaluate(query, isCancelled: { true }) == nil)
        // Turning true mid-way (the second check, article 256) abandons it too.
        var asked = 0
        #expect(
            scan.evaluate(
                query,
                isCancelled: {
                    asked += 1
                    return asked >= 2
                }) == nil)
        #expect(asked == 2)
        asked = 0
        #expect(
            scan.evaluate(
                query,
                isCancelled: {
                    asked += 1
                    return false
                }) != nil)
        #expect(asked >= 2)
    }

    // MARK: Helpers

    /// Runs `text` through the index's exact tier and through the scan; expects the same documents,
    /// scores within 1e-4 (relative), the same ranked order and the same matcher. Returns the match count.
    @discardableResult
    static func compare(
        _ store: EmbeddedEngine, _ text: String, _ mode: QueryParser.Mode, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int {
        let query = QueryParser.parse(text, mode: mode)
        let evaluator = store.evaluator(of: store.index)
        let resolved = evaluator.resolve(query, typoTolerant: false)
        var index = evaluator.evaluate(query, resolved: resolved)
        guard var scan = ScanEvaluator(articles: store.articles).evaluate(query, isCancelled: { false }) else {
            Issue.record("the scan was cancelled: \(text.debugDescription)", sourceLocation: sourceLocation)
            return 0
        }
        let label = "\(text.debugDescription) (\(mode))"
        let indexScores = Dictionary(uniqueKeysWithValues: index.map { ($0.document, $0.score) })
        let scanScores = Dictionary(uniqueKeysWithValues: scan.scored.map { ($0.document, $0.score) })
        // Plain Booleans in the expectations: a failure prints the label, not thousands of values.
        let sameDocuments = Set(scanScores.keys) == Set(indexScores.keys)
        #expect(
            sameDocuments, "\(label): scan \(scanScores.count), index \(indexScores.count) documents",
            sourceLocation: sourceLocation)
        let differing = indexScores.compactMap { document, score -> String? in
            guard let other = scanScores[document] else { return nil }
            let agrees = abs(other - score) <= 1e-4 * Swift.max(abs(score), abs(other), 1e-6)
            return agrees ? nil : "\(store.articles[Int(document)].id): index \(score), scan \(other)"
        }
        let sameScores = differing.isEmpty
        #expect(
            sameScores, "\(label): \(differing.count) scores differ, e.g. \(differing.prefix(3))", sourceLocation: sourceLocation)
        store.order(&index, by: .relevance)
        store.order(&scan.scored, by: .relevance)
        if sameDocuments && sameScores {
            let sameOrder = scan.scored.map(\.document) == index.map(\.document)
            #expect(sameOrder, "\(label): order", sourceLocation: sourceLocation)
        }
        let matcher = HitMatcher(resolved: resolved, index: store.index)
        let extraWords = scan.matcher.words.subtracting(matcher.words)
        let missingWords = matcher.words.subtracting(scan.matcher.words)
        let sameWords = extraWords.isEmpty && missingWords.isEmpty
        #expect(
            sameWords, "\(label): highlighted words: \(extraWords.count) extra, \(missingWords.count) missing",
            sourceLocation: sourceLocation)
        let samePrefixes = scan.matcher.prefixes == matcher.prefixes
        #expect(samePrefixes, "\(label): prefixes", sourceLocation: sourceLocation)
        let samePhrases =
            scan.matcher.phrases.map(\.tokens) == matcher.phrases.map(\.tokens)
            && scan.matcher.phrases.map(\.lastIsPrefix) == matcher.phrases.map(\.lastIsPrefix)
        #expect(samePhrases, "\(label): phrases", sourceLocation: sourceLocation)
        return index.count
    }

    static func documents(_ store: EmbeddedEngine, _ text: String) -> Set<Int32> {
        let scan = ScanEvaluator(articles: store.articles).evaluate(QueryParser.parse(text), isCancelled: { false })
        return Set(scan?.scored.map(\.document) ?? [])
    }

    /// One to four parts from a random article's words; in incremental mode the last word is often cut.
    static func randomQuery(_ store: EmbeddedEngine, _ random: inout SplitMix64) -> (String, QueryParser.Mode) {
        func words() -> [String] {
            let article = store.articles[Int.random(in: 0..<store.articles.count, using: &random)]
            let text = Bool.random(using: &random) ? article.title : article.body
            let found = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
                .map { $0.trimmingCharacters(in: .punctuationCharacters) }.filter { !$0.isEmpty }
            return found.isEmpty ? ["the"] : found
        }
        func word() -> String {
            let all = words()
            return all[Int.random(in: 0..<all.count, using: &random)]
        }
        var parts: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            switch Int.random(in: 0..<12, using: &random) {
            case 0...4: parts.append(word())
            case 5, 6:
                let all = words()
                let start = Int.random(in: 0..<all.count, using: &random)
                let phrase = all[start..<Swift.min(all.count, start + Int.random(in: 2...3, using: &random))]
                parts.append("\"" + phrase.joined(separator: " ") + (Bool.random(using: &random) ? "\"" : ""))
            case 7: parts.append("-" + word())
            case 8: parts.append("OR")
            case 9: parts.append("title:" + word())
            case 10:
                parts.append(["date:2021", "date:>2020-06", "date:<=2019", "date:2022-02"][Int.random(in: 0..<4, using: &random)])
            default: parts.append("-\"" + word() + " " + word() + "\"")
            }
        }
        let mode: QueryParser.Mode = Bool.random(using: &random) ? .incremental : .complete
        var text = parts.joined(separator: " ")
        if mode == .incremental, let last = parts.last, !last.contains("\""), !last.hasPrefix("-"), last.count > 1 {
            text = String(text.dropLast(Int.random(in: 0..<last.count - 1, using: &random)))
        }
        return (text, mode)
    }
}
