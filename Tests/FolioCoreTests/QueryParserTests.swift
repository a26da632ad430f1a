import Testing

@testable import FolioCore

/// The query grammar, and its promise: any string parses, nothing throws at the user.
@Suite struct QueryParserTests {
    private func word(_ text: String, prefix: Bool = false, title: Bool = false) -> Query.Term {
        Query.Term(tokens: Tokenizer.strings(text).map { Array($0.utf8) }, isPrefix: prefix, fields: title ? .title : .text)
    }

    private func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

    @Test func wordsAreANDed() {
        let query = QueryParser.parse("Luna therapy teddy")
        #expect(query.clauses == [Query.Clause([word("luna")]), Query.Clause([word("therapy")]), Query.Clause([word("teddy")])])
        #expect(query.exclusions.isEmpty && query.filters.isEmpty && query.warnings.isEmpty)
    }

    @Test func orJoinsNeighbours() {
        let query = QueryParser.parse("luna OR miles jack")
        #expect(query.clauses == [Query.Clause([word("luna"), word("miles")]), Query.Clause([word("jack")])])
        #expect(QueryParser.parse("a OR b OR c").clauses == [Query.Clause([word("a"), word("b"), word("c")])])
        // Lower-case "or" is a word; OR at either end means nothing.
        #expect(QueryParser.parse("this or that").clauses.count == 3)
        #expect(QueryParser.parse("OR luna").clauses == [Query.Clause([word("luna")])])
        #expect(QueryParser.parse("luna OR").clauses == [Query.Clause([word("luna")])])
        #expect(QueryParser.parse("OR").isEmpty)
    }

    @Test func lastWordIsAPrefixOnlyWhileTyping() {
        #expect(QueryParser.parse("ashes tra", mode: .incremental).clauses.map(\.alternatives[0].isPrefix) == [false, true])
        #expect(QueryParser.parse("ashes tra ", mode: .incremental).clauses.map(\.alternatives[0].isPrefix) == [false, false])
        #expect(QueryParser.parse("ashes tra", mode: .complete).clauses.map(\.alternatives[0].isPrefix) == [false, false])
        // An excluded word or a closed phrase at the end is never a prefix.
        #expect(QueryParser.parse("ashes -tra", mode: .incremental).exclusions.map(\.isPrefix) == [false])
        #expect(QueryParser.parse("\"the son\"", mode: .incremental).clauses[0].alternatives[0].isPrefix == false)
    }

    @Test func phraseBeingTypedHasAPrefixLastWord() {
        // An unclosed quote while typing: the phrase's last word is still being typed.
        let typing = QueryParser.parse("\"the son we alm", mode: .incremental)
        #expect(typing.clauses.count == 1)
        let term = typing.clauses[0].alternatives[0]
        #expect(term.isPhrase)
        #expect(term.isPrefix)
        #expect(term.text == "the son we alm")
    }

    @Test func quotedPhrase() {
        let query = QueryParser.parse("\"the son we almost had\" teigen")
        #expect(query.clauses.count == 2)
        let phrase = query.clauses[0].alternatives[0]
        #expect(phrase.isPhrase)
        #expect(phrase.text == "the son we almost had")
        #expect(query.clauses[1].alternatives[0] == word("teigen"))
        // Typographic quotes work too.
        #expect(QueryParser.parse("“the son”").clauses[0].alternatives[0].text == "the son")
    }

    @Test func unbalancedQuoteClosesItself() {
        let query = QueryParser.parse("teigen \"the son we")
        #expect(query.clauses.count == 2)
        #expect(query.clauses[1].alternatives[0].text == "the son we")
        #expect(query.warnings.isEmpty)
        #expect(QueryParser.parse("\"").isEmpty)
        #expect(QueryParser.parse("\"\"").isEmpty)
    }

    @Test func hyphenatedWordIsAPhrase() {
        let term = QueryParser.parse("35-year-old").clauses[0].alternatives[0]
        #expect(term.isPhrase)
        #expect(term.text == "35 year old")
    }

    @Test func exclusions() {
        let query = QueryParser.parse("teigen -legend -\"late son\"")
        #expect(query.clauses == [Query.Clause([word("teigen")])])
        #expect(query.exclusions.map(\.text) == ["legend", "late son"])
    }

    @Test func loneDashIsIgnored() {
        #expect(QueryParser.parse("-").isEmpty)
        #expect(QueryParser.parse("luna - jack").clauses == [Query.Clause([word("luna")]), Query.Clause([word("jack")])])
        #expect(QueryParser.parse("luna --").clauses.count == 1)
        #expect(QueryParser.parse("luna --").exclusions.isEmpty)
    }

    @Test func titleField() {
        let query = QueryParser.parse("title:Luna Title:\"baby jack\" ashes")
        #expect(query.clauses.count == 3)
        #expect(query.clauses[0].alternatives[0] == word("luna", title: true))
        #expect(query.clauses[1].alternatives[0].fields == .title)
        #expect(query.clauses[1].alternatives[0].text == "baby jack")
        #expect(query.clauses[2].alternatives[0].fields != .title)
        // An unknown field is text: "http://x" is two words, not a field.
        #expect(QueryParser.parse("foo:bar").clauses[0].alternatives[0].text == "foo bar")
    }

