/// Checks that a phrase's tokens appear adjacent and in order in a text (the index keeps no
/// positions: phrases are verified on the candidate documents instead, DESIGN.md §4).
///
/// This runs over every candidate's full text while a phrase is typed, so it allocates nothing per
/// token: the partial matches in progress are a bit set (bit k: the last k tokens match the
/// phrase's first k), and `contains` stops reading at the first occurrence.
struct PhraseMatcher: Sendable {
    let tokens: [[UInt8]]
    /// The last token may be a prefix (a phrase being typed).
    let lastIsPrefix: Bool

    /// Phrases longer than this are matched on their first 63 tokens (a query that long is a paste).
    static let maximumTokens = 63

    /// Byte ranges in `text` where the phrase occurs.
    func occurrences(in text: String, tokenizer: inout Tokenizer) -> [Range<Int>] {
        var sink = Sink(matcher: self, firstOnly: false)
        tokenizer.tokenize(text, into: &sink)
        return sink.found
    }

    func contains(_ text: String, tokenizer: inout Tokenizer) -> Bool {
        var sink = Sink(matcher: self, firstOnly: true)
        tokenizer.tokenize(text, into: &sink)
        return !sink.found.isEmpty
    }

    private var count: Int { Swift.min(tokens.count, Self.maximumTokens) }

    @inline(__always)
    fileprivate func matches(_ token: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let expected = tokens[position]
        if lastIsPrefix && position == tokens.count - 1 {
            return token.count >= expected.count && token.prefix(expected.count).elementsEqual(expected)
        }
        return token.count == expected.count && token.elementsEqual(expected)
    }

    private struct Sink: TokenSink {
        let matcher: PhraseMatcher
        let firstOnly: Bool
        var found: [Range<Int>] = []
        /// Bit k set: the tokens just read match the phrase's first k tokens.
        var partial: UInt64 = 0
        /// Start offsets of the recent tokens, a ring indexed by token number.
        var starts = [Int](repeating: 0, count: 64)
        var tokenNumber = 0

        var isDone: Bool { firstOnly && !found.isEmpty }

        mutating func token(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Tokenizer.Kind) {
            let count = matcher.count
            guard count > 0 else { return }
            starts[tokenNumber & 63] = range.lowerBound
            var next: UInt64 = 0
            // Every partial match may extend by this token, and bit 0 starts a new one here.
            var remaining = partial | 1
            while remaining != 0 {
                let matched = remaining.trailingZeroBitCount
                remaining &= remaining - 1
                guard matched < count, matcher.matches(folded, at: matched) else { continue }
                if matched + 1 == count {
                    let start = starts[(tokenNumber - matched) & 63]
                    found.append(start..<range.upperBound)
                } else {
                    next |= UInt64(1) << UInt64(matched + 1)
                }
            }
            partial = next
            tokenNumber += 1
        }
    }
}
