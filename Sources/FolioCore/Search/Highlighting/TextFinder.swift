// Stage: highlighting. Finds typed text inside one article (the reading pane's `/`), folded the way
// search folds words, without the index: it reads one article's text and nothing else.

/// Finds where some typed text occurs in one text, as less's `/` does, but by words: case,
/// diacritics and typographic apostrophes fold as in search (`ScalarFolding`), the words must follow
/// each other, and the last one may be incomplete (the find runs as it is typed). Text written
/// without spaces matches by character: `京` finds it inside `東京都`.
public struct TextFinder: Sendable {
    /// The folded tokens of the find text; the last one is a prefix.
    let tokens: [[UInt8]]
    /// Whether the last token is part of a run without spaces (its bytes are the text's own).
    let lastIsUnspaced: Bool

    public init(_ text: String) {
        var tokenizer = Tokenizer()
        var tokens: [[UInt8]] = []
        var lastKind = Tokenizer.Kind.word
        tokenizer.tokenize(text) { token, _, kind in
            tokens.append(Array(token))
            lastKind = kind
        }
        // "東京都" is the pairs 東京, 京都 and the tail 都; the tail would demand the run end there.
        if lastKind == .runTail, tokens.count > 1 { tokens.removeLast() }
        self.tokens = Array(tokens.prefix(PhraseMatcher.maximumTokens))
        lastIsUnspaced = lastKind != .word
    }

    /// True when the text has nothing to find (only spaces or punctuation).
    public var isEmpty: Bool { tokens.isEmpty }

    /// The UTF-8 byte ranges in `text` where the find text occurs, in order, not overlapping.
    public func occurrences(in text: String) -> [Range<Int>] {
        guard !tokens.isEmpty else { return [] }
        var sink = Sink(finder: self)
        var tokenizer = Tokenizer()
        tokenizer.tokenize(text, into: &sink)
        return sink.found
    }

    func matches(_ token: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let expected = tokens[position]
        if position == tokens.count - 1 {
            return token.count >= expected.count && token.prefix(expected.count).elementsEqual(expected)
        }
        return token.count == expected.count && token.elementsEqual(expected)
    }

    /// The same bookkeeping as `PhraseMatcher`'s: bit k set means the tokens just read match the
    /// find text's first k.
    private struct Sink: TokenSink {
        let finder: TextFinder
        var found: [Range<Int>] = []
        var partial: UInt64 = 0
        var starts = [Int](repeating: 0, count: 64)
        var tokenNumber = 0

        mutating func token(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Tokenizer.Kind) {
            let count = finder.tokens.count
            starts[tokenNumber & 63] = range.lowerBound
            var next: UInt64 = 0
            var remaining = partial | 1
            while remaining != 0 {
                let matched = remaining.trailingZeroBitCount
                remaining &= remaining - 1
                guard matched < count, finder.matches(folded, at: matched) else { continue }
                if matched + 1 == count {
                    var end = range.upperBound
                    // A character pair found by its first character: mark that character only (the
                    // bytes of an unspaced run are unfolded, so the lengths agree).
                    if finder.lastIsUnspaced && kind != .word {
                        end = min(end, range.lowerBound + finder.tokens[count - 1].count)
                    }
                    add(starts[(tokenNumber - matched) & 63]..<end)
                } else {
                    next |= UInt64(1) << UInt64(matched + 1)
                }
            }
            partial = next
            tokenNumber += 1
        }

        /// Pairs overlap (東京, 京都): keep each place once, and never two overlapping hits.
        private mutating func add(_ range: Range<Int>) {
            if let last = found.last, range.lowerBound < last.upperBound { return }
            found.append(range)
        }
    }
}
