/// Turns query terms into index term ids: stem groups for complete words, prefix ranges for the
/// word being typed, exact tokens for phrases, and edit-distance neighbours for the typo tier.
struct TermResolver {
    let index: SearchIndex

    /// Prefix expansions stop after this many postings, most frequent words first, so one or two
    /// typed letters cost a bounded amount of work on any corpus size (exact stem matches always stay).
    static let prefixPostingsBudget = 250_000

    /// Whether a prefix takes every word of its range: when their postings fit the budget, or when
    /// the range is small (64 words) and the prefix has 3 letters or more, so a longer prefix keeps
    /// every completion however frequent. One or two letters are always held to the budget: a
    /// corpus with a small vocabulary can range a few very frequent words under one letter, millions
    /// of postings past the bound the budget is for.
    static func takesWholeRange(prefix: [UInt8], words: Int, postings: () -> Int) -> Bool {
        if words <= 64 && String(decoding: prefix, as: UTF8.self).unicodeScalars.count >= 3 { return true }
        return postings() <= prefixPostingsBudget
    }

    /// Per token of `term`, the raw term ids that match it.
    func resolve(_ term: Query.Term, typoTolerant: Bool = false) -> [[Int]] {
        term.tokens.enumerated().map { position, token in
            let isLast = position == term.tokens.count - 1
            if term.isPrefix && isLast { return prefixMatches(token) }
            // CJK is indexed by character pairs: a lone character finds the pairs it starts
            // (and itself, where it stood alone), also when the word is complete.
            if term.tokens.count == 1 && Self.isSingleCJKCharacter(token) { return prefixMatches(token) }
            var ids = term.isPhrase ? (index.terms.find(token).map { [$0] } ?? []) : index.termsWithStem(of: token)
            // Known words get their neighbours too: a typo often lands on another real word
            // ("slids" stems to "slid"; "seles" is a tennis player), so "unknown" is no test.
            if typoTolerant && !term.isPhrase {
                for id in typoNeighbours(of: token) where !ids.contains(id) { ids.append(id) }
            }
            return ids
        }
    }

    func prefixMatches(_ prefix: [UInt8]) -> [Int] {
        let range = index.terms.prefixRange(prefix)
        var ids = index.termsWithStem(of: prefix)
        // The range's ids are distinct: only the few stem matches can repeat one (checking every id
        // against the growing list would be quadratic in thousands of rare words).
        let stems = ids
        var budget = Self.prefixPostingsBudget
        if Self.takesWholeRange(
            prefix: prefix, words: range.count, postings: { range.reduce(0) { $0 + Int(index.documentFrequency[$1]) } })
        {
            for id in range where !stems.contains(id) { ids.append(id) }
            return ids
        }
        let byFrequency = range.sorted { index.documentFrequency[$0] > index.documentFrequency[$1] }
        for id in byFrequency {
            let frequency = Int(index.documentFrequency[id])
            if frequency > budget { continue }
            budget -= frequency
            if !stems.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Dictionary words within the allowed typo distance: none up to 3 letters, 1 for 4–8, 2 beyond.
    func typoNeighbours(of word: [UInt8]) -> [Int] {
        let allowed = Self.allowedTypos(for: word)
        guard allowed > 0 else { return [] }
        var result: [Int] = []
        let lengths = index.termsByLength
        // Only terms whose byte length is within reach: a non-ASCII letter is 2–4 bytes, so the window
        // widens for words that have any.
        let isASCII = word.allSatisfy { $0 < 0x80 }
        let slack = isASCII ? allowed : allowed * 4
        let shortest = Swift.max(1, word.count - slack)
        let longest = Swift.min(Tokenizer.maximumTokenBytes, word.count + slack)
        guard shortest <= longest else { return [] }
        let ends = WordEnds(word)
        index.terms.bytes.withUnsafeBufferPointer { arena in
            word.withUnsafeBufferPointer { query in
                let offsets = index.terms.offsets
                for position in Int(lengths.start[shortest])..<Int(lengths.start[longest + 1]) {
                    let id = Int(lengths.order[position])
                    let start = Int(offsets[id])
                    let length = Int(offsets[id + 1]) - start
                    guard ends.mayBeWithin(allowed, of: arena.baseAddress! + start, count: length, wordIsASCII: isASCII) else {
                        continue
                    }
                    if length == word.count && memcmpBytes(arena.baseAddress! + start, query.baseAddress!, length) { continue }
                    let candidate = UnsafeBufferPointer(rebasing: arena[start..<(start + length)])
                    if EditDistance.within(query, candidate, maxDistance: allowed) != nil { result.append(id) }
                }
            }
        }
        return result
    }

    static func isSingleCJKCharacter(_ token: [UInt8]) -> Bool {
        let scalars = String(decoding: token, as: UTF8.self).unicodeScalars
        // One character: a letter that pairs, and the marks that join it (กิ).
        guard let scalar = scalars.first, case .cjk = ScalarFolding.classify(scalar) else { return false }
        return scalars.dropFirst().allSatisfy {
            if case .mark = ScalarFolding.classify($0) { return true }
            return false
        }
    }

    static func allowedTypos(forLetters letters: Int) -> Int {
        letters <= 3 ? 0 : letters <= 8 ? 1 : 2
    }

    /// The edits allowed in `word` (folded): by its letters, none for a number (2021 is not a
    /// misspelt 2020).
    static func allowedTypos(for word: [UInt8]) -> Int {
        if isNumber(word) { return 0 }
        return allowedTypos(forLetters: String(decoding: word, as: UTF8.self).unicodeScalars.count)
    }

    static func isNumber(_ word: [UInt8]) -> Bool { word.allSatisfy { (0x30...0x39).contains($0) } }
}

/// A cheap test a dictionary term must pass before its edit distance to a typed word (3+ letters)
/// is computed: the typo scan and "did you mean" visit thousands of terms per word and most fail here.
struct WordEnds {
    let first: UInt8, second: UInt8, secondLast: UInt8, last: UInt8

    init(_ word: [UInt8]) {
        (first, second, secondLast, last) = (word[0], word[1], word[word.count - 2], word[word.count - 1])
    }

    /// False only when `term` cannot be within `allowed` edits of the word:
    /// - One edit leaves the first or the last letter in place when both words have 3+ letters (an
    ///   edit at the start keeps the end, any other keeps the start), and equal letters have equal
    ///   first (last) bytes, so a term differing at both ends is out.
    /// - Two edits (words of 9+ letters): one edit near the start still leaves one of the first two
    ///   letters of one word among the first two of the other (a substitution keeps the second; an
    ///   insertion, deletion or swap moves it by one); if both edits are near the start, the end is
    ///   untouched. Checked only where those bytes are ASCII, so bytes are letters.
    @inline(__always)
    func mayBeWithin(_ allowed: Int, of term: UnsafePointer<UInt8>, count: Int, wordIsASCII: Bool) -> Bool {
        if allowed == 1 { return term[0] == first || term[count - 1] == last }
        guard allowed == 2, wordIsASCII, count >= 4 else { return true }
        let a = term[0]
        let b = term[1]
        let y = term[count - 2]
        let z = term[count - 1]
        guard a | b | y | z < 0x80 else { return true }
        return a == first || a == second || b == first || b == second
            || z == last || z == secondLast || y == last || y == secondLast
    }
}
