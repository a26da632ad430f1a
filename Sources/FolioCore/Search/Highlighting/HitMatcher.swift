// Stage: highlighting. Finds where a query matched inside one article's text (words, prefixes,
// phrases) for the highlights and the snippets of the rows on screen.

/// Finds where a query matched inside one article, for highlighting and snippets. Built once per
/// query from the same term expansions the search used, so what is highlighted is what matched.
struct HitMatcher: Sendable {
    /// Folded tokens that count as hits.
    var words: Set<[UInt8]> {
        didSet { wordsByHash = Self.index(words) }
    }
    private var wordsByHash: [UInt32: [[UInt8]]]
    /// Tokens starting with one of these count too (the word being typed).
    var prefixes: [[UInt8]]
    /// Phrases, highlighted as whole runs.
    var phrases: [PhraseMatcher]

    static let empty = HitMatcher(words: [], prefixes: [], phrases: [])

    init(words: Set<[UInt8]>, prefixes: [[UInt8]], phrases: [PhraseMatcher]) {
        self.words = words
        self.prefixes = prefixes
        self.phrases = phrases
        wordsByHash = Self.index(words)
    }

    private static func index(_ words: Set<[UInt8]>) -> [UInt32: [[UInt8]]] {
        var table: [UInt32: [[UInt8]]] = [:]
        for word in words {
            word.withUnsafeBufferPointer { table[TermHashTable.hash($0), default: []].append(word) }
        }
        return table
    }

    var isEmpty: Bool { words.isEmpty && prefixes.isEmpty && phrases.isEmpty }

    /// UTF-8 byte ranges of the hits in `text`, sorted and merged.
    func ranges(in text: String) -> [Range<Int>] {
        guard !isEmpty else { return [] }
        var tokenizer = Tokenizer()
        var found: [Range<Int>] = []
        if !words.isEmpty || !prefixes.isEmpty {
            tokenizer.tokenize(text) { token, range, _ in
                if isHit(token) { found.append(range) }
            }
        }
        for phrase in phrases { found += phrase.occurrences(in: text, tokenizer: &tokenizer) }
        return Self.merged(found)
    }

    func isHit(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        // Hash first, compare bytes only on a hash hit: no array per token (this runs over whole
        // bodies for snippets on every keystroke).
        if let candidates = wordsByHash[TermHashTable.hash(token)],
            candidates.contains(where: { $0.count == token.count && $0.elementsEqual(token) })
        {
            return true
        }
        for prefix in prefixes where token.count >= prefix.count && token.prefix(prefix.count).elementsEqual(prefix) {
            return true
        }
        return false
    }

    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<Swift.max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

extension HitMatcher {
    /// The matcher for a query's positive terms, with the ids the evaluator resolved.
    init(resolved: QueryEvaluator.Resolution, index: SearchIndex) {
        self.init(resolved: resolved, termBytes: index.terms.term)
    }

    /// The same for ids into any dictionary (the index's, or a scan's memo of one query's tokens).
    init(resolved: QueryEvaluator.Resolution, termBytes: (Int) -> [UInt8]) {
        var words = Set<[UInt8]>()
        var prefixes: [[UInt8]] = []
        var phrases: [PhraseMatcher] = []
        for clause in resolved {
            for (term, tokenIDs) in clause {
                if term.isPhrase {
                    phrases.append(PhraseMatcher(tokens: term.tokens, lastIsPrefix: term.isPrefix))
                    continue
                }
                if term.isPrefix { prefixes.append(term.tokens[0]) }
                for ids in tokenIDs {
                    for id in ids { words.insert(termBytes(id)) }
                }
            }
        }
        self.init(words: words, prefixes: prefixes, phrases: phrases)
    }
}
