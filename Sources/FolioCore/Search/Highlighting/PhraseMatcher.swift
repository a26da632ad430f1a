import Foundation

/// Checks that a phrase's tokens appear adjacent and in order in a text: for the scan that answers
/// while the index builds (the index checks phrases on its token positions, `PositionalPhraseMatcher`)
/// and for highlighting.
///
/// This runs over every candidate's full text while a phrase is typed, so it allocates nothing per
/// token: the partial matches in progress are a bit set (bit k: the last k tokens match the
/// phrase's first k), and `contains` stops reading at the first occurrence.
struct PhraseMatcher: Sendable {
    let tokens: [[UInt8]]
    /// The last token may be a prefix (a phrase being typed).
    let lastIsPrefix: Bool
    /// When set, the words a prefix last token may be: those the search resolved it to, which its
    /// postings budget may have cut (`TermResolver.prefixMatches`); nil takes every word it starts.
    let lastWords: Set<[UInt8]>?

    init(tokens: [[UInt8]], lastIsPrefix: Bool, lastWords: Set<[UInt8]>? = nil) {
        self.tokens = tokens
        self.lastIsPrefix = lastIsPrefix
        self.lastWords = lastWords
    }

    /// Phrases longer than this are matched on their first 63 tokens (a query that long is a paste).
    static let maximumTokens = 63

    /// Byte ranges in `text` where the phrase occurs.
    func occurrences(in text: String, tokenizer: inout Tokenizer) -> [Range<Int>] {
        var sink = Sink(matcher: self, firstOnly: false)
        tokenizer.tokenize(text, into: &sink)
        return sink.found
    }

    /// How many times the phrase occurs in `text` (for scoring), by the fast path when it can.
    func occurrenceCount(in text: String, tokenizer: inout Tokenizer) -> Int {
        var text = text
        return text.withUTF8 { occurrenceCount(inBytes: $0, tokenizer: &tokenizer) }
    }

    /// The same for UTF-8 bytes (an article body read in place from a snapshot).
    func occurrenceCount(inBytes bytes: UnsafeBufferPointer<UInt8>, tokenizer: inout Tokenizer) -> Int {
        if let count = countASCII(bytes, tokenizer: &tokenizer, stopAtFirst: false) { return count }
        var sink = Sink(matcher: self, firstOnly: false)
        tokenizer.tokenize(bytes: bytes, into: &sink)
        return sink.found.count
    }

