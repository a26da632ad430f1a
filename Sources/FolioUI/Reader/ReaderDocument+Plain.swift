import TerminalCore

// Text that is not rendered (plain articles, mail, a Markdown article shown raw): wrapped as it is
// written, with its links, mail quotes and signature marked (architecture.md §10).

extension ReaderDocument {
    /// The most lines after a `-- ` line that are taken for a signature (more is text, not a signature).
    static let maximumSignatureLines = 15

    mutating func appendPlain(_ body: String, hits bodyHits: [Range<Int>], foldsQuotes: Bool) {
        let sourceLines = PlainLines(body)
        let found = LinkDetector.links(in: body)
        var nextLink = 0
        var nextHit = 0  // the first hit starting at or after the current line
        var firstOverlap = 0  // the first hit that may still reach into the current line
        var sourceLine = 0
        // Hits and lines are both in text order: one pass over each, not every hit against every
        // line, since a one-letter prefix in a long article has thousands of hits.
        for wrapped in TextLayout.wrapWithRanges(body, width: width) {
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
            while sourceLine + 1 < sourceLines.starts.count && sourceLines.starts[sourceLine + 1] <= range.lowerBound {
                sourceLine += 1
            }
            var spans: [StyledSpan] = []
            let lineRole = sourceLines.role(ofLine: sourceLine)
            if let lineRole, !wrapped.text.isEmpty {
                spans.append(StyledSpan(range: 0..<wrapped.text.utf8.count, role: lineRole))
            }
            while nextLink < found.count && found[nextLink].range.upperBound <= range.lowerBound { nextLink += 1 }
            var linkIndex = nextLink
            while linkIndex < found.count && found[linkIndex].range.lowerBound < range.upperBound {
                let match = found[linkIndex]
                if match.range.lowerBound >= range.lowerBound { links.append(DocumentLink(url: match.url, line: lineIndex)) }
                let number = links.lastIndex { $0.url == match.url } ?? links.count - 1
                if let clipped = Self.clipped(match.range, to: range) {
                    spans.append(StyledSpan(range: clipped, role: .link(number)))
                }
                linkIndex += 1
            }
            lines.append(
                Line(
                    text: wrapped.text, kind: wrapped.text.isEmpty && range.isEmpty ? .blank : .body,
                    sourceRange: range, hits: Self.clip(bodyHits[firstOverlap..<nextHit], to: range), spans: spans))
            if case .quote = lineRole, sourceLines.startsQuoteBlock(sourceLine),
                range.lowerBound == sourceLines.starts[sourceLine]
            {
                quoteBlockCount += 1
            }
        }
        if foldsQuotes { foldQuotes(sourceLines) }
    }

    /// Replaces each run of quoted lines with one line saying how many source lines it holds. The
    /// folded line keeps the first line's source range (so the reading position stays put) and
    /// takes any hits of the run, so n/N still stop there.
    private mutating func foldQuotes(_ sourceLines: PlainLines) {
        var folded: [Line] = []
        var newIndex: [Int] = []
        newIndex.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            guard isQuoted(lines[index]) else {
                newIndex.append(folded.count)
                folded.append(lines[index])
                index += 1
                continue
            }
            var end = index
            while end < lines.count, isQuoted(lines[end]) { end += 1 }
            let first = lines[index].sourceRange!.lowerBound
            let last = lines[end - 1].sourceRange!.lowerBound
            let count = sourceLines.lineNumber(of: last) - sourceLines.lineNumber(of: first) + 1
            let text = TextLayout.truncate("[… \(count) quoted line\(count == 1 ? "" : "s")]", toWidth: width)
            for _ in index..<end { newIndex.append(folded.count) }
            folded.append(
                Line(
                    text: text, kind: .body, sourceRange: first..<first, hits: [],
                    spans: [StyledSpan(range: 0..<text.utf8.count, role: .folded)]))
            index = end
        }
        lines = folded
        hitLines = hitLines.map { newIndex[$0] }
        // A folded hit has no place of its own on its line: the whole line is the hit.
        hitSpans = zip(hitLines, hitSpans).map { line, span in
            if case .folded = lines[line].spans.first?.role { return 0..<lines[line].text.utf8.count }
            return span
        }
        links = links.map { DocumentLink(url: $0.url, line: newIndex[$0.line]) }
    }

    private func isQuoted(_ line: Line) -> Bool {
        guard line.sourceRange != nil, case .quote = line.spans.first?.role else { return false }
        return true
    }
}

/// Where each line of a plain body starts, and which are mail quotes and signature.
struct PlainLines {
    var starts: [Int] = [0]
    /// Quote depth per line (0: not quoted).
    var depths: [Int] = []
    /// The first line of the signature, if the body ends with one.
    var signatureStart: Int?

    init(_ body: String) {
        let bytes = Array(body.utf8)
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        depths.reserveCapacity(starts.count)
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] - 1 : bytes.count
            depths.append(Self.quoteDepth(bytes[start..<end]))
            // "-- " (its trailing space is trimmed when the article is read) starts a signature.
            if end - start == 2, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: "-"),
                starts.count - number - 1 <= ReaderDocument.maximumSignatureLines
            {
                signatureStart = number  // the last such line
            }
        }
    }

    /// `>`, `> >`, `>>`: the number of `>` before the text (spaces between them allowed).
    static func quoteDepth(_ line: ArraySlice<UInt8>) -> Int {
        var depth = 0
        for byte in line {
            if byte == UInt8(ascii: ">") {
                depth += 1
            } else if byte != 0x20 {
                break
            }
        }
        return depth
    }

    func role(ofLine number: Int) -> TextRole? {
        if let signatureStart, number >= signatureStart { return .signature }
        let depth = depths[number]
        return depth > 0 ? .quote(depth) : nil
    }

    func startsQuoteBlock(_ number: Int) -> Bool { depths[number] > 0 && (number == 0 || depths[number - 1] == 0) }

    /// The line holding byte `offset`.
    func lineNumber(of offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
