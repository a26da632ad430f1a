/// Splits normalised text into search tokens, working on UTF-8 bytes (Documentation/architecture.md §6: byte scanning is
/// ~25× faster than iterating `Character`s); it decodes a scalar only for bytes ≥ 0x80.
///
/// A token is a run of letters and digits of any script, case- and diacritic-folded; apostrophes
/// inside a word are dropped (`don't` → `dont`) and a possessive `'s`/`’s` is removed (`Teigen’s` →
/// `teigen`). Text written without spaces (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar) becomes
/// overlapping character pairs (一二三 → 一二, 二三), so any two-character query finds it without a
/// dictionary; a character there is a letter with the vowel signs and tone marks that follow it
/// (กิ is one), kept unfolded since they change the word. A run of two or more also yields its last
/// character alone (`runTail`), so a one-character query, a prefix over the pairs, finds the
/// character at the end of a run too. The same tokenizer reads queries, so both sides agree.
public struct Tokenizer {
    /// Longer words are cut to this many bytes (at a character boundary), on both sides alike.
    public static let maximumTokenBytes = 64

    /// `runTail`: the last character of a run of two or more, alone (a query drops its own final one,
    /// which would otherwise demand that the run end there).
    public enum Kind: Sendable { case word, cjk, runTail }

    private var cache: [UInt32: ScalarClass] = [:]

    public init() {}

    /// Calls `body(foldedBytes, sourceRange, kind)` for each token of `text`, in order.
    /// `sourceRange` is the token's UTF-8 byte range in `text`.
    public mutating func tokenize(
        _ text: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Kind) -> Void
    ) {
        withoutActuallyEscaping(body) { body in
            var sink = ClosureSink(body: body)
            tokenize(text, into: &sink)
        }
    }

    /// The same as `tokenize(_:_:)` with a sink type the compiler can specialise (the indexing path).
    public mutating func tokenize<Sink: TokenSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { bytes in tokenize(bytes: bytes, into: &sink) }
    }

    public mutating func tokenize<Sink: TokenSink>(bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        // The folded bytes of the word being read live on the stack: no allocation per token or call.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maximumTokenBytes + 8) { foldedBuffer in
            var state = ScanState(folded: foldedBuffer)
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if state.wordStart < 0 && sink.isDone { return }
                    let lower = byte | 0x20
                    if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                        if state.cjkRunLength > 0 { state.flushCJK(bytes, &sink) }
                        if state.wordStart < 0 { state.wordStart = index }
                        index = state.appendASCIIRun(bytes, from: index)
                        state.wordEnd = index
                        continue
                    }
                    if byte == 0x27 && state.wordStart >= 0 {
                        let (next, endsWord) = apostrophe(at: index, length: 1, bytes: bytes)
                        if endsWord { state.flushWord(&sink) }
                        index = next
                        continue
                    }
                    // A separator after another (the space in ", ") has no word to end: no call.
                    if state.wordStart >= 0 { state.flushWord(&sink) }
                    if state.cjkRunLength > 0 { state.flushCJK(bytes, &sink) }
                    index += 1
                    continue
                }
                let (scalar, length) = Self.decodeScalar(bytes, at: index)
                switch classify(scalar) {
                case .wordPart(let folding):
                    if state.cjkRunLength > 0 { state.flushCJK(bytes, &sink) }
                    if state.wordStart < 0 { state.wordStart = index }
                    state.append(folding)
                    index += length
                    state.wordEnd = index
                case .mark:
                    // A combining mark belongs to the word or character it follows (e + ◌́, ก + ◌ิ);
                    // alone it is nothing.
                    index += length
                    if state.wordStart >= 0 {
                        state.wordEnd = index
                    } else if let current = state.cjkCurrent {
                        state.cjkCurrent = current.lowerBound..<index
                    }
                case .apostrophe:
                    if state.wordStart >= 0 {
                        let (next, endsWord) = apostrophe(at: index, length: length, bytes: bytes)
                        if endsWord { state.flushWord(&sink) }
                        index = next
                    } else {
                        index += length
                    }
                case .cjk:
                    state.flushWord(&sink)
                    // The pair ending with the previous character is emitted once its marks are in.
                    if let current = state.cjkCurrent {
                        if let previous = state.cjkPrevious { state.emitPair(previous, current, bytes, &sink) }
                        state.cjkPrevious = current
                    }
                    state.cjkCurrent = index..<(index + length)
                    state.cjkRunLength += 1
                    index += length
                case .separator:
                    state.flushWord(&sink)
                    if state.cjkRunLength > 0 { state.flushCJK(bytes, &sink) }
                    index += length
                }
            }
            state.flushWord(&sink)
            if state.cjkRunLength > 0 { state.flushCJK(bytes, &sink) }
        }
    }

    /// The word being assembled and the CJK run in progress.
    private struct ScanState {
        let folded: UnsafeMutableBufferPointer<UInt8>
        var foldedCount = 0
        var wordStart = -1
        var wordEnd = 0
        /// The run's last two characters, each a letter and its marks; `cjkCurrent` may still grow.
        var cjkPrevious: Range<Int>? = nil
        var cjkCurrent: Range<Int>? = nil
        var cjkRunLength = 0

        init(folded: UnsafeMutableBufferPointer<UInt8>) { self.folded = folded }

        /// Appends the ASCII letters and digits from `start` on, lower-cased, and returns where they
        /// end: most words are all ASCII, and this loop takes them 8 bytes at a time (`ASCIIWord`),
        /// where the main loop's pass per byte was the index build's largest part.
        @inline(__always)
        mutating func appendASCIIRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            let source = UnsafeRawPointer(bytes.baseAddress!)
            let target = UnsafeMutableRawPointer(folded.baseAddress!)
            let count = bytes.count
            var index = start
            var appended = foldedCount
            defer { foldedCount = appended }
            while index + 8 <= count {
                let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let (lowered, length) = ASCIIWord.prefix(word)
                // `folded` has 8 bytes to spare past the longest token, so a whole word fits.
                if appended < Tokenizer.maximumTokenBytes {
                    target.storeBytes(of: lowered, toByteOffset: appended, as: UInt64.self)
                    appended = Swift.min(appended + length, Tokenizer.maximumTokenBytes)
                }
                index += length
                if length < 8 { return index }
            }
            while index < count {
                let byte = ASCIIWord.folding(source.load(fromByteOffset: index, as: UInt8.self))
                guard byte != 0 else { return index }
                if appended < Tokenizer.maximumTokenBytes {
                    target.storeBytes(of: byte, toByteOffset: appended, as: UInt8.self)
                    appended += 1
                }
                index += 1
            }
            return index
        }

        mutating func append(_ bytes: [UInt8]) {
            // All of a character or none of it, so a cut word is still valid UTF-8.
            guard foldedCount + bytes.count <= Tokenizer.maximumTokenBytes else { return }
            for byte in bytes {
                folded[foldedCount] = byte
                foldedCount += 1
            }
        }

        @inline(__always)
        mutating func flushWord<Sink: TokenSink>(_ sink: inout Sink) {
            if wordStart >= 0 && foldedCount > 0 {
                sink.token(UnsafeBufferPointer(rebasing: folded[0..<foldedCount]), wordStart..<wordEnd, .word)
            }
            wordStart = -1
            foldedCount = 0
        }

        @inline(__always)
        func emitPair<Sink: TokenSink>(
            _ previous: Range<Int>, _ current: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, _ sink: inout Sink
        ) {
            let pair = previous.lowerBound..<current.upperBound
            sink.token(UnsafeBufferPointer(rebasing: bytes[pair]), pair, .cjk)
        }

        /// Ends the run: its last pair, then its last character alone, so a one-character query
        /// (a prefix over the pairs, which finds the pairs it starts) finds it where it ends a run.
        mutating func flushCJK<Sink: TokenSink>(_ bytes: UnsafeBufferPointer<UInt8>, _ sink: inout Sink) {
            if let current = cjkCurrent {
                if let previous = cjkPrevious {
                    emitPair(previous, current, bytes, &sink)
                    sink.token(UnsafeBufferPointer(rebasing: bytes[current]), current, .runTail)
                } else {
                    sink.token(UnsafeBufferPointer(rebasing: bytes[current]), current, .cjk)
                }
            }
            cjkPrevious = nil
            cjkCurrent = nil
            cjkRunLength = 0
        }
    }

    /// Inside a word: `'s` at the end of a word is a possessive and is dropped; an apostrophe between
    /// letters is dropped and the word goes on; anything else ends the word.
    private mutating func apostrophe(
        at index: Int, length: Int, bytes: UnsafeBufferPointer<UInt8>
    ) -> (next: Int, endsWord: Bool) {
        let after = index + length
        guard after < bytes.count, isWordByte(bytes, at: after) else { return (after, true) }
        if bytes[after] | 0x20 == 0x73, !isWordByte(bytes, at: after + 1) { return (after + 1, true) }
        return (after, false)
    }

    /// Whether the scalar starting at `index` continues a word (for the apostrophe look-ahead).
    private mutating func isWordByte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 {
            let lower = byte | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        }
        if case .wordPart = classify(Self.decodeScalar(bytes, at: index).scalar) { return true }
        return false
    }

    mutating func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        if let known = cache[scalar.value] { return known }
        let computed = ScalarFolding.classify(scalar)
        cache[scalar.value] = computed
        return computed
    }

    /// Decodes one scalar of valid UTF-8 (the text came from a Swift String, so it is valid).
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(bytes[index])
        let count = bytes.count
        func continuation(_ offset: Int) -> UInt32 { index + offset < count ? UInt32(bytes[index + offset] & 0x3F) : 0 }
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | continuation(1)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", min(length, count - index))
    }
}

