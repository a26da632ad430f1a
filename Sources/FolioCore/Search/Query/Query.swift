// Stage: query. Parses what was typed into clauses, exclusions and filters (`QueryParser`), and
// resolves each term to index term ids: stems, prefixes, phrases, typo neighbours (`TermResolver`).

/// A parsed search query: clauses that must all match, exclusions, and date filters.
///
/// The grammar (forgiving: any string parses): words are ANDed; `a OR b` makes one clause of
/// alternatives; `"a phrase"` must appear as written; `-word` / `-"a phrase"` excludes; `title:word`
/// matches in titles only; `date:2021`, `date:2021-10`, `date:2021-10-25`, `date:>2021-09-30`,
/// `date:<=2021-10` filter by the article's date; `author:smith`, `source:"bbc news"` keep articles
/// whose author (source) holds those words. In incremental mode the last word is a prefix.
public struct Query: Sendable, Equatable {
    public var clauses: [Clause] = []
    public var exclusions: [Term] = []
    public var filters: [Filter] = []
    /// Parts of the query that were ignored, said in words ("date:soon is not a date").
    public var warnings: [String] = []

    public init(clauses: [Clause] = [], exclusions: [Term] = [], filters: [Filter] = []) {
        self.clauses = clauses
        self.exclusions = exclusions
        self.filters = filters
    }

    /// Nothing to match or filter: every article, in list order.
    public var isEmpty: Bool { clauses.isEmpty && exclusions.isEmpty && filters.isEmpty }

    /// One AND-ed part of the query; it matches when any alternative does.
    public struct Clause: Sendable, Equatable {
        public var alternatives: [Term]
        public init(_ alternatives: [Term]) { self.alternatives = alternatives }
    }

    public struct Term: Sendable, Equatable {
        /// Folded tokens: one for a word, several for a phrase (or a word the tokenizer split, "e-mail").
        public var tokens: [[UInt8]]
        /// The last word while typing: matches every word that starts with it.
        public var isPrefix: Bool
        /// The text fields it matches in: both, or the title alone (`title:word`).
        public var fields: Fields
        /// Quoted, or split by the tokenizer: the tokens must be adjacent, in order.
        public var isPhrase: Bool { tokens.count > 1 }

        public init(tokens: [[UInt8]], isPrefix: Bool = false, fields: Fields = .text) {
            self.tokens = tokens
            self.isPrefix = isPrefix
            self.fields = fields
        }

        /// The term as typed, folded: for messages and tests.
        public var text: String { tokens.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ") }
    }

    /// A test of an article's metadata; a match must pass every filter of its query.
    public enum Filter: Sendable, Equatable {
        case date(DateFilter)
        case words(FieldFilter)

        /// The field the filter reads.
        public var field: Fields {
            switch self {
            case .date: .date
            case .words(let filter): filter.field
            }
        }

        /// Whether article `document` of `articles` passes.
        func accepts(_ document: Int, in articles: ArticleTable, tokenizer: inout Tokenizer) -> Bool {
            switch self {
            case .date(let filter): filter.accepts(articles.date(at: document))
            case .words(let filter):
                articles.withMetadata(filter.field, at: document) { filter.accepts($0, tokenizer: &tokenizer) }
            }
        }
    }

    public enum DateFilter: Sendable, Equatable {
        /// Within a year, a month or a day (the bound fields are nil when not given).
        case within(year: Int, month: Int?, day: Int?)
        case after(CalendarDate, inclusive: Bool)
        case before(CalendarDate, inclusive: Bool)

        public func accepts(_ date: CalendarDate?) -> Bool {
            guard let date else { return false }
            switch self {
            case .within(let year, let month, let day):
                return date.year == year && (month == nil || date.month == month) && (day == nil || date.day == day)
            case .after(let bound, let inclusive): return inclusive ? date >= bound : date > bound
            case .before(let bound, let inclusive): return inclusive ? date <= bound : date < bound
            }
        }
    }
}
