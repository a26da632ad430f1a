import FolioCore
import TerminalCore

/// Markdown blocks of an article body, rendered for the reading pane (architecture.md §10):
/// headings, paragraphs, bullet and numbered lists, block quotes, fenced and indented code,
/// horizontal rules and pipe tables (drawn when they fit `width`, else left as text). Pure and one
/// pass over the lines; containers (quotes, list items) are parsed by stripping their markers from
/// the lines and rendering what is left, then putting their prefix before the blocks they hold.
struct MarkdownRenderer {
    let bytes: [UInt8]
    var inline: MarkdownInline
    /// The pane's text width, for rules and for deciding whether a table fits.
    let width: Int

    /// Whether `article` is rendered: Markdown files, and pages converted from HTML to Markdown.
    static func renders(_ article: Article) -> Bool {
        guard let dot = article.id.lastIndex(of: ".") else { return false }
        return ["md", "markdown", "mdown", "mkd", "html", "htm", "xhtml"].contains(
            article.id[article.id.index(after: dot)...].lowercased())
    }

    init(body: String, width: Int) {
        bytes = Array(body.utf8)
        inline = MarkdownInline(bytes: [], sources: [], urls: [])
        self.width = width
    }

    /// The rendered blocks of the whole body, and the link addresses they name.
    mutating func render() -> (blocks: [RenderedBlock], urls: [String]) {
        var lines: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(start..<offset)
            start = offset + 1
        }
        lines.append(start..<bytes.count)
        let blocks = renderBlocks(lines[...], available: width, isTight: false)
        return (blocks, inline.urls)
    }

    // MARK: Blocks

    /// Renders a run of lines (the body, or a container's contents) into blocks separated by blanks
    /// (no blanks in a tight list item).
    mutating func renderBlocks(_ lines: ArraySlice<Range<Int>>, available: Int, isTight: Bool) -> [RenderedBlock] {
        var blocks: [RenderedBlock] = []
        var index = lines.startIndex
        func separate() { if !blocks.isEmpty && !isTight { blocks.append(.blank()) } }
        while index < lines.endIndex {
            let line = lines[index]
            let indent = indentation(line)
            let content = (line.lowerBound + indent)..<line.upperBound
            if content.isEmpty {
                index += 1
                continue
            }
            if indent >= 4 {
                separate()
                index = indentedCode(lines, from: index, into: &blocks)
            } else if let fence = fence(content) {
                separate()
                index = fencedCode(lines, from: index, fence: fence, into: &blocks)
            } else if let level = headingLevel(content) {
                separate()
                blocks.append(heading(content, level: level))
                index += 1
            } else if isRule(content) {
                separate()
                var rule = RenderedBlock()
                rule.isRule = true
                blocks.append(rule)
                index += 1
            } else if bytes[content.lowerBound] == UInt8(ascii: ">") {
                separate()
                index = quote(lines, from: index, available: available, into: &blocks)
            } else if listMarker(content) != nil {
                separate()
                index = list(lines, from: index, available: available, into: &blocks)
            } else if let table = table(lines, from: index, available: available) {
                separate()
                blocks += table.blocks
                index = table.next
            } else {
                separate()
                index = paragraph(lines, from: index, into: &blocks)
            }
        }
        return blocks
    }

    /// A paragraph runs to a blank line or a line that starts another block; a line of `=` or `-`
    /// under it makes it a heading (setext).
    private mutating func paragraph(_ lines: ArraySlice<Range<Int>>, from start: Int, into blocks: inout [RenderedBlock]) -> Int {
        var index = start
        var parts: [Range<Int>] = []
        var level: Int?
        while index < lines.endIndex {
            let line = lines[index]
            let content = (line.lowerBound + indentation(line))..<line.upperBound
            if content.isEmpty { break }
            if !parts.isEmpty {
                if let underline = setextLevel(content) {
                    level = underline
                    index += 1
                    break
                }
                if startsBlock(content) { break }
            }
            parts.append(content)
            index += 1
        }
        var block = inlineBlock(parts)
        if let level { decorateHeading(&block, level: level) }
        blocks.append(block)
        return index
    }

    private mutating func heading(_ content: Range<Int>, level: Int) -> RenderedBlock {
        var text = (content.lowerBound + level)..<content.upperBound
        text = trimmed(text)
        // Closing hashes ("## Title ##") are decoration.
        var end = text.upperBound
        while end > text.lowerBound, bytes[end - 1] == UInt8(ascii: "#") { end -= 1 }
        if end == text.lowerBound || bytes[end - 1] == 0x20 { text = trimmed(text.lowerBound..<end) }
        var block = inlineBlock([text])
        decorateHeading(&block, level: level)
        return block
    }

    private func decorateHeading(_ block: inout RenderedBlock, level: Int) {
        block.spans.insert(StyledSpan(range: 0..<block.bytes.count, role: .heading(level)), at: 0)
        let marker = String(repeating: "#", count: level) + " "
        block.prepend(
            first: [.init(text: marker, role: .marker)], rest: [.init(text: String(repeating: " ", count: level + 1), role: nil)])
    }

    /// Lines joined by spaces, then their inlines rendered.
    mutating func inlineBlock(_ parts: [Range<Int>]) -> RenderedBlock {
        var text: [UInt8] = []
        var sources: [Int] = []
        for part in parts {
            if !text.isEmpty {
                text.append(0x20)
                sources.append(-1)
            }
            text += bytes[part]
            sources += Array(part)
        }
        // The addresses move into the inline parser and back, not copied for every block.
        var urls: [String] = []
        swap(&urls, &inline.urls)
        inline = MarkdownInline(bytes: text, sources: sources, urls: urls)
        var block = RenderedBlock()
        inline.render(0..<text.count, into: &block)
        return block
    }

    /// Lines starting `>` (lazy continuation lines included) are a quote: `>` and one space are
    /// taken off and the rest rendered as blocks, then each line gets a bar.
    private mutating func quote(
        _ lines: ArraySlice<Range<Int>>, from start: Int, available: Int, into blocks: inout [RenderedBlock]
    ) -> Int {
        var inner: [Range<Int>] = []
        var index = start
        while index < lines.endIndex {
            let line = lines[index]
            let content = (line.lowerBound + indentation(line))..<line.upperBound
            if content.isEmpty { break }
            if bytes[content.lowerBound] == UInt8(ascii: ">") {
                var stripped = content.lowerBound + 1
                if stripped < content.upperBound, bytes[stripped] == 0x20 { stripped += 1 }
                inner.append(stripped..<content.upperBound)
            } else if !inner.isEmpty, !startsBlock(content), !(inner.last.map { $0.isEmpty } ?? true) {
                inner.append(content)  // a lazy continuation of the quoted paragraph
            } else {
                break
            }
            index += 1
        }
        var quoted = renderBlocks(inner[...], available: available - 2, isTight: false)
        let bar = [RenderedBlock.PrefixPart(text: "│ ", role: .marker)]
        for position in quoted.indices {
            quoted[position].prepend(first: bar, rest: bar)
            guard !quoted[position].bytes.isEmpty else { continue }
            // A quote inside a quote is one deeper (its blocks already carry the inner depth).
            if case .quote(let depth) = quoted[position].spans.first?.role {
                quoted[position].spans[0].role = .quote(depth + 1)
            } else {
                quoted[position].spans.insert(StyledSpan(range: 0..<quoted[position].bytes.count, role: .quote(1)), at: 0)
            }
        }
        blocks += quoted
        return index
    }

    // MARK: Recognising lines

    func indentation(_ line: Range<Int>) -> Int {
        var index = line.lowerBound
        while index < line.upperBound, bytes[index] == 0x20 { index += 1 }
        return index - line.lowerBound
    }

    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
        return lower..<upper
    }

    /// Whether a line (without its indentation) starts a block that interrupts a paragraph.
    func startsBlock(_ content: Range<Int>) -> Bool {
        let first = bytes[content.lowerBound]
        return first == UInt8(ascii: ">") || headingLevel(content) != nil || fence(content) != nil || isRule(content)
            || (listMarker(content) != nil && (first == UInt8(ascii: "1") || !(first >= 0x30 && first <= 0x39)))
    }

    /// `#` to `######` followed by a space (or nothing).
    func headingLevel(_ content: Range<Int>) -> Int? {
        var level = 0
        while content.lowerBound + level < content.upperBound, bytes[content.lowerBound + level] == UInt8(ascii: "#") {
            level += 1
        }
        guard (1...6).contains(level) else { return nil }
        let after = content.lowerBound + level
        return after == content.upperBound || bytes[after] == 0x20 ? level : nil
    }

    /// `===` under a paragraph: level 1; `---`: level 2.
    func setextLevel(_ content: Range<Int>) -> Int? {
        let text = trimmed(content)
        guard let first = text.first.map({ bytes[$0] }), first == UInt8(ascii: "=") || first == UInt8(ascii: "-") else {
            return nil
        }
        guard bytes[text].allSatisfy({ $0 == first }) else { return nil }
        return first == UInt8(ascii: "=") ? 1 : 2
    }

    /// Three or more `-`, `*` or `_`, spaces allowed between.
    func isRule(_ content: Range<Int>) -> Bool {
        let first = bytes[content.lowerBound]
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else { return false }
        var count = 0
        for byte in bytes[content] {
            if byte == first {
                count += 1
            } else if byte != 0x20 {
                return false
            }
        }
        return count >= 3
    }

    /// A code fence: three or more backticks or tildes; the character and the length.
    func fence(_ content: Range<Int>) -> (byte: UInt8, length: Int)? {
        let first = bytes[content.lowerBound]
        guard first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        var length = 0
        while content.lowerBound + length < content.upperBound, bytes[content.lowerBound + length] == first { length += 1 }
        guard length >= 3 else { return nil }
        // A backtick fence's info string has no backtick (else it is inline code).
        if first == UInt8(ascii: "`"), bytes[(content.lowerBound + length)..<content.upperBound].contains(first) { return nil }
        return (first, length)
    }
}