    @Test(arguments: [
        ("date:2021", Query.DateFilter.within(year: 2021, month: nil, day: nil)),
        ("date:2021-10", .within(year: 2021, month: 10, day: nil)),
        ("date:2021-10-25", .within(year: 2021, month: 10, day: 25)),
        ("date:>2021-09-30", .after(CalendarDate(year: 2021, month: 9, day: 30)!, inclusive: false)),
        ("date:>2021-09", .after(CalendarDate(year: 2021, month: 9, day: 30)!, inclusive: false)),
        ("date:>=2021-10", .after(CalendarDate(year: 2021, month: 10, day: 1)!, inclusive: true)),
        ("date:<2021-10", .before(CalendarDate(year: 2021, month: 10, day: 1)!, inclusive: false)),
        ("date:<=2021-10", .before(CalendarDate(year: 2021, month: 10, day: 31)!, inclusive: true)),
        ("date:<=2020-02", .before(CalendarDate(year: 2020, month: 2, day: 29)!, inclusive: true)),
        ("DATE:2021", .within(year: 2021, month: nil, day: nil))
    ])
    func dateFilters(text: String, expected: Query.DateFilter) {
        let query = QueryParser.parse(text)
        #expect(query.filters == [.date(expected)])
        #expect(query.clauses.isEmpty)
        #expect(query.warnings.isEmpty)
    }

    @Test(arguments: [
        "date:soon", "date:", "date:2021-13", "date:2021-02-30", "date:21", "date:>>", "date:2021-10-25-1", "date:<>2021"
    ])
    func malformedDatesWarnAndAreIgnored(text: String) {
        let query = QueryParser.parse("luna \(text)")
        #expect(query.filters.isEmpty)
        #expect(query.warnings.count == 1)
        #expect(query.warnings.first?.contains("is not a date") == true)
        #expect(query.clauses == [Query.Clause([word("luna")])])
    }

    @Test func dateFilterAccepts() {
        let october = Query.DateFilter.within(year: 2021, month: 10, day: nil)
        #expect(october.accepts(date(2021, 10, 1)))
        #expect(october.accepts(date(2021, 10, 31)))
        #expect(!october.accepts(date(2021, 9, 30)))
        #expect(!october.accepts(date(2020, 10, 5)))
        #expect(!october.accepts(nil))
        #expect(Query.DateFilter.after(date(2021, 9, 30), inclusive: false).accepts(date(2021, 10, 1)))
        #expect(!Query.DateFilter.after(date(2021, 9, 30), inclusive: false).accepts(date(2021, 9, 30)))
        #expect(Query.DateFilter.before(date(2021, 10, 1), inclusive: true).accepts(date(2021, 10, 1)))
    }

    @Test(arguments: ["", "   ", "\n", "!!! ??? ...", "— – …", "\"   \"", "- - -", "title:", "title:!!!"])
    func emptyOrPunctuationOnlyQueries(text: String) {
        let query = QueryParser.parse(text, mode: .incremental)
        #expect(query.clauses.isEmpty)
        #expect(query.exclusions.isEmpty)
        #expect(query.warnings.isEmpty)
    }

    @Test func tenThousandCharacterQueries() {
        var random = SplitMix64(seed: 10_000)
        let pieces = ["luna", "\"", "-", "OR", "title:", "date:", "date:>2021", "(", "東京", "é", " ", "  ", "ashes", "x"]
        var text = ""
        while text.count < 10_000 { text += pieces[Int.random(in: 0..<pieces.count, using: &random)] }
        let mixed = QueryParser.parse(text, mode: .incremental)
        #expect(!mixed.clauses.isEmpty)
        let oneWord = QueryParser.parse(String(repeating: "a", count: 10_000))
        #expect(oneWord.clauses.count == 1)
        #expect(oneWord.clauses[0].alternatives[0].tokens[0].count == Tokenizer.maximumTokenBytes)
        let manyWords = QueryParser.parse(String(repeating: "ab ", count: 3_334))
        #expect(manyWords.clauses.count == 3_334)
    }

    /// The lexer folio-bench shares: one item per word or quoted run, with its field, sign and `OR`.
    @Test func lexerItems() {
        typealias Item = QueryParser.Item
        #expect(
            QueryParser.lex("-title:\"the son\" OR Date:2021 e-mail “open") == [
                Item(text: "the son", field: .title, isNegated: true, isQuoted: true, isClosed: true),
                Item(text: "OR", isOr: true),
                Item(text: "2021", field: .date),
                Item(text: "e-mail"),
                Item(text: "open", isQuoted: true, isClosed: false)
            ])
        // A colon after another word is text; "OR" quoted or negated is a word.
        #expect(QueryParser.lex("note:x \"OR\"").map(\.field) == [nil, nil])
        #expect(QueryParser.lex("\"OR\" -OR").map(\.isOr) == [false, false])
    }
}
