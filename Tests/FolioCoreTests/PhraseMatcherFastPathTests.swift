import Testing

@testable import FolioCore

/// The phrase check's fast paths (ASCII text scanned byte by byte, pure-ASCII text jumped through
/// with memchr) must count exactly what the full tokenizer counts.
@Suite struct PhraseMatcherFastPathTests {
    static let pieces = [
        "prime", "Prime", "PRIME", "minister", "min", "m", "don't", "o'", "'prime", "x-prime", "prime's",
        "2prime", "prime2", "’", "é", "café", "primé", "Éprime", "ébola", "Ébola's", "東京", "e\u{301}prime", "—", "\"", "''", "a",
        "b", ".", ",", "\n\n"
    ]

    @Test func fastPathsCountWhatTheTokenizerFinds() {
        var random = SplitMix64(seed: 11)
        let phrases: [(String, Bool)] = [
            ("prime minister", false), ("prime m", true), ("prime", true), ("don t", false),
            ("cafe", false), ("o", true), ("2prime", false), ("a b", false),
            ("eprime", false), ("ebola", true), ("prime ebola", false)
        ]
        var checked = 0
        for round in 0..<3000 {
            // Every third text is pure ASCII, to exercise the memchr path often.
            let pool = round % 3 == 0 ? Self.pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } } : Self.pieces
            let text = (0..<Int(random.next() % 30)).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
                .joined(separator: random.next() % 4 == 0 ? "" : " ")
            for (phrase, lastIsPrefix) in phrases {
                var tokenizer = Tokenizer()
                let tokens = tokenizer.tokens(of: phrase)
                let matcher = PhraseMatcher(tokens: tokens, lastIsPrefix: lastIsPrefix)
                let expected = matcher.occurrences(in: text, tokenizer: &tokenizer).count
                #expect(matcher.occurrenceCount(in: text, tokenizer: &tokenizer) == expected, "\(phrase) in «\(text)»")
                #expect(matcher.contains(text, tokenizer: &tokenizer) == (expected > 0), "\(phrase) in «\(text)»")
                checked += 1
            }
        }
        #expect(checked == 33_000)
    }

    @Test func pureASCIIIsDetectedAtEveryLength() {
        for length in 0..<40 {
            var bytes = [UInt8](repeating: 0x61, count: length)
            #expect(bytes.withUnsafeBufferPointer(PhraseMatcher.isPureASCII))
            for position in 0..<length {
                bytes[position] = 0xC3
                #expect(!bytes.withUnsafeBufferPointer(PhraseMatcher.isPureASCII), "length \(length) at \(position)")
                bytes[position] = 0x61
            }
        }
    }
}
