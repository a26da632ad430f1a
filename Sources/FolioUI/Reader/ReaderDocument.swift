import FolioCore
import TerminalCore

/// An article laid out for the reading pane at one width: the header block (`ReaderHeader`), the body
/// wrapped (paragraphs kept), each line knowing which body bytes it shows and where hits fall.
public struct ReaderDocument: Sendable, Equatable {
    public enum LineKind: Sendable, Equatable { case title, metadata, blank, body }

    public struct Line: Sendable, Equatable {
        public var text: String
        public var kind: LineKind
        /// For body lines, the UTF-8 range of the body this line shows (to anchor across resizes).
        public var sourceRange: Range<Int>?
        /// Hit ranges as UTF-8 offsets into `text`.
        public var hits: [Range<Int>]
    }

    public var lines: [Line]
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
    /// one; `header`: what the block above the text shows besides the article's own fields.
    public init(article: Article, width: Int, hits: ArticleHits, header: ReaderHeader = ReaderHeader()) {
        let width = max(1, width)
        self.width = width
        self.header = header
        var lines = header.lines(for: article, width: width, titleHits: hits.title)
        let bodyHits = hits.body
        var hitLines: [Int] = []
        var hitSpans: [Range<Int>] = []
        // Hits and lines are both in text order: one pass over each, not every hit against every
        // line, since a one-letter prefix in a long article has thousands of hits.
        var nextHit = 0  // the first hit starting at or after the current line
        var firstOverlap = 0  // the first hit that may still reach into the current line
        for wrapped in TextLayout.wrapWithRanges(article.body, width: width) {
            let lineIndex = lines.count
            let range = wrapped.sourceRange
            while nextHit < bodyHits.count && bodyHits[nextHit].lowerBound < range.upperBound {
                let hit = bodyHits[nextHit]
                if hit.lowerBound >= range.lowerBound {
                    hitLines.append(lineIndex)
                    hitSpans.append(
                        (hit.lowerBound - range.lowerBound)..<(min(hit.upperBound, range.upperBound) - range.lowerBound))
                }
                nextHit += 1
            }
            while firstOverlap < nextHit && bodyHits[firstOverlap].upperBound <= range.lowerBound { firstOverlap += 1 }
            lines.append(
                Line(
                    text: wrapped.text, kind: wrapped.text.isEmpty && range.isEmpty ? .blank : .body,
                    sourceRange: range, hits: Self.clip(bodyHits[firstOverlap..<nextHit], to: range)))
        }
        self.lines = lines
        self.hitLines = hitLines
        self.hitSpans = hitSpans
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
