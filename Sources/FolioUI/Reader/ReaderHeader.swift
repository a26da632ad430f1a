import FolioCore
import TerminalCore

/// The block above an article's text in the reading pane: the title, then who wrote it, when and
/// where, its address, the ids of its identical copies, its length and reading time, and the
/// reader's marks; or, for a mail or
/// Usenet article on request (`H`), every header line of the original file instead of the parsed
/// fields. It produces lines only: `ReaderDocument` places them above the body it lays out.
public struct ReaderHeader: Sendable, Equatable {
    public var isRead: Bool
    public var isBookmarked: Bool
    /// The original file's header lines (normalised), shown instead of the parsed fields.
    public var fullHeaders: [String]?
    /// The ids of the articles with the same title and text (`SearchEngine.copies`), in id order.
    public var copies: [String]

    public init(isRead: Bool = false, isBookmarked: Bool = false, fullHeaders: [String]? = nil, copies: [String] = []) {
        self.isRead = isRead
        self.isBookmarked = isBookmarked
        self.fullHeaders = fullHeaders
        self.copies = copies
    }

    /// Reading speeds for the time shown: words of spaced scripts a minute (a common figure for
    /// adults reading prose on a screen), and characters of scripts written without spaces
    /// (Chinese, Japanese, Thai, …), where about 500 a minute is the usual rate.
    public static let wordsPerMinute = 230
    public static let charactersPerMinute = 500

    /// The header's lines at `width`: title lines (with the query's title hits), the fields, a blank.
    public func lines(for article: Article, width: Int, titleHits: [Range<Int>]) -> [ReaderDocument.Line] {
        var lines: [ReaderDocument.Line] = []
        for wrapped in TextLayout.wrapWithRanges(article.title, width: width) {
            lines.append(
                .init(
                    text: wrapped.text, kind: .title, sourceRange: nil,
                    hits: ReaderDocument.clip(titleHits, to: wrapped.sourceRange)))
        }
        func add(_ text: String) {
            for line in TextLayout.wrapText(text, width: width) {
                lines.append(.init(text: line, kind: .metadata, sourceRange: nil, hits: []))
            }
        }
        if let fullHeaders {
            for header in fullHeaders { add(header) }
        } else {
            let byline = [article.author, article.date?.description, article.source.isEmpty ? nil : article.source]
                .compactMap { $0 }
            if !byline.isEmpty { add(byline.joined(separator: " · ")) }
            if let url = article.url, !url.isEmpty {
                lines.append(.init(text: TextLayout.truncate(url, toWidth: width), kind: .metadata, sourceRange: nil, hits: []))
            }
            // Front-matter tags (a Markdown article may have many: wrapped).
            if !article.tags.isEmpty { add("tags: " + article.tags.joined(separator: ", ")) }
            if !copies.isEmpty { add("also at: " + copies.joined(separator: ", ")) }
        }
        add(summary(of: article))
        lines.append(.init(text: "", kind: .blank, sourceRange: nil, hits: []))
        return lines
    }

    /// "1,234 words · 6 min · read · bookmarked"; characters instead of words when the article is
    /// mostly written without spaces.
    func summary(of article: Article) -> String {
        let length = Self.length(of: article)
        var parts = [length.description, "\(length.minutes) min"]
        parts.append(isRead ? "read" : "unread")
        if isBookmarked { parts.append("bookmarked") }
        return parts.joined(separator: " · ")
    }

    /// An article's length as the header states it.
    public struct Length: Sendable, Equatable {
        public var words: Int
        /// Characters of scripts written without spaces.
        public var characters: Int

        /// Minutes to read both parts at their speeds, at least one.
        public var minutes: Int {
            let perMinute =
                Double(words) / Double(ReaderHeader.wordsPerMinute)
                + Double(characters) / Double(ReaderHeader.charactersPerMinute)
            return max(1, Int(perMinute.rounded()))
        }

        /// "1,234 words", or "2,048 characters" when most of the text has no spaces to count by.
        public var description: String {
            characters > words
                ? "\(Self.grouped(characters)) characters"
                : "\(Self.grouped(words + characters)) word\(words + characters == 1 ? "" : "s")"
        }

        static func grouped(_ number: Int) -> String {
            var digits = String(number)
            var index = digits.count - 3
            while index > 0 {
                digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
                index -= 3
            }
            return digits
        }
    }

    /// Counts the body (one article: this runs when it is laid out, never per list row).
    public static func length(of article: Article) -> Length {
        let counts = WordCounter.lengths(article.body)
        return Length(words: counts.words, characters: counts.characters)
    }
}
