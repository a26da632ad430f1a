extension Query {
    /// `author:smith`, `source:"bbc news"`, `-author:smith`: the article's author (source) must hold
    /// every token, folded as text is (`Tokenizer`), the last one as a prefix while it is typed.
    ///
    /// A filter on the stored field rather than an indexed one (Documentation/architecture.md §6):
    /// the fields are a few words each, so testing a candidate costs one short tokenization, and
    /// the index and its snapshot stay as they are.
    public struct FieldFilter: Sendable, Equatable {
        /// `.author` or `.source`.
        public var field: Fields
        public var tokens: [[UInt8]]
        public var isPrefix: Bool
        /// `-author:smith`: the article passes when its field does not hold the words.
        public var isNegated: Bool

        public init(field: Fields, tokens: [[UInt8]], isPrefix: Bool = false, isNegated: Bool = false) {
            self.field = field
            self.tokens = tokens
            self.isPrefix = isPrefix
            self.isNegated = isNegated
        }

        /// Whether a field holding `bytes` (UTF-8) passes.
        func accepts(_ bytes: UnsafeBufferPointer<UInt8>, tokenizer: inout Tokenizer) -> Bool {
            holdsEveryToken(bytes, tokenizer: &tokenizer) != isNegated
        }

        private func holdsEveryToken(_ bytes: UnsafeBufferPointer<UInt8>, tokenizer: inout Tokenizer) -> Bool {
            guard !tokens.isEmpty, !bytes.isEmpty else { return tokens.isEmpty }
            var sink = Sink(tokens: tokens, isPrefix: isPrefix)
            tokenizer.tokenize(bytes: bytes, into: &sink)
            return sink.isDone
        }

        /// Marks each wanted token found; done when all are.
        private struct Sink: TokenSink {
            let tokens: [[UInt8]]
            let isPrefix: Bool
            var found: [Bool]
            var remaining: Int

            init(tokens: [[UInt8]], isPrefix: Bool) {
                self.tokens = tokens
                self.isPrefix = isPrefix
                found = Array(repeating: false, count: tokens.count)
                remaining = tokens.count
            }

            var isDone: Bool { remaining == 0 }

            mutating func token(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Tokenizer.Kind) {
                for (number, wanted) in tokens.enumerated() where !found[number] {
                    let prefix = isPrefix && number == tokens.count - 1
                    let matches =
                        prefix
                        ? bytes.count >= wanted.count && bytes.prefix(wanted.count).elementsEqual(wanted)
                        : bytes.elementsEqual(wanted)
                    if matches {
                        found[number] = true
                        remaining -= 1
                    }
                }
            }
        }
    }
}
