import FolioCore

/// Translates a folio query into an FTS5 MATCH expression that FTS5 cannot misread.
///
/// Every word becomes a quoted FTS5 string (`"word"`, with `"` doubled), so user text never reaches
/// FTS5's own syntax (`AND`, `NEAR`, `*`, `^`, `:` and parentheses inside a word are just text).
/// folio's syntax maps as follows: a quoted phrase stays a phrase, `-word` becomes `NOT`, `OR`
/// joins its neighbours (parenthesised, because FTS5's OR binds more loosely than AND while folio's
/// binds tighter), `title:` becomes a column filter, and `date:` filters are dropped (the FTS5
/// table has no date column).
struct FTS5Query {
    /// The MATCH expression, or nil when nothing is left that FTS5 can search for (a query of
    /// only `date:` filters or only exclusions: FTS5's NOT needs something on its left).
    static func expression(for query: String, prefixLastWord: Bool = false) -> String? {
        let items = QueryParser.lex(query)
        var clauses: [[String]] = []
        var exclusions: [String] = []
        var pendingOr = false
        for (position, item) in items.enumerated() {
            if item.isOr {
                pendingOr = !clauses.isEmpty
                continue
            }
            // A lone "-" or "&" has no token; folio ignores it, and FTS5 rejects an empty string. Metadata
            // filters (date:, author:, source:) have no FTS5 column here: dropped.
            guard item.field != .date, item.field != .author, item.field != .source,
                item.text.unicodeScalars.contains(where: isWordScalar)
            else {
                pendingOr = false
                continue
            }
            let isPrefix = prefixLastWord && position == items.count - 1 && !item.isQuoted && !item.isNegated
            var phrase = "\"" + item.text.replacingAll("\"", with: "\"\"") + "\"" + (isPrefix ? "*" : "")
            if item.field == .title { phrase = "title : " + phrase }
            if item.isNegated {
                exclusions.append(phrase)
            } else if pendingOr, !clauses.isEmpty {
                clauses[clauses.count - 1].append(phrase)
            } else {
                clauses.append([phrase])
            }
            pendingOr = false
        }
        guard !clauses.isEmpty else { return nil }
        let positive = clauses.map { $0.count == 1 ? $0[0] : "(" + $0.joined(separator: " OR ") + ")" }
            .joined(separator: " AND ")
        guard !exclusions.isEmpty else { return positive }
        return "(" + positive + ")" + exclusions.map { " NOT " + $0 }.joined()
    }

    /// Whether the query ends in a plain word that a prefix variant (`word*`) changes.
    static func hasPrefixVariant(_ query: String) -> Bool {
        guard let last = QueryParser.lex(query).last else { return false }
        return !last.isQuoted && !last.isNegated && !last.isOr && last.field != .date
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

extension String {
    /// Every occurrence of `target` replaced (stdlib only; Foundation's version needs NSString).
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