/// Receives tokens from `Tokenizer`: folded bytes (valid only during the call), the token's UTF-8
/// range in the source, and its kind.
public protocol TokenSink {
    mutating func token(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Tokenizer.Kind)
    /// True when the sink needs no more tokens: the tokenizer stops reading (phrase checks).
    var isDone: Bool { get }
}

extension TokenSink {
    public var isDone: Bool { false }
}

private struct ClosureSink: TokenSink {
    let body: (UnsafeBufferPointer<UInt8>, Range<Int>, Tokenizer.Kind) -> Void
    func token(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Tokenizer.Kind) {
        body(folded, range, kind)
    }
}

extension Tokenizer {
    /// The folded tokens of `text` as byte arrays (queries, tests; not for hot paths).
    public mutating func tokens(of text: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        tokenize(text) { token, _, _ in result.append(Array(token)) }
        return result
    }

    /// The tokens of a query's item: as `tokens(of:)` without a final run tail, so `黒猫` also finds
    /// `黒猫が`, where the run goes on (a tail between two parts stays, matching the document's).
    public mutating func queryTokens(of text: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var lastIsTail = false
        tokenize(text) { token, _, kind in
            result.append(Array(token))
            lastIsTail = kind == .runTail
        }
        if lastIsTail { result.removeLast() }
        return result
    }

    /// The folded tokens of `text` as strings, for tests and diagnostics.
    public static func strings(_ text: String) -> [String] {
        var tokenizer = Tokenizer()
        return tokenizer.tokens(of: text).map { String(decoding: $0, as: UTF8.self) }
    }
}
