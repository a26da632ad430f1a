import FolioCore
import TerminalCore

/// An article laid out for the reading pane at one width: the header block (`ReaderHeader`), the body
/// wrapped (paragraphs kept), each line knowing which body bytes it shows and where hits fall.
///
/// A Markdown article (and text converted from HTML) is rendered (`MarkdownRenderer`, §10); other
/// text is wrapped as it is, with its links, mail quotes and signature marked (`+Plain`).
public struct ReaderDocument: Sendable, Equatable {
    public enum LineKind: Sendable, Equatable { case title, metadata, blank, body }

    public struct Line: Sendable, Equatable {
        public var text: String
        public var kind: LineKind
        /// For body lines, the UTF-8 range of the body this line shows (to anchor across resizes).
        public var sourceRange: Range<Int>?
        /// Hit ranges as UTF-8 offsets into `text`.
        public var hits: [Range<Int>]
        /// What parts of `text` are (headings, links, code, quotes…), as UTF-8 ranges; the view
        /// styles them from the theme. Ranges may nest (a link inside a quote).
        public var spans: [StyledSpan] = []
    }

    /// How the body is shown: rendered or as it is written, mail quotes folded or not.
    public struct Options: Sendable, Equatable {
        /// Show a Markdown article's text as written instead of rendering it.
        public var showsRawText = false
        /// Fold each run of quoted lines of a mail article into one line.
        public var foldsQuotes = false

        public init(showsRawText: Bool = false, foldsQuotes: Bool = false) {
            self.showsRawText = showsRawText
            self.foldsQuotes = foldsQuotes
        }
    }

    public var lines: [Line]
    /// The article's links in text order (a `.link(n)` span names `links[n]`); each address is
    /// checked (`LinkDetector.checked`).
    public var links: [DocumentLink] = []
    /// Whether the body was rendered as Markdown (false: as written).
    public var isRendered = false
    /// How many runs of quoted lines the body has (mail articles), folded or not.
    public var quoteBlockCount = 0
    /// Index of the line holding each body hit, in order (n/N walk these).
    public var hitLines: [Int]
    /// Each body hit's UTF-8 range in the text of its line in `hitLines` (the part on that line, if
    /// it wraps), so the current hit can be told from other hits on the same line.
    public var hitSpans: [Range<Int>]
    public var width: Int

    /// The reading measure: lines no longer than this, however wide the pane (newsboat/less habits).
    public static let measure = 80

    /// The block above the text (title, fields, marks), as it was laid out.
    public var header: ReaderHeader

    /// `hits`: where the current query matched in the article (`SearchEngine.hits`), `.none` without
    /// one; `header`: what the block above the text shows besides the article's own fields;
    /// `options`: how the body is shown.
    public init(
        article: Article, width: Int, hits: ArticleHits, header: ReaderHeader = ReaderHeader(), options: Options = Options()
    ) {
        let width = max(1, width)
        self.width = width
        self.header = header
        let lines = header.lines(for: article, width: width, titleHits: hits.title)
        self.lines = lines
        self.hitLines = []
        self.hitSpans = []
        if !options.showsRawText && MarkdownRenderer.renders(article) {
            isRendered = true
            appendRendered(article.body, hits: hits.body)
        } else {
            appendPlain(article.body, hits: hits.body, foldsQuotes: options.foldsQuotes)
        }
    }

    /// Hit ranges inside `source`, moved to be relative to its start.
    static func clip(_ hits: some Collection<Range<Int>>, to source: Range<Int>) -> [Range<Int>] {
        hits.compactMap { hit in
            let lower = max(hit.lowerBound, source.lowerBound)
            let upper = min(hit.upperBound, source.upperBound)
            return lower < upper ? (lower - source.lowerBound)..<(upper - source.lowerBound) : nil
        }
    }

    /// The body offset shown at the top when line `index` is the first visible one (resize anchor).
    public func anchor(atLine index: Int) -> Int? {
        guard !lines.isEmpty else { return nil }
        let start = min(max(0, index), lines.count - 1)
        return lines[start...].lazy.compactMap(\.sourceRange).first?.lowerBound
    }

    /// The line showing body offset `anchor` (the inverse of `anchor(atLine:)`).
    public func line(containing anchor: Int) -> Int {
        var best = 0
        for (index, line) in lines.enumerated() {
            guard let range = line.sourceRange else { continue }
            if range.lowerBound <= anchor { best = index } else { break }
        }
        return best
    }
}
