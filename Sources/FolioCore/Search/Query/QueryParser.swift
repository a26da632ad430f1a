/// Turns what a user typed into a `Query`. Never fails: anything malformed is read as text or
/// ignored with a warning (an unbalanced quote closes itself, a lone `-` is ignored).
public enum QueryParser {
    public enum Mode: Sendable {
        /// Every word is complete (the CLI, Enter in the reader).
        case complete
        /// The user is still typing: the last word, if the text does not end in a space, is a prefix.
        case incremental
    }

    public static func parse(_ text: String, mode: Mode = .complete) -> Query {
        var query = Query()
        var tokenizer = Tokenizer()
        let items = lex(text)
        let endsInSpace = text.last.map { $0 == " " } ?? true
        var pendingOr = false
        for (position, item) in items.enumerated() {
            if item.isOr {
                // "a OR b": joins its neighbours; at the start or the end it means nothing.
                pendingOr = !query.clauses.isEmpty
                continue
            }
            if item.field == .date && !item.isNegated {
                if let filter = dateFilter(item.text) {
                    query.filters.append(.date(filter))
                } else {
                    query.warnings.append("date:\(item.text) is not a date (use date:2021, date:2021-10, date:>2021-09-30)")
                }
                pendingOr = false
                continue
            }
            let tokens = tokenizer.queryTokens(of: item.text)
            guard !tokens.isEmpty else { continue }  // punctuation only, or a lone "-"
            let isLast = position == items.count - 1
            // A phrase whose closing quote is not typed yet is still being typed: its last word too.
            let isOpen = !item.isQuoted || !item.isClosed
            if let field = item.field, field == .author || field == .source {
                let isPrefix = mode == .incremental && isLast && !endsInSpace && isOpen
                query.filters.append(
                    .words(Query.FieldFilter(field: field, tokens: tokens, isPrefix: isPrefix, isNegated: item.isNegated)))
                pendingOr = false
                continue
            }
            let isPrefix = mode == .incremental && isLast && !endsInSpace && isOpen && !item.isNegated
            let term = Query.Term(tokens: tokens, isPrefix: isPrefix, fields: item.field == .title ? .title : .text)
            if item.isNegated {
                query.exclusions.append(term)
            } else if pendingOr, let last = query.clauses.indices.last {
                query.clauses[last].alternatives.append(term)
            } else {
                query.clauses.append(Query.Clause([term]))
            }
            pendingOr = false
        }
        return query
    }

    /// One item of a query as typed: a word or a quoted run, with what was written before it.
    public struct Item: Sendable, Equatable {
        public var text: String
        /// The field named before a colon (`title:`, `date:`); nil when none is.
        public var field: Fields? = nil
        public var isNegated = false
        public var isQuoted = false
        /// For a quoted item: whether its closing quote was typed.
        public var isClosed = false
        public var isOr = false
    }

    /// Splits on spaces and newlines, keeping quoted runs (straight or curly quotes) together, an
    /// unbalanced quote running to the end; recognises `-`, `field:` and `OR`. The one lexer of the
    /// grammar: folio-bench translates queries for FTS5 from the same items.
    public static func lex(_ text: String) -> [Item] {
        var items: [Item] = []
        var characters = Substring(text)
        while true {
            characters = characters.drop(while: { $0 == " " || $0 == "\n" })
            guard !characters.isEmpty else { break }
            var item = Item(text: "")
            if characters.first == "-" {
                item.isNegated = true
                characters = characters.dropFirst()
            }
            if let colon = characters.prefix(while: { $0 != " " && $0 != "\"" }).firstIndex(of: ":") {
                if let field = Fields(queryName: characters[..<colon]) {
                    item.field = field
                    characters = characters[characters.index(after: colon)...]
                }
            }
            if characters.first == "\"" || characters.first == "“" {
                item.isQuoted = true
                characters = characters.dropFirst()
                let end = characters.firstIndex(where: { $0 == "\"" || $0 == "”" }) ?? characters.endIndex
                item.text = String(characters[..<end])
                item.isClosed = end < characters.endIndex
                characters = end < characters.endIndex ? characters[characters.index(after: end)...] : characters[end...]
            } else {
                let word = characters.prefix(while: { $0 != " " && $0 != "\n" })
                item.text = String(word)
                characters = characters[word.endIndex...]
            }
            if item.text == "OR" && !item.isQuoted && !item.isNegated && item.field == nil { item.isOr = true }
            items.append(item)
        }
        return items
    }

    /// `2021`, `2021-10`, `2021-10-25`, optionally after `>`, `>=`, `<`, `<=`.
    static func dateFilter(_ text: String) -> Query.DateFilter? {
        var value = Substring(text)
        var comparison = ""
        while let first = value.first, first == ">" || first == "<" || first == "=" {
            comparison.append(first)
            value = value.dropFirst()
        }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        let year = parts[0]!
        let month = parts.count > 1 ? parts[1] : nil
        let day = parts.count > 2 ? parts[2] : nil
        guard (1000...9999).contains(year), month.map({ (1...12).contains($0) }) ?? true else { return nil }
        // The first and last day of the period the user named.
        guard let first = CalendarDate(year: year, month: month ?? 1, day: day ?? 1) else { return nil }
        let lastMonth = month ?? 12
        let lastDay = day ?? lastDay(ofMonth: lastMonth, year: year)
        guard let last = CalendarDate(year: year, month: lastMonth, day: lastDay) else { return nil }
        switch comparison {
        case "": return .within(year: year, month: month, day: day)
        case ">": return .after(last, inclusive: false)
        case ">=", "=>": return .after(first, inclusive: true)
        case "<": return .before(first, inclusive: false)
        case "<=", "=<": return .before(last, inclusive: true)
        default: return nil
        }
    }

    static func lastDay(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
