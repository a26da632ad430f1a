import TerminalCore

// Rendered Markdown laid out at the pane width: each block wrapped after its prefix (or cut, for
// code), and the body's hits found in the rendered text by the body offset of each byte
// (architecture.md §10).

extension ReaderDocument {
    /// The mark at the end of a code line cut at the pane's edge.
    static let cutMarker = "→"

    mutating func appendRendered(_ body: String, hits bodyHits: [Range<Int>]) {
        var renderer = MarkdownRenderer(body: body, width: width)
        let (blocks, urls) = renderer.render()
        var linkNumbers: [Int: Int] = [:]  // the renderer's address number → `links` index
        var firstHit = 0  // no hit before this one reaches into the blocks still to come
        var hitsPlaced = Set<Int>()
        for var block in blocks {
            let prefixWidth = { (parts: [RenderedBlock.PrefixPart]) in parts.reduce(0) { $0 + DisplayWidth.of($1.text) } }
            // A pane too narrow for the prefixes (deep lists at a few columns): the text alone.
            if max(prefixWidth(block.firstPrefix), prefixWidth(block.restPrefix)) >= width {
                block.firstPrefix = []
                block.restPrefix = []
            }
            if block.isBlank {
                let prefix = Self.prefixText(block.restPrefix)
                lines.append(
                    Line(
                        text: TextLayout.truncate(prefix.text, toWidth: width), kind: .blank, sourceRange: nil, hits: [],
                        spans: prefix.spans))
                continue
            }
            if block.isRule {
                let prefix = Self.prefixText(block.firstPrefix)
                let ruleWidth = max(1, width - prefixWidth(block.firstPrefix))
                let text = prefix.text + String(repeating: "─", count: ruleWidth)
                lines.append(
                    Line(
                        text: TextLayout.truncate(text, toWidth: width), kind: .body, sourceRange: nil, hits: [],
                        spans: prefix.spans + [StyledSpan(range: prefix.text.utf8.count..<text.utf8.count, role: .rule)]))
                continue
            }
            let blockHits = Self.renderedHits(of: block, in: bodyHits, from: &firstHit)
            let text = String(decoding: block.bytes, as: UTF8.self)
            var pieces: [WrappedLine]  // one per line; `sourceRange` is a UTF-8 range of `text`
            var cutLines = Set<Int>()
            if block.wraps {
                let available = max(1, width - max(prefixWidth(block.firstPrefix), prefixWidth(block.restPrefix)))
                pieces = TextLayout.wrapWithRanges(text, width: available)
            } else {
                let available = max(1, width - prefixWidth(block.firstPrefix))
                let fitted = TextLayout.truncate(text, toWidth: available, ellipsis: Self.cutMarker)
                if fitted == text {
                    pieces = [WrappedLine(text: text, sourceRange: 0..<block.bytes.count)]
                } else {
                    // The marker alone when not even one cell fits beside it.
                    let kept = fitted.hasSuffix(Self.cutMarker) ? String(fitted.dropLast()) : ""
                    pieces = [WrappedLine(text: kept, sourceRange: 0..<kept.utf8.count)]
                    cutLines.insert(0)
                }
            }
            for (number, wrapped) in pieces.enumerated() {
                let piece = wrapped.sourceRange
                let prefix = Self.prefixText(number == 0 ? block.firstPrefix : block.restPrefix)
                let shift = prefix.text.utf8.count
                var lineText = prefix.text + wrapped.text
                var spans = prefix.spans
                for span in block.spans {
                    if let clipped = Self.clipped(span.range, to: piece) {
                        var role = span.role
                        if case .link(let number) = role {
                            if linkNumbers[number] == nil {
                                linkNumbers[number] = links.count
                                links.append(DocumentLink(url: urls[number], line: lines.count))
                            }
                            role = .link(linkNumbers[number]!)
                        }
                        spans.append(StyledSpan(range: (clipped.lowerBound + shift)..<(clipped.upperBound + shift), role: role))
                    }
                }
                if cutLines.contains(number) {
                    let start = lineText.utf8.count
                    lineText += Self.cutMarker
                    spans.append(StyledSpan(range: start..<lineText.utf8.count, role: .marker))
                }
                var lineHits: [Range<Int>] = []
                for (hit, range) in blockHits {
                    if let clipped = Self.clipped(range, to: piece) {
                        let shifted = (clipped.lowerBound + shift)..<(clipped.upperBound + shift)
                        lineHits.append(shifted)
                        if hitsPlaced.insert(hit).inserted {
                            hitLines.append(lines.count)
                            hitSpans.append(shifted)
                        }
                    }
                }
                lines.append(
                    Line(
                        text: lineText, kind: .body, sourceRange: block.sourceRange(of: piece), hits: lineHits, spans: spans))
            }
        }
    }

    /// `range` inside `source`, moved to be relative to its start; nil when they do not overlap.
    static func clipped(_ range: Range<Int>, to source: Range<Int>) -> Range<Int>? {
        let lower = max(range.lowerBound, source.lowerBound)
        let upper = min(range.upperBound, source.upperBound)
        return lower < upper ? (lower - source.lowerBound)..<(upper - source.lowerBound) : nil
    }

    /// A prefix's text and the spans of its styled parts.
    static func prefixText(_ parts: [RenderedBlock.PrefixPart]) -> (text: String, spans: [StyledSpan]) {
        var text = ""
        var spans: [StyledSpan] = []
        for part in parts {
            let start = text.utf8.count
            text += part.text
            if let role = part.role { spans.append(StyledSpan(range: start..<text.utf8.count, role: role)) }
        }
        return (text, spans)
    }

    /// The parts of `block` that show body hits: the hit's number and a UTF-8 range of the block's
    /// text, in order. `firstHit` moves past hits that end before this block, so the whole body
    /// costs one pass over its hits.
    static func renderedHits(
        of block: RenderedBlock, in hits: [Range<Int>], from firstHit: inout Int
    ) -> [(hit: Int, range: Range<Int>)] {
        guard let blockStart = block.sources.first(where: { $0 >= 0 }) else { return [] }
        while firstHit < hits.count && hits[firstHit].upperBound <= blockStart { firstHit += 1 }
        guard firstHit < hits.count else { return [] }
        var found: [(hit: Int, range: Range<Int>)] = []
        var hit = firstHit
        var open: (hit: Int, start: Int)?
        for (index, source) in block.sources.enumerated() where source >= 0 {
            while hit < hits.count && hits[hit].upperBound <= source { hit += 1 }
            let inside = hit < hits.count && hits[hit].lowerBound <= source ? hit : nil
            if let current = open, current.hit != inside || !isContinuation(block, before: index) {
                found.append((current.hit, current.start..<endOfRun(block, from: current.start, before: index)))
                open = nil
            }
            if let inside, open == nil { open = (inside, index) }
            if hit >= hits.count { break }
        }
        if let current = open {
            found.append((current.hit, current.start..<endOfRun(block, from: current.start, before: block.bytes.count)))
        }
        return found
    }

    /// Whether the byte at `index` follows its predecessor directly (no inserted text between).
    private static func isContinuation(_ block: RenderedBlock, before index: Int) -> Bool {
        index > 0 && block.sources[index - 1] >= 0
    }

    /// The end of a run of body bytes that started at `start`: the last body byte before `index`, plus one.
    private static func endOfRun(_ block: RenderedBlock, from start: Int, before index: Int) -> Int {
        var end = index
        while end > start, block.sources[end - 1] < 0 { end -= 1 }
        return end
    }
}
