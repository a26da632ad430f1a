import FolioCore

/// Complete queries (as after Enter) answered by folio and by FTS5, like for like: top 20, no snippets.
struct CompleteQueries {
    /// One query in both syntaxes.
    struct Pair {
        var text: String
        /// FTS5 expression for the query as typed; nil when FTS5 cannot express it.
        var exact: String?
        /// FTS5 expression with the last word as a prefix (`"word"*`), when the query ends in a word.
        var prefix: String?
    }

    /// One side's timings over the compared queries in one pass, in seconds.
    struct Pass {
        var exact: [Double] = []
        var prefix: [Double] = []
    }

    /// A query FTS5 refused, with its error message.
    struct Rejection {
        var query: String
        var expression: String
        var message: String
    }

    let pairs: [Pair]

    init(queries: [String]) {
        pairs = queries.map { text in
            Pair(
                text: text, exact: FTS5Query.expression(for: text),
                prefix: FTS5Query.hasPrefixVariant(text) ? FTS5Query.expression(for: text, prefixLastWord: true) : nil)
        }
    }

    /// Queries FTS5 has nothing to search for (only `date:` filters or only exclusions).
    var untranslatable: [String] { pairs.filter { $0.exact == nil }.map(\.text) }

    /// folio on `pairs` in `compared` positions: `.complete` for exact, `.incremental` (last word a
    /// prefix) for the prefix variant. folio ranks every match; the top 20 are read as a front end would.
    func folioPass(_ engine: any SearchEngine, exact: [Int], prefix: [Int]) -> (pass: Pass, top: [[Int]]) {
        var pass = Pass()
        var top: [[Int]] = []
        for position in exact {
            let clock = Stopwatch()
            let results = engine.search(pairs[position].text, mode: .complete)
            let rows = Array(results.list.prefix(20))
            pass.exact.append(clock.seconds)
            top.append(rows)
        }
        for position in prefix {
            let clock = Stopwatch()
            let results = engine.search(pairs[position].text, mode: .incremental)
            let rows = Array(results.list.prefix(20))
            pass.prefix.append(clock.seconds)
            top.append(rows)  // keeps the work observable; overlap uses only the exact ones
        }
        return (pass, top)
    }

    /// FTS5 on the same positions; rejections are collected, never thrown.
    func ftsPass(_ fts: FTS5Run, exact: [Int], prefix: [Int]) throws -> (pass: Pass, top: [[Int]]) {
        var pass = Pass()
        var top: [[Int]] = []
        for answer in try fts.answer(exact.map { pairs[$0].exact! }) {
            if case .rows(let rows, let seconds) = answer {
                pass.exact.append(seconds)
                top.append(rows)
            }
        }
        for answer in try fts.answer(prefix.map { pairs[$0].prefix! }) {
            if case .rows(_, let seconds) = answer { pass.prefix.append(seconds) }
        }
        return (pass, top)
    }

    /// Tries every translated expression once and splits them into those FTS5 answers and those it
    /// rejects, so the timed passes compare the same queries on both sides.
    func triage(_ fts: FTS5Run) throws -> (exact: [Int], prefix: [Int], rejections: [Rejection]) {
        var rejections: [Rejection] = []
        func accepted(_ positions: [Int], _ expression: (Pair) -> String?) throws -> [Int] {
            let answers = try fts.answer(positions.map { expression(pairs[$0])! })
            return zip(positions, answers).compactMap { position, answer in
                if case .rejected(let message) = answer {
                    rejections.append(
                        Rejection(query: pairs[position].text, expression: expression(pairs[position])!, message: message))
                    return nil
                }
                return position
            }
        }
        let exact = try accepted(pairs.indices.filter { pairs[$0].exact != nil }, \.exact)
        let prefix = try accepted(pairs.indices.filter { pairs[$0].prefix != nil }, \.prefix)
        return (exact, prefix, rejections)
    }

    /// Mean share of FTS5's top 20 that folio's top 20 also has (|A ∩ B| / max(|A|, |B|)), over the
    /// queries where either found something: a check that both answer the same question.
    static func overlap(_ folio: [[Int]], _ fts: [[Int]]) -> Double? {
        var shares: [Double] = []
        for (a, b) in zip(folio, fts) where !a.isEmpty || !b.isEmpty {
            shares.append(Double(Set(a).intersection(b).count) / Double(max(a.count, b.count)))
        }
        return shares.isEmpty ? nil : shares.reduce(0, +) / Double(shares.count)
    }
}
