import FolioCore
import Foundation

/// Random queries for robustness (issue 6): mixtures of corpus words, prefixes, balanced and
/// unbalanced quotes, `-`, `OR`, `title:`, `date:` with good and bad values, punctuation, CJK,
/// emoji, controls, very long strings and the empty string.
struct RandomQueryGenerator {
    private var random: SplitMix64
    /// Words of the corpus (titles and the start of bodies), so many queries match something.
    private let vocabulary: [String]

    private static let punctuation = Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”‘’…–—·")
    private static let foreign = [
        "東京", "日本語", "速度", "中文", "한국어", "Zürich", "café", "naïve", "Ελλάδα", "Москва", "العربية", "עברית",
        "🚀", "🎉", "👩‍👩‍👧", "🇬🇧", "e\u{301}", "\u{200B}", "\u{202E}", "\u{FEFF}", "\u{0}", "\u{1B}[31m", "\u{7F}", "\u{9B}"
    ]
    private static let dates = [
        "2021", "2005", "2004-12", "2005-02-14", ">2004-09-30", "<=2005-01", ">=2005", "<2004-12-31", "1999-12-31",
        "soon", "", "2005-13", "2005-02-30", "0000", "9999-99-99", ">", "<=", "-1", "20050214", "2005-2-1",
        "99999999999999999999", ">2005-02-14x", "2005/02/14"
    ]
    private static let fields = ["title:", "date:", "author:", "source:", ":", "TITLE:"]

    init(seed: UInt64, engine: any SearchEngine) {
        random = SplitMix64(seed: seed)
        var seen = Set<String>()
        var words: [String] = []
        for number in 0..<engine.articleCount {
            let article = engine.article(at: number)
            for word in (article.title + " " + article.body.prefix(400)).split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let trimmed = word.trimmingCharacters(in: .punctuationCharacters)
                if !trimmed.isEmpty, seen.insert(trimmed).inserted { words.append(trimmed) }
            }
            if words.count >= 20_000 { break }
        }
        vocabulary = words.isEmpty ? ["folio"] : words
    }

    mutating func next() -> String {
        // Per thousand: 5 empty, 1 very long (a long query of real words costs ~300 ms; more would make
        // a million-query run take hours), 10 only spaces; the rest are 1 to 6 parts.
        let roll = Int.random(in: 0..<1_000, using: &random)
        if roll < 5 { return "" }
        if roll == 5 { return longString() }
        if roll < 16 { return String(repeating: " ", count: Int.random(in: 1...4, using: &random)) }
        var parts: [String] = []
        for _ in 0..<Int.random(in: 1...6, using: &random) { parts.append(part()) }
        // Usually spaces between parts; sometimes none, or runs of them, or a trailing one.
        var query = ""
        for (position, part) in parts.enumerated() {
            if position > 0 {
                switch Int.random(in: 0..<20, using: &random) {
                case 0: break
                case 1: query += "  "
                case 2: query += "\t"
                default: query += " "
                }
            }
            query += part
        }
        if Bool.random(using: &random) && Int.random(in: 0..<4, using: &random) == 0 { query += " " }
        return query
    }

    private mutating func word() -> String { vocabulary[Int.random(in: 0..<vocabulary.count, using: &random)] }

    private mutating func part() -> String {
        switch Int.random(in: 0..<24, using: &random) {
        case 0...7: return word()
        case 8: return word().lowercased()
        case 9: return word().uppercased()
        case 10: return String(word().prefix(Int.random(in: 1...4, using: &random)))  // a prefix
        case 11: return "\"" + word() + " " + word() + "\""  // a balanced phrase
        case 12: return "\"" + word() + (Bool.random(using: &random) ? " " + word() : "")  // unbalanced
        case 13: return "-" + (Bool.random(using: &random) ? word() : "\"" + word() + " " + word() + "\"")
        case 14: return ["OR", "or", "OR OR", "-", "--", "\"", "\"\"", "-\""][Int.random(in: 0..<8, using: &random)]
        case 15: return "title:" + (Bool.random(using: &random) ? word() : "\"" + word() + " " + word())
        case 16: return "date:" + Self.dates[Int.random(in: 0..<Self.dates.count, using: &random)]
        case 17: return Self.fields[Int.random(in: 0..<Self.fields.count, using: &random)] + word()
        case 18: return punctuationRun()
        case 19: return Self.foreign[Int.random(in: 0..<Self.foreign.count, using: &random)]
        case 20: return typo(word())
        case 21: return word() + String(Self.punctuation[Int.random(in: 0..<Self.punctuation.count, using: &random)]) + word()
        case 22: return String(repeating: "\u{301}", count: Int.random(in: 1...50, using: &random))  // combining flood
        default: return randomScalars()
        }
    }

    private mutating func punctuationRun() -> String {
        String(
            (0..<Int.random(in: 1...8, using: &random)).map { _ in
                Self.punctuation[Int.random(in: 0..<Self.punctuation.count, using: &random)]
            })
    }

    /// One letter changed, dropped or doubled: the typo tier's work.
    private mutating func typo(_ word: String) -> String {
        var characters = Array(word)
        guard !characters.isEmpty else { return word }
        let position = Int.random(in: 0..<characters.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: characters[position] = Character(UnicodeScalar(UInt8.random(in: 0x61...0x7A, using: &random)))
        case 1: characters.remove(at: position)
        default: characters.insert(characters[position], at: position)
        }
        return String(characters)
    }

    /// Any scalars at all: controls, surrogate-free planes, private use.
    private mutating func randomScalars() -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            let value: UInt32
            switch Int.random(in: 0..<4, using: &random) {
            case 0: value = UInt32.random(in: 0...0xFF, using: &random)
            case 1: value = UInt32.random(in: 0x100...0xFFFF, using: &random)
            default: value = UInt32.random(in: 0...0x10FFFF, using: &random)
            }
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// Thousands of characters: a pasted paragraph, a held-down key, or many words.
    private mutating func longString() -> String {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return String(repeating: "a", count: Int.random(in: 1_000...20_000, using: &random))
        case 1: return (0..<Int.random(in: 100...1_000, using: &random)).map { _ in word() }.joined(separator: " ")
        default: return String(repeating: "\"a ", count: Int.random(in: 100...2_000, using: &random))
        }
    }
}

