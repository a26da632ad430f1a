import Testing

@testable import FolioCore

/// Snippets and hit ranges: every range must point at a matched word in the text it is given with.
@Suite struct HitMatcherTests {
    static let filler = String(repeating: "Nothing to see in this sentence at all. ", count: 12)

    static let store = Fixture.store([
        ("far.txt", "Far away\n\n\(filler)The volcano erupted near the café. \(filler)A second volcano slept."),
        ("near.txt", "Volcano near\n\nVolcano first. Then “Teigen’s” quote and 東京の天気 and lava flows."),
        ("short.txt", "Short\n\nLava flows.")
    ])

    private func results(_ query: String, mode: QueryParser.Mode = .complete) -> SearchResults {
        Self.store.search(query, mode: mode)
    }

    private func position(_ id: String) throws -> Int { try #require(Self.store.number(ofID: id)) }

    /// The folded form of every hit in `snippet`, for comparing with what was searched.
    private func hitWords(_ snippet: Snippet) -> [String] {
        // Read as a query reads it: a CJK hit's own run tail is not another word.
        snippet.hits.map {
            var tokenizer = Tokenizer()
            return tokenizer.queryTokens(of: snippet.text.utf8Slice($0)).map { String(decoding: $0, as: UTF8.self) }
                .joined(separator: " ")
        }
    }

    @Test func snippetHoldsTheHitFarIntoTheBody() throws {
        let results = results("volcano")
        let snippet = Self.store.snippet(of: try position("far.txt"), in: results)
        #expect(snippet.text.hasPrefix("…"))
        #expect(snippet.text.hasSuffix("…"))
        #expect(snippet.text.contains("volcano erupted"))
        #expect(!snippet.text.contains("\n"))
        #expect(!snippet.text.contains("  "))
        #expect(snippet.text.utf8.count <= 160 + 24 + 2 * 3)
        #expect(!snippet.hits.isEmpty)
        #expect(hitWords(snippet).allSatisfy { $0 == "volcano" })
    }

    @Test func snippetStartsAtTheStartWhenTheHitIsNear() throws {
        let snippet = Self.store.snippet(of: try position("near.txt"), in: results("volcano"))
        #expect(snippet.text.hasPrefix("Volcano first."))
        #expect(snippet.hits.first.map { snippet.text.utf8Slice($0) } == "Volcano")
    }

    @Test func shortBodyIsTheWholeSnippet() throws {
        let snippet = Self.store.snippet(of: try position("short.txt"), in: results("flows"))
        #expect(snippet == Snippet(text: "Lava flows.", hits: [5..<10]))
    }

    @Test(arguments: [
        ("cafe", QueryParser.Mode.complete, "far.txt", ["cafe"]),
        ("teigen's", .complete, "near.txt", ["teigen"]),
        ("東京", .complete, "near.txt", ["東京"]),
        ("\"lava flows\"", .complete, "near.txt", ["lava flows"]),
        ("volc", .incremental, "near.txt", ["volcano"]),
        ("volcanoes", .complete, "far.txt", ["volcano", "volcano"])
    ])
    func hitsPointAtTheMatchedWords(query: String, mode: QueryParser.Mode, id: String, expected: [String]) throws {
        let results = results(query, mode: mode)
        let article = try position(id)
        #expect(results.matches.contains { $0.article == article })
        let snippet = Self.store.snippet(of: article, in: results, length: 2_000)
        #expect(hitWords(snippet) == expected)
    }

    @Test func hitRangesInTitleAndBody() throws {
        let article = try position("near.txt")
        let ranges = Self.store.hits(of: article, in: results("volcano lava"))
        let title = Self.store.articles[article].title
        let body = Self.store.articles[article].body
        #expect(ranges.title.map { title.utf8Slice($0) } == ["Volcano"])
        #expect(ranges.body.map { body.utf8Slice($0) } == ["Volcano", "lava"])
    }

    @Test func typoHitsAreHighlighted() throws {
        let results = results("volcanno")
        let article = try position("near.txt")
        #expect(results.matches.first { $0.article == article }?.isFuzzy == true)
        let ranges = Self.store.hits(of: article, in: results)
        #expect(ranges.body.map { Self.store.articles[article].body.utf8Slice($0) } == ["Volcano"])
    }

    @Test func rangesAreSortedAndMerged() {
        #expect(HitMatcher.merged([5..<9, 0..<3, 2..<4, 9..<12]) == [0..<4, 5..<12])
        #expect(HitMatcher.merged([]) == [])
    }

    @Test func emptyQueryHasNoHits() throws {
        let results = results("")
        #expect(results.matcher.isEmpty)
        let snippet = Self.store.snippet(of: try position("short.txt"), in: results)
        #expect(snippet == Snippet(text: "Lava flows.", hits: []))
    }

    @Test func searchComputesNoSnippets() {
        // A search's results carry a matcher, not text: snippets come only when a row asks for one.
        let results = results("volcano")
        #expect(results.matches.count == 2)
        #expect(!results.matcher.isEmpty)
    }

    /// On the built-in articles, for many queries: every snippet is the body's own text (spaces
    /// folded, "…" where cut) and every hit in it is a word the query matched.
    @Test(arguments: [
        "ashes", "teigen", "Luna", "therapy teddy", "\"the son we almost had\"", "baby jack", "thirsty",
        "tea", "cr", "Teigen’s", "instagram OR tribute", "luna -ashes", "sobbing", "emotinal", "jack's ashes"
    ])
    func builtinSnippetsAreBodyTextWithHitsOnMatchedWords(query: String) throws {
        let store = Fixture.builtin
        for mode in [QueryParser.Mode.complete, .incremental] {
            let results = store.search(query, mode: mode)
            for match in results.matches {
                let body = store.articles[match.article].body
                let folded = body.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
                for length in [60, 160] {
                    let snippet = store.snippet(of: match.article, in: results, length: length)
                    var text = Substring(snippet.text)
                    if text.hasPrefix("…") { text = text.dropFirst() }
                    if text.hasSuffix("…") { text = text.dropLast() }
                    #expect(folded.contains(text), "\(query): \(snippet.text)")
                    #expect(text.utf8.count <= length + 2 * 24)
                    let bodyHits = Set(results.matcher.ranges(in: body).map { body.utf8Slice($0) })
                    #expect(bodyHits.isEmpty == snippet.hits.isEmpty, "\(query): \(snippet.text)")
                    for hit in snippet.hits {
                        #expect(hit.upperBound <= snippet.text.utf8.count)
                        let word = snippet.text.utf8Slice(hit)
                        #expect(
                            bodyHits.contains(word) || bodyHits.contains { $0.hasPrefix(word) || $0.hasSuffix(word) },
                            "\(query): hit \(word.debugDescription) in \(snippet.text)")
                        #expect(!Tokenizer.strings(word).isEmpty)
                    }
                }
            }
        }
    }

    @Test func snippetsNeverSplitACharacter() throws {
        let body = String(repeating: "日本語の文章です。", count: 40) + "volcano " + String(repeating: "éàü ", count: 60)
        let store = Fixture.store([("cjk.txt", "CJK\n\n" + body)])
        let results = store.search("volcano")
        for length in [10, 33, 80, 160, 161, 162, 163] {
            let snippet = store.snippet(of: 0, in: results, length: length)
            #expect(snippet.text.contains("volcano"), "length \(length): \(snippet.text)")
            #expect(hitWords(snippet) == ["volcano"])
            #expect(!snippet.text.contains("\u{FFFD}"))
        }
    }
}
