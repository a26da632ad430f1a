// Code blocks: each line its own block, never re-wrapped (architecture.md §10).

extension MarkdownRenderer {
    /// Lines indented four spaces or more (blank lines inside kept) are code.
    mutating func indentedCode(_ lines: ArraySlice<Range<Int>>, from start: Int, into blocks: inout [RenderedBlock]) -> Int {
        var end = start
        var lastCode = start
        while end < lines.endIndex {
            let line = lines[end]
            let indent = indentation(line)
            if indent == line.count {
                end += 1
                continue
            }
            guard indent >= 4 else { break }
            lastCode = end
            end += 1
        }
        for index in start...lastCode {
            let line = lines[index]
            blocks.append(codeLine(min(line.upperBound, line.lowerBound + 4)..<line.upperBound))
        }
        return lastCode + 1
    }

    /// From an opening fence to a closing one of the same character, at least as long (or to the
    /// end of the container).
    mutating func fencedCode(
        _ lines: ArraySlice<Range<Int>>, from start: Int, fence: (byte: UInt8, length: Int), into blocks: inout [RenderedBlock]
    ) -> Int {
        let opening = lines[start]
        let fenceIndent = indentation(opening)
        var index = start + 1
        while index < lines.endIndex {
            let line = lines[index]
            let content = (line.lowerBound + indentation(line))..<line.upperBound
            if !content.isEmpty, let closing = self.fence(content), closing.byte == fence.byte, closing.length >= fence.length,
                trimmed(content).count == closing.length
            {
                return index + 1
            }
            let strip = min(fenceIndent, indentation(line))
            blocks.append(codeLine((line.lowerBound + strip)..<line.upperBound))
            index += 1
        }
        return index
    }

    /// One line of code, indented by two columns, drawn in the code style and never wrapped.
    func codeLine(_ range: Range<Int>) -> RenderedBlock {
        var block = RenderedBlock()
        block.wraps = false
        for offset in range { block.append(bytes[offset], source: offset) }
        block.addSpan(from: 0, role: .code)
        let indent = [RenderedBlock.PrefixPart(text: "  ", role: nil)]
        block.prepend(first: indent, rest: indent)
        return block
    }
}