/// What `--random-queries` measured: every query's time (search in both modes plus snippets).
struct RandomQueryResults {
    var count = 0
    var seed: UInt64 = 0
    var totalSeconds = 0.0
    var latencies: [Double] = []
    var matches = 0
    var snippetBytes = 0
    /// The slowest queries, slowest first.
    var slowest: [(query: String, seconds: Double)] = []
}

/// Runs `count` seeded random queries against an engine, in `.complete` and `.incremental` mode,
/// with snippets and hit ranges for the top rows, checking that every range lies within its text.
struct RandomQueryRun {
    let engine: any SearchEngine
    let count: Int
    let seed: UInt64
    var snippetRows = 5
    var slowestKept = 10

    func run(progress: (Int) -> Void = { _ in }) -> RandomQueryResults {
        var generator = RandomQueryGenerator(seed: seed, engine: engine)
        var results = RandomQueryResults(count: count, seed: seed)
        results.latencies.reserveCapacity(count)
        let started = Stopwatch()
        for number in 0..<count {
            let query = generator.next()
            let clock = Stopwatch()
            for mode in [QueryParser.Mode.complete, .incremental] {
                let found = engine.search(query, mode: mode)
                results.matches &+= found.list.count
                let shown = found.list.matches(in: 0..<snippetRows).map(\.article)
                for (article, row) in zip(shown, engine.rowHits(of: shown, in: found, snippetLength: 160)) {
                    Self.check(row.snippet.hits, within: row.snippet.text, query: query)
                    let text = engine.article(at: article)
                    Self.check(row.title, within: text.title, query: query)
                    let hits = engine.hits(of: article, in: found)
                    Self.check(hits.title, within: text.title, query: query)
                    Self.check(hits.body, within: text.body, query: query)
                    results.snippetBytes &+= row.snippet.text.utf8.count
                }
            }
            let seconds = clock.seconds
            results.latencies.append(seconds)
            keep(query, seconds, in: &results.slowest)
            if (number + 1) % 100_000 == 0 { progress(number + 1) }
        }
        results.totalSeconds = started.seconds
        return results
    }

    private func keep(_ query: String, _ seconds: Double, in slowest: inout [(query: String, seconds: Double)]) {
        guard slowest.count < slowestKept || seconds > slowest[slowest.count - 1].seconds else { return }
        let position = slowest.firstIndex { $0.seconds < seconds } ?? slowest.count
        slowest.insert((query, seconds), at: position)
        if slowest.count > slowestKept { slowest.removeLast() }
    }

    private static func check(_ ranges: [Range<Int>], within text: String, query: String) {
        let length = text.utf8.count
        for range in ranges where range.isEmpty || range.lowerBound < 0 || range.upperBound > length {
            fatalError("hit range \(range) outside \(length) bytes for the query \(RandomQueryReport.display(query))")
        }
    }
}

/// The text printed for `--random-queries`.
struct RandomQueryReport {
    let results: RandomQueryResults
    let articles: Int

    func render() -> String {
        let summary = LatencySummary(results.latencies)
        var lines = [
            "folio-bench random queries (seed \(results.seed)) on \(Format.count(articles)) articles",
            "  queries:      \(Format.count(results.count)), each in .complete and .incremental mode with snippets for the top rows",
            "  no crash; matches \(Format.count(results.matches)), snippet bytes \(Format.count(results.snippetBytes))",
            String(format: "  total time:   %.1f s", results.totalSeconds),
            "  per query ms: p50 \(Format.ms(summary.p50))  p90 \(Format.ms(summary.p90))  p99 \(Format.ms(summary.p99))  max \(Format.ms(summary.max))",
            "  slowest \(results.slowest.count):"
        ]
        for (query, seconds) in results.slowest {
            lines.append("    \(Format.ms(seconds)) ms  \(Self.display(query))")
        }
        return lines.joined(separator: "\n")
    }

    /// A query as it can be printed: controls and bidi marks escaped, long ones shortened.
    static func display(_ query: String) -> String {
        var text = ""
        var shown = 0
        for scalar in query.unicodeScalars {
            if shown == 70 {
                text += "… (\(Format.count(query.unicodeScalars.count)) scalars)"
                break
            }
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || (0x200B...0x200F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0xFEFF
            {
                text += "\\u{\(String(value, radix: 16))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
            shown += 1
        }
        return "«" + text + "»"
    }
}
