@testable import FolioCore

/// Deterministic random corpora (SplitMix64) for comparing the scan with the index: the same seed
/// gives the same articles everywhere.
enum GeneratedCorpus {
    /// Words chosen so queries meet every resolution rule: stem families (ash, ashes, ashen), words
    /// sharing prefixes, Porter2's exceptions (early, only, skies, dying), folded forms (Café, naïve),
    /// an apostrophe and a possessive, a hyphenated word (a phrase to the tokenizer), digits, CJK runs
    /// and lone CJK characters. Earlier words are drawn more often (roughly Zipf).
    static let vocabulary = [
        "the", "of", "and", "a", "to", "in", "is", "on", "at", "by", "it", "as", "mr", "be",
        "market", "markets", "marketing", "marked", "minister", "ministers", "ministry", "prime", "primes",
        "primed", "priming", "primary", "ash", "ashes", "ashen", "ashore", "ashing", "run", "runs", "running",
        "runner", "ran", "government", "govern", "governed", "election", "elect", "elected", "policy",
        "policies", "police", "polish", "city", "cities", "citizen", "connect", "connected", "connection",
        "general", "generally", "generate", "generous", "early", "only", "news", "sky", "skies", "dying",
        "die", "died", "Café", "cafe", "naïve", "Zürich", "don't", "Teigen's", "e-mail", "2021", "3d",
        "東京都", "北京", "中国人", "日本", "東", "한국어", "Москва", "aa", "ab", "abc", "mmm", "t", "x"
    ]

    static func articles(seed: UInt64, count: Int, longBodies: Bool = false) -> [Article] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { number in
            let title = sentence(words: Int.random(in: 1...6, using: &random), random: &random, period: false)
            var paragraphs: [String] = []
            let sentences = longBodies ? Int.random(in: 10...60, using: &random) : Int.random(in: 1...12, using: &random)
            var paragraph: [String] = []
            for _ in 0..<sentences {
                paragraph.append(sentence(words: Int.random(in: 2...12, using: &random), random: &random, period: true))
                if Int.random(in: 0..<4, using: &random) == 0 {
                    paragraphs.append(paragraph.joined(separator: " "))
                    paragraph = []
                }
            }
            paragraphs.append(paragraph.joined(separator: " "))
            let date: CalendarDate? =
                Int.random(in: 0..<10, using: &random) < 7
                ? CalendarDate(
                    year: Int.random(in: 2019...2022, using: &random), month: Int.random(in: 1...12, using: &random),
                    day: Int.random(in: 1...28, using: &random))
                : nil
            return Article(
                id: "gen/\(number).txt", title: title, date: date, source: "gen", body: paragraphs.joined(separator: "\n\n"))
        }
    }

    static func store(seed: UInt64, count: Int, longBodies: Bool = false) -> EmbeddedEngine {
        EmbeddedEngine(articles: articles(seed: seed, count: count, longBodies: longBodies), name: "generated")
    }

    /// Articles of 120 words drawn from 400 words "zaa"…"ztt" (plus a few common ones): typing "z"
    /// expands to more than 64 terms with more postings than `TermResolver.prefixPostingsBudget`, so
    /// the budget picks the terms, and many of them tie on document frequency.
    static func prefixHeavyArticles(seed: UInt64, count: Int) -> [Article] {
        var random = SplitMix64(seed: seed)
        let letters = Array("abcdefghijklmnopqrst")
        func zWord() -> String {
            "z" + String(letters[Int.random(in: 0..<20, using: &random)])
                + String(letters[Int.random(in: 0..<20, using: &random)])
        }
        return (0..<count).map { number in
            let body = (0..<120).map { position in position % 10 == 0 ? "the" : zWord() }.joined(separator: " ")
            return Article(id: "z/\(number).txt", title: "\(zWord()) \(zWord())", source: "z", body: body)
        }
    }

    private static func word(_ random: inout SplitMix64) -> String {
        // Squaring a uniform draw favours the front of the list.
        let u = Double.random(in: 0..<1, using: &random)
        var word = vocabulary[Int(u * u * Double(vocabulary.count))]
        if Int.random(in: 0..<8, using: &random) == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
        return word
    }

    private static func sentence(words: Int, random: inout SplitMix64, period: Bool) -> String {
        var parts: [String] = []
        for _ in 0..<words {
            // Some fixed phrases, so quoted queries find more than chance pairs.
            switch Int.random(in: 0..<20, using: &random) {
            case 0: parts.append("prime minister")
            case 1: parts.append("the market")
            default: parts.append(word(&random))
            }
            if Int.random(in: 0..<10, using: &random) == 0 { parts[parts.count - 1] += "," }
        }
        return parts.joined(separator: " ") + (period ? "." : "")
    }
}
