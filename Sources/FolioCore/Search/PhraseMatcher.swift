/// Checks that a phrase's tokens appear adjacent and in order in a text (the index keeps no
/// positions: phrases are verified on the few candidate documents instead, DESIGN.md §4).
struct PhraseMatcher {
    let tokens: [[UInt8]]
    /// The last token may be a prefix (a phrase being typed).
    let lastIsPrefix: Bool

    /// Byte ranges in `text` where the phrase occurs.
    func occurrences(in text: String, tokenizer: inout Tokenizer, firstOnly: Bool = false) -> [Range<Int>] {
        guard !tokens.isEmpty else { return [] }
        var found: [Range<Int>] = []
        // Starts of partial matches in progress, with how many tokens each has matched.
        var window: [(start: Int, matched: Int)] = []
        tokenizer.tokenize(text) { token, range, _ in
            if firstOnly && !found.isEmpty { return }
            var next: [(start: Int, matched: Int)] = []
            for partial in window + [(range.lowerBound, 0)] {
                if matches(token, at: partial.matched) {
                    if partial.matched + 1 == tokens.count {
                        found.append(partial.start..<range.upperBound)
                    } else {
                        next.append((partial.start, partial.matched + 1))
                    }
                }
            }
            window = next
        }
        return found
    }

    func contains(_ text: String, tokenizer: inout Tokenizer) -> Bool {
        !occurrences(in: text, tokenizer: &tokenizer, firstOnly: true).isEmpty
    }

    private func matches(_ token: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let expected = tokens[position]
        if lastIsPrefix && position == tokens.count - 1 {
            return token.count >= expected.count && token.prefix(expected.count).elementsEqual(expected)
        }
        return token.elementsEqual(expected)
    }
}
