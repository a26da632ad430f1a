import CXapian
import FolioCore

/// Translates folio's parsed `Query` (the grammar every engine shares, architecture.md §9) into a
/// Xapian query tree over the terms `XapianTerms` writes: a complete word is its stem group
/// ("Z" + stem), the word being typed its stem group or any word it begins (a wildcard, the most
/// frequent completions first), a phrase the exact tokens in order, `title:` the "S" terms,
/// `author:` and `source:` the "XA" and "XS" terms, and `date:` a range of the date value. Xapian 1.4 takes no wildcard inside a phrase: a phrase's last
/// word being typed is expanded first (`expand`, the most frequent completions) into alternatives.
struct XapianQueryBuilder {
    /// The terms starting with a prefix, most frequent first, at most `prefixExpansion`.
    let expand: ([UInt8]) -> [[UInt8]]

    /// A prefix expands to at most this many words (the most frequent), as folio's own prefix
    /// budget bounds the work of one or two typed letters.
    static let prefixExpansion: UInt32 = 2_000

    /// The whole query; a query with no clauses matches every document (then excluded and filtered).
    func build(_ query: Query) -> OpaquePointer? {
        var positive: OpaquePointer?
        if query.clauses.isEmpty {
            positive = fx_query_match_all()
        } else {
            positive = Self.combine(
                FX_AND, query.clauses.map { clause in Self.combine(FX_OR, clause.alternatives.map(term)) })
        }
        if !query.exclusions.isEmpty {
            positive = Self.combine(FX_AND_NOT, [positive] + query.exclusions.map(term))
        }
        if !query.filters.isEmpty {
            positive = Self.combine(FX_FILTER, [positive] + query.filters.map(Self.filter))
        }
        return positive
    }

    private static func combine(_ op: fx_op, _ parts: [OpaquePointer?]) -> OpaquePointer? {
        if parts.count == 1 { return parts[0] }
        var parts = parts
        return parts.withUnsafeMutableBufferPointer { fx_query_combine(Int32(op.rawValue), $0.baseAddress, $0.count) }
    }

    private func term(_ term: Query.Term) -> OpaquePointer? {
        let inTitle = !term.fields.contains(.body)
        let raw = inTitle ? XapianPrefix.title : []
        let stem = inTitle ? XapianPrefix.titleStem : XapianPrefix.stem
        if term.isPhrase {
            let last = term.tokens.count - 1
            return Self.combine(
                FX_PHRASE,
                term.tokens.enumerated().map { index, token in
                    index == last && term.isPrefix
                        ? Self.combine(FX_OR, expand(raw + token).map(Self.exact)) : Self.exact(raw + token)
                })
        }
        let token = term.tokens[0]
        if term.isPrefix || Self.isSingleCJKCharacter(token) {
            return Self.combine(FX_OR, [Self.exact(stem + EnglishStemmer.stem(token)), Self.wildcard(raw + token)])
        }
        return Self.exact(stem + EnglishStemmer.stem(token))
    }

    private static func exact(_ bytes: [UInt8]) -> OpaquePointer? {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { fx_query_term($0.baseAddress, $0.count) }
        }
    }

    /// Every term beginning with `bytes`, at most `limit` (0: no limit), scored as one.
    private static func wildcard(_ bytes: [UInt8], limit: UInt32 = prefixExpansion) -> OpaquePointer? {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { fx_query_wildcard($0.baseAddress, $0.count, limit) }
        }
    }

    private static func filter(_ filter: Query.Filter) -> OpaquePointer? {
        switch filter {
        case .date(let dates): dateRange(dates)
        case .words(let words): fieldWords(words)
        }
    }

    /// `author:` and `source:`: every token's "XA"/"XS" term, the last one any term it begins while
    /// it is typed (every such term: a filter must not miss a rare name); `-author:` keeps the
    /// documents without them all. No token filters nothing, as in the embedded engine.
    private static func fieldWords(_ filter: Query.FieldFilter) -> OpaquePointer? {
        let prefix = filter.field.contains(.author) ? XapianPrefix.author : XapianPrefix.source
        let last = filter.tokens.count - 1
        let held =
            filter.tokens.isEmpty
            ? fx_query_match_all()
            : combine(
                FX_AND,
                filter.tokens.enumerated().map { index, token in
                    index == last && filter.isPrefix ? wildcard(prefix + token, limit: 0) : exact(prefix + token)
                })
        return filter.isNegated ? combine(FX_AND_NOT, [fx_query_match_all(), held]) : held
    }

    /// Dates are "YYYYMMDD" values: a year or month is the range of its days' strings.
    private static func dateRange(_ filter: Query.DateFilter) -> OpaquePointer? {
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        func key(_ date: CalendarDate) -> [UInt8] { XapianSlot.dateValue(date) }
        switch filter {
        case .within(let year, let month, let day):
            var low = digits(year, 4)
            var high = low
            if let month {
                low += digits(month, 2)
                high = low
                if let day {
                    low += digits(day, 2)
                    high = low
                } else {
                    low += "00"
                    high += "99"
                }
            } else {
                low += "0000"
                high += "9999"
            }
            return range(Array(low.utf8), Array(high.utf8))
        case .after(let date, let inclusive):
            // Every value is 8 bytes: those after `date` sort at or after its key plus a NUL.
            return range(inclusive ? key(date) : key(date) + [0], [])
        case .before(let date, let inclusive):
            let upTo = range([], key(date))
            return inclusive ? upTo : combine(FX_AND_NOT, [upTo, range(key(date), key(date))])
        }
    }

    private static func range(_ low: [UInt8], _ high: [UInt8]) -> OpaquePointer? {
        low.withUnsafeBufferPointer { low in
            high.withUnsafeBufferPointer { high in
                low.withMemoryRebound(to: CChar.self) { low in
                    high.withMemoryRebound(to: CChar.self) { high in
                        fx_query_value_range(XapianSlot.date, low.baseAddress, low.count, high.baseAddress, high.count)
                    }
                }
            }
        }
    }

    /// A lone CJK character finds the pairs it starts, as in the embedded engine (`TermResolver`).
    private static func isSingleCJKCharacter(_ token: [UInt8]) -> Bool {
        let scalars = String(decoding: token, as: UTF8.self).unicodeScalars
        return scalars.count == 1 && scalars.first!.value >= 0x2E80
    }
}
