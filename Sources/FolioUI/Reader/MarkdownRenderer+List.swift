import TerminalCore

// Bullet and numbered lists: each item's contents rendered as blocks, with the bullet before its
// first line and a hanging indent before the others (architecture.md §10).

extension MarkdownRenderer {
    /// A list item's marker: the text drawn for it ("•", "3."), and how many bytes of the line the
    /// marker and the spaces after it take.
    struct ListMarker {
        var drawn: String
        var width: Int
    }

    /// `- `, `* `, `+ `, `1. `, `1) ` at the start of `content`.
    func listMarker(_ content: Range<Int>) -> ListMarker? {
        let first = bytes[content.lowerBound]
        var markerEnd: Int
        var drawn: String
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            markerEnd = content.lowerBound + 1
            drawn = "•"
        } else {
            var index = content.lowerBound
            while index < content.upperBound, index - content.lowerBound < 9, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                index += 1
            }
            guard index > content.lowerBound, index < content.upperBound,
                bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
            else { return nil }
            markerEnd = index + 1
            drawn = String(decoding: bytes[content.lowerBound..<index], as: UTF8.self) + "."
        }
        if markerEnd == content.upperBound { return ListMarker(drawn: drawn, width: markerEnd - content.lowerBound) }
        guard bytes[markerEnd] == 0x20 else { return nil }
        var spaces = 0
        while markerEnd + spaces < content.upperBound, bytes[markerEnd + spaces] == 0x20 { spaces += 1 }
        // Five spaces or more after the marker: one belongs to it, the rest is indented code.
        if spaces > 4 || markerEnd + spaces == content.upperBound { spaces = 1 }
        return ListMarker(drawn: drawn, width: markerEnd + spaces - content.lowerBound)
    }

    /// Consecutive items (a blank line between two makes the list loose: blank lines between them).
    mutating func list(
        _ lines: ArraySlice<Range<Int>>, from start: Int, available: Int, into blocks: inout [RenderedBlock]
    ) -> Int {
        var index = start
        var isFirstItem = true
        var blankBefore = false
        while index < lines.endIndex {
            let line = lines[index]
            let indent = indentation(line)
            let content = (line.lowerBound + indent)..<line.upperBound
            guard !content.isEmpty, indent < 4, let marker = listMarker(content) else { break }
            let column = indent + marker.width
            var itemLines: [Range<Int>] = [min(line.upperBound, line.lowerBound + column)..<line.upperBound]
            var isLoose = false
            var next = index + 1
            var sawBlank = false
            while next < lines.endIndex {
                let candidate = lines[next]
                let candidateIndent = indentation(candidate)
                if candidateIndent == candidate.count {
                    sawBlank = true
                    next += 1
                    continue
                }
                let candidateContent = (candidate.lowerBound + candidateIndent)..<candidate.upperBound
                if candidateIndent >= column {
                    if sawBlank {
                        isLoose = true
                        itemLines.append(candidate.lowerBound..<candidate.lowerBound)
                    }
                    itemLines.append((candidate.lowerBound + column)..<candidate.upperBound)
                } else if !sawBlank && !startsBlock(candidateContent) && listMarker(candidateContent) == nil {
                    itemLines.append(candidateContent)  // a lazy continuation
                } else {
                    break
                }
                sawBlank = false
                next += 1
            }
            let drawnWidth = DisplayWidth.of(marker.drawn) + 1
            var item = renderBlocks(itemLines[...], available: available - drawnWidth, isTight: !isLoose)
            if item.isEmpty { item = [RenderedBlock()] }
            let hanging = [RenderedBlock.PrefixPart(text: String(repeating: " ", count: drawnWidth), role: nil)]
            for position in item.indices {
                let first = position == 0 ? [RenderedBlock.PrefixPart(text: marker.drawn + " ", role: .marker)] : hanging
                item[position].prepend(first: first, rest: hanging)
            }
            if !isFirstItem && (blankBefore || isLoose) { blocks.append(.blank()) }
            blocks += item
            isFirstItem = false
            blankBefore = sawBlank
            index = next
            // A blank line then something that is not an item ends the list.
            if sawBlank, index < lines.endIndex {
                let following = lines[index]
                let followingContent = (following.lowerBound + indentation(following))..<following.upperBound
                if followingContent.isEmpty || listMarker(followingContent) == nil { break }
            }
        }
        return index
    }
}
