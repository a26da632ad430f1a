import Testing

@testable import FolioCore

/// Tokens are what both the index and queries see, so each rule here is a search behaviour.
@Suite struct TokenizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String, tokens: [String]
        init(_ input: String, _ tokens: [String]) { (self.input, self.tokens) = (input, tokens) }
        var testDescription: String { input.debugDescription }
    }

    static let cases: [Case] = [
        // Case folding
        Case("Hello WORLD MiXeD", ["hello", "world", "mixed"]),
        Case("", []),
        Case("  ... !!! —  ", []),
        // Diacritics and other Latin folding
        Case("Café CRÈME naïve Ångström", ["cafe", "creme", "naive", "angstrom"]),
        Case("cafe\u{301}", ["cafe"]),
        Case("Straße ÆON œuvre Łódź Øre", ["strasse", "aeon", "oeuvre", "lodz", "ore"]),
        Case("ﬁnal İstanbul", ["final", "istanbul"]),
        Case("ＡＢＣ１２３", ["abc123"]),
        // Apostrophes and quotes
        Case("Teigen's", ["teigen"]),
        Case("Teigen’s", ["teigen"]),
        Case("TEIGEN’S teigen", ["teigen", "teigen"]),
        Case("don't can’t o'clock", ["dont", "cant", "oclock"]),
        Case("'therapy teddy'", ["therapy", "teddy"]),
        Case("‘quoted’ “double”", ["quoted", "double"]),
        Case("rock ’n’ roll", ["rock", "n", "roll"]),
        Case("the Teigens' house", ["the", "teigens", "house"]),
        Case("it's ok", ["it", "ok"]),
        // Digits
        Case("2021-10-25", ["2021", "10", "25"]),
        Case("35-year-old £3.5bn", ["35", "year", "old", "3", "5bn"]),
        Case("mp3 B2B", ["mp3", "b2b"]),
        // Other scripts
        Case("Ελλάδα Москва", ["ελλαδα", "москва"]),
        // CJK: overlapping pairs, then the run's last character alone; a lone character stands alone
        Case("東京都", ["東京", "京都", "都"]),
        Case("東", ["東"]),
        Case("日本語のテキスト", ["日本", "本語", "語の", "のテ", "テキ", "キス", "スト", "ト"]),
        Case("iPhone東京 Tokyo", ["iphone", "東京", "京", "tokyo"]),
        Case("東京、大阪", ["東京", "京", "大阪", "阪"]),
        Case("서울시", ["서울", "울시", "시"]),
        // Separators
        Case("e-mail, co-op/ops_team", ["e", "mail", "co", "op", "ops", "team"]),
        Case("emoji😀between", ["emoji", "between"])
    ]

    @Test(arguments: cases)
    func tokens(_ testCase: Case) {
        #expect(Tokenizer.strings(testCase.input) == testCase.tokens)
    }

    @Test func veryLongWordsAreCutOnBothSides() {
        let long = String(repeating: "abcdefghij", count: 30)  // 300 letters
        let tokens = Tokenizer.strings("x \(long) y")
        #expect(tokens.count == 3)
        #expect(tokens[1] == String(long.prefix(Tokenizer.maximumTokenBytes)))
        #expect(tokens[2] == "y")
    }

    @Test func veryLongNonASCIIWordsAreCutAtACharacterBoundary() {
        let long = "a" + String(repeating: "ж", count: 100)
        let token = Tokenizer.strings(long)
        #expect(token.count == 1)
        let bytes = Array(token[0].utf8)
        #expect(bytes.count <= Tokenizer.maximumTokenBytes)
        #expect(bytes.count == 63)  // "a" and 31 two-byte letters: a 32nd would not fit
        #expect(String(validating: bytes, as: UTF8.self) != nil)
    }

    @Test func sourceRangesPointAtTheWordsInTheText() {
        let text = "Café “Teigen’s” 東京都 x"
        var tokenizer = Tokenizer()
        var found: [(String, String)] = []
        tokenizer.tokenize(text) { folded, range, _ in
            found.append((String(decoding: folded, as: UTF8.self), text.utf8Slice(range)))
        }
        #expect(found.map(\.0) == ["cafe", "teigen", "東京", "京都", "都", "x"])
        #expect(found.map(\.1) == ["Café", "Teigen", "東京", "京都", "都", "x"])
    }

    @Test func kindsAreReported() {
        var tokenizer = Tokenizer()
        var kinds: [Tokenizer.Kind] = []
        tokenizer.tokenize("word 東京") { _, _, kind in kinds.append(kind) }
        #expect(kinds == [.word, .cjk, .runTail])
    }
}
