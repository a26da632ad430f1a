extension TermResolver {
    /// The indexed word nearest `word` (folded), for "did you mean": within 1 edit for 3–4 letters and
    /// 2 beyond (none for shorter words or numbers), the fewest edits first, then the word in the most
    /// articles, then byte order. Nil when the word is indexed (or a form of it is) or nothing is near.
    func nearestTerm(to word: [UInt8], isPrefix: Bool) -> [UInt8]? {
        guard !word.isEmpty, !Self.isNumber(word) else { return nil }
        if isPrefix ? !index.terms.prefixRange(word).isEmpty : !index.termsWithStem(of: word).isEmpty { return nil }
        let letters = String(decoding: word, as: UTF8.self).unicodeScalars.count
        let allowed = letters < 3 ? 0 : letters <= 4 ? 1 : 2
        guard allowed > 0 else { return nil }
        let isASCII = word.allSatisfy { $0 < 0x80 }
        let slack = isASCII ? allowed : allowed * 4
        let shortest = Swift.max(1, word.count - slack)
        let longest = Swift.min(Tokenizer.maximumTokenBytes, word.count + slack)
        guard shortest <= longest else { return nil }
        let lengths = index.termsByLength
        var best: (distance: Int, frequency: Int, id: Int)? = nil
        // 3+ letters: the ends test holds (`WordEnds`), and it turns away most terms before their
        // edit distance is computed, as in the typo tier.
        let ends = WordEnds(word)
        word.withUnsafeBufferPointer { query in
            index.terms.bytes.withUnsafeBufferPointer { arena in
                let offsets = index.terms.offsets
                for position in Int(lengths.start[shortest])..<Int(lengths.start[longest + 1]) {
                    let id = Int(lengths.order[position])
                    let start = Int(offsets[id])
                    let end = Int(offsets[id + 1])
                    guard ends.mayBeWithin(allowed, of: arena.baseAddress! + start, count: end - start, wordIsASCII: isASCII)
                    else { continue }
                    let candidate = UnsafeBufferPointer(rebasing: arena[start..<end])
                    guard let distance = EditDistance.within(query, candidate, maxDistance: allowed) else { continue }
                    let frequency = Int(index.documentFrequency[id])
                    if let current = best,
                        (current.distance, -current.frequency, current.id) <= (distance, -frequency, id)
                    {
                        continue
                    }
                    best = (distance, frequency, id)
                }
            }
        }
        return best.map { index.terms.term($0.id) }
    }
}

/// "Did you mean": a query that found nothing, with each word the corpus does not hold replaced by
/// its nearest indexed word (`TermResolver.nearestTerm`), written back in the query's own syntax.
public enum QuerySuggestion {
    /// `text` with the words named in `corrections` (folded word → replacement) replaced, the rest
    /// of the query (fields, quotes, `-`, `OR`) kept; nil when no word changes.
    public static func apply(_ corrections: [String: String], to text: String) -> String? {
        guard !corrections.isEmpty else { return nil }
        var tokenizer = Tokenizer()
        var changed = false
        let items = QueryParser.lex(text).map { item -> String in
            var word = item.text
            if !item.isQuoted && !item.isOr {
                let tokens = tokenizer.queryTokens(of: item.text)
                if tokens.count == 1, let replacement = corrections[String(decoding: tokens[0], as: UTF8.self)] {
                    word = replacement
                    changed = true
                }
            }
            let quoted = item.isQuoted ? "\"" + word + (item.isClosed ? "\"" : "") : word
            let field = item.field.map { "\(Self.name(of: $0)):" } ?? ""
            return (item.isNegated ? "-" : "") + field + quoted
        }
        return changed ? items.joined(separator: " ") : nil
    }

    private static func name(of field: Fields) -> String {
        switch field {
        case .title: "title"
        case .date: "date"
        case .author: "author"
        case .source: "source"
        default: "body"
        }
    }
}