    func contains(_ text: String, tokenizer: inout Tokenizer) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if let count = countASCII(bytes, tokenizer: &tokenizer, stopAtFirst: true) { return count > 0 }
            var sink = Sink(matcher: self, firstOnly: true)
            tokenizer.tokenize(bytes: bytes, into: &sink)
            return !sink.found.isEmpty
        }
    }

    /// The fast path for ASCII text and an ASCII phrase (most news text): scan the bytes for the
    /// first word at word starts, and tokenize only from there, stopping at the first token that
    /// does not continue the phrase. Non-ASCII punctuation (curly quotes, dashes) is skipped; a
    /// non-ASCII letter returns nil (use the full tokenizer), since folding (é → e) could make
    /// other words match.
    ///
    /// A phrase being typed (`"chief e`) is checked in every article holding its first word: the full
    /// tokenizer over each whole body is too slow for a keystroke.
    private func countASCII(_ bytes: UnsafeBufferPointer<UInt8>, tokenizer: inout Tokenizer, stopAtFirst: Bool) -> Int? {
        guard let first = tokens.first, !first.isEmpty,
            tokens.allSatisfy({ $0.allSatisfy { Self.isWordByte($0) } })
        else { return nil }
        if Self.isPureASCII(bytes) { return countPureASCII(bytes, tokenizer: &tokenizer, stopAtFirst: stopAtFirst) }
        do {
            let count = bytes.count
            var found = 0
            var previousIsWord = false
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    let (scalar, length) = Tokenizer.decodeScalar(bytes, at: index)
                    switch tokenizer.classify(scalar) {
                    case .separator, .cjk: previousIsWord = false
                    case .apostrophe, .mark: break  // joins a word like ' does; a mark adds nothing
                    case .wordPart(let folding):
                        // A token may start with a letter that folds to the phrase's first one (É → e).
                        if folding.first.map({ $0 == first[0] }) ?? true,
                            Self.tokenStarts(at: index, in: bytes, tokenizer: &tokenizer)
                        {
                            guard let matched = matchesAnchored(at: index, in: bytes, tokenizer: &tokenizer) else { return nil }
                            if matched {
                                found += 1
                                if stopAtFirst { return found }
                            }
                        }
                        previousIsWord = true
                    }
                    index += length
                    continue
                }
                let isWord = Self.isWordByte(byte)
                if isWord && Self.folded(byte) == first[0]
                    && (!previousIsWord || bytes[index - 1] == 0x27 || bytes[index - 1] >= 0x80)
                    && Self.tokenStarts(at: index, in: bytes, tokenizer: &tokenizer)
                {
                    guard let matched = matchesAnchored(at: index, in: bytes, tokenizer: &tokenizer) else { return nil }
                    if matched {
                        found += 1
                        if stopAtFirst { return found }
                    }
                }
                // An apostrophe inside a word joins it ("don't" is one token), so what follows is
                // not a word start.
                previousIsWord = isWord || (byte == 0x27 && previousIsWord)
                index += 1
            }
            return found
        }
    }

    /// Whether the phrase starts at the token at `index`; nil when a token on the way has non-ASCII
    /// folded bytes (the caller then uses the full tokenizer).
    private func matchesAnchored(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, tokenizer: inout Tokenizer) -> Bool? {
        var sink = AnchoredSink(matcher: self)
        tokenizer.tokenize(bytes: UnsafeBufferPointer(rebasing: bytes[index...]), into: &sink)
        return sink.sawNonASCII ? nil : sink.succeeded
    }

    /// Text with no byte above 0x7F (most news text): jump from one occurrence of the first word's
    /// first letter to the next with memchr (vectorised in the C library) instead of classifying
    /// every byte, and tokenize only at those that start a word. Same answers as the scan above.
    private func countPureASCII(_ bytes: UnsafeBufferPointer<UInt8>, tokenizer: inout Tokenizer, stopAtFirst: Bool) -> Int {
        let lower = tokens[0][0]
        let upper = lower >= 0x61 && lower <= 0x7A ? lower - 0x20 : lower
        let base = bytes.baseAddress!
        let count = bytes.count
        var found = 0
        // The next occurrence of each case at or after `from` (count when there is none).
        func next(_ byte: UInt8, from: Int) -> Int {
            guard from < count, let hit = memchr(base + from, Int32(byte), count - from) else { return count }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        var nextLower = next(lower, from: 0)
        var nextUpper = lower == upper ? count : next(upper, from: 0)
        while true {
            let index = Swift.min(nextLower, nextUpper)
            guard index < count else { return found }
            if index == nextLower { nextLower = next(lower, from: index + 1) } else { nextUpper = next(upper, from: index + 1) }
            guard Self.tokenStarts(at: index, in: bytes, tokenizer: &tokenizer) else { continue }
            // Pure ASCII: no token can have non-ASCII folded bytes, so never nil here.
            if matchesAnchored(at: index, in: bytes, tokenizer: &tokenizer) == true {
                found += 1
                if stopAtFirst { return found }
            }
        }
    }

    /// Whether a token starts at `index` (an ASCII word byte). Right after a separator it does, right
    /// after a word byte it does not; after an apostrophe it depends on the tokenizer's apostrophe
    /// rules ("don't" is one word, "o''k" two, "x's'k" two), so the tokenizer itself decides, run from
    /// the last ASCII separator before it, where its state is empty.
    static func tokenStarts(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, tokenizer: inout Tokenizer) -> Bool {
        guard index > 0 else { return true }
        let previous = bytes[index - 1]
        if previous < 0x80 {
            if isWordByte(previous) { return false }
            if previous != 0x27 { return true }
        }
        var start = index - 1
        while start > 0 {
            let byte = bytes[start - 1]
            if byte < 0x80 && byte != 0x27 && !isWordByte(byte) { break }
            start -= 1
        }
        var finder = TokenStartFinder(target: index - start)
        tokenizer.tokenize(bytes: UnsafeBufferPointer(rebasing: bytes[start...]), into: &finder)
        return finder.startsAtTarget
    }

    /// Stops at the first token reaching past `target`; true if that token starts exactly there.
    private struct TokenStartFinder: TokenSink {
        let target: Int
        var startsAtTarget = false
        var isDone = false

        mutating func token(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Tokenizer.Kind) {
            guard !isDone, range.upperBound > target else { return }
            startsAtTarget = range.lowerBound == target
            isDone = true
        }
    }

    /// True when no byte is above 0x7F, eight bytes at a time.
    static func isPureASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var combined: UInt64 = 0
        var index = 0
        while index + 8 <= raw.count {
            combined |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count {
            combined |= UInt64(raw[index])
            index += 1
        }
        return combined & 0x8080_8080_8080_8080 == 0
    }

    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Matches the phrase against the tokens from one starting point; done at the first mismatch.
    private struct AnchoredSink: TokenSink {
        let matcher: PhraseMatcher
        var matched = 0
        var failed = false
        var succeeded = false
        var sawNonASCII = false

        var isDone: Bool { failed || succeeded }

        mutating func token(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Tokenizer.Kind) {
            guard !isDone else { return }
            if folded.contains(where: { $0 >= 0x80 }) { sawNonASCII = true }
            if matcher.matches(folded, at: matched) {
                matched += 1
                if matched == matcher.count { succeeded = true }
            } else {
                failed = true
            }
        }
    }

    private var count: Int { Swift.min(tokens.count, Self.maximumTokens) }

    @inline(__always)
    fileprivate func matches(_ token: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let expected = tokens[position]
        if lastIsPrefix && position == tokens.count - 1 {
            guard token.count >= expected.count && token.prefix(expected.count).elementsEqual(expected) else { return false }
            return lastWords?.contains(Array(token)) ?? true
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
