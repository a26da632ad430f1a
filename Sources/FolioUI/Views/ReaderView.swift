import TerminalCore

/// The reading pane: the laid-out article from its scroll offset, hits highlighted, the current hit
/// in its own style.
enum ReaderView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout ScreenGrid, theme: Theme) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: theme.text)
        guard let reader = state.reader else {
            let message = state.rows.isEmpty ? "" : "Enter opens the selected article"
            grid.putCentred(message, row: rect.y + rect.height / 2, in: rect, style: theme.dim)
            return
        }
        let document = reader.document
        // The current hit alone gets its own style, even when its line holds other hits.
        let current = reader.currentHit.flatMap { document.hitLines.indices.contains($0) ? $0 : nil }
        let currentLine = current.map { document.hitLines[$0] }
        let currentSpan = current.map { document.hitSpans[$0] }
        // Centre the measure in a wide pane; one column of margin otherwise.
        let textWidth = document.width
        let left = rect.x + max(1, (rect.width - textWidth) / 2)
        for screenRow in 0..<rect.height {
            let index = reader.offset + screenRow
            guard index < document.lines.count else { break }
            let line = document.lines[index]
            let style: Style
            switch line.kind {
            case .title: style = theme.title
            case .metadata: style = theme.metadata
            case .blank, .body: style = theme.text
            }
            let hits = line.hits.map { hit in
                (range: hit, style: index == currentLine && hit == currentSpan ? theme.currentHit : theme.hit)
            }
            let segments = line.spans.isEmpty ? hits : styledSegments(line, hits: hits, base: style, theme: theme)
            grid.put(
                line.text, styledHits: segments, row: rect.y + screenRow, column: left, style: style, maxWidth: rect.maxX - left)
        }
    }

    /// The line cut where a span or hit starts or ends, each piece in its spans' styles laid over
    /// `base` (in order, so an inner span wins), or a hit's style, which replaces them.
    static func styledSegments(
        _ line: ReaderDocument.Line, hits: [(range: Range<Int>, style: Style)], base: Style, theme: Theme
    ) -> [(range: Range<Int>, style: Style)] {
        var cuts = Set<Int>()
        for span in line.spans { cuts.formUnion([span.range.lowerBound, span.range.upperBound]) }
        for hit in hits { cuts.formUnion([hit.range.lowerBound, hit.range.upperBound]) }
        let points = cuts.sorted()
        var segments: [(range: Range<Int>, style: Style)] = []
        for (start, end) in zip(points, points.dropFirst()) {
            if let hit = hits.first(where: { $0.range.lowerBound <= start && end <= $0.range.upperBound }) {
                segments.append((start..<end, hit.style))
                continue
            }
            let covering = line.spans.filter { $0.range.lowerBound <= start && end <= $0.range.upperBound }
            guard !covering.isEmpty else { continue }
            segments.append((start..<end, covering.reduce(base) { $0.overlaid(with: theme.style(for: $1.role)) }))
        }
        return segments
    }

    /// "42%", "Top", "All", "End" — like less and vim.
    static func position(_ reader: ReaderState, height: Int) -> String {
        let total = reader.document.lines.count
        if total <= height { return "All" }
        if reader.offset == 0 { return "Top" }
        if reader.offset + height >= total { return "End" }
        return "\(min(99, (reader.offset + height) * 100 / total))%"
    }
}
