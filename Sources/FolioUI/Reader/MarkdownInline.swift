/// Markdown inlines of one block's text: code spans, emphasis and strong, links, autolinks, bare
/// addresses, images and backslash escapes (a practical subset of CommonMark: no reference links,
/// no raw HTML). Markup is left out and decoration inserted; each byte kept carries its body offset.
struct MarkdownInline {
    /// The block's text with lines joined by spaces, and the body offset of each byte (-1: a join).
    let bytes: [UInt8]
    let sources: [Int]
    /// The addresses of the links found so far in the article (a `.link(n)` span names `urls[n]`).
    var urls: [String]

    /// Renders `range` of the text into `block`.
    mutating func render(_ range: Range<Int>, into block: inout RenderedBlock) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\") where index + 1 < end && Self.isPunctuation(bytes[index + 1]):
                block.append(bytes[index + 1], source: sources[index + 1])
                index += 2
                continue
            case UInt8(ascii: "`"):
                if let next = codeSpan(at: index, end: end, into: &block) {
                    index = next
                    continue
                }
            case UInt8(ascii: "!") where index + 1 < end && bytes[index + 1] == UInt8(ascii: "["):
                if let link = link(at: index + 1, end: end) {
                    let start = block.bytes.count
                    block.appendInserted("[image: ")
                    copy(link.text, into: &block)
                    block.appendInserted("]")
                    block.addSpan(from: start, role: .image)
                    index = link.next
                    continue
                }
            case UInt8(ascii: "["):
                if let link = link(at: index, end: end) {
                    let start = block.bytes.count
                    render(link.text, into: &block)
                    if let url = LinkDetector.checked(link.url) {
                        urls.append(url)
                        block.addSpan(from: start, role: .link(urls.count - 1))
                    }
                    index = link.next
                    continue
                }
            case UInt8(ascii: "<"):
                if let close = bytes[(index + 1)..<end].firstIndex(of: UInt8(ascii: ">")),
                    let url = LinkDetector.checked(String(decoding: bytes[(index + 1)..<close], as: UTF8.self))
                {
                    let start = block.bytes.count
                    copy((index + 1)..<close, into: &block)
                    urls.append(url)
                    block.addSpan(from: start, role: .link(urls.count - 1))
                    index = close + 1
                    continue
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                if let next = emphasis(at: index, end: end, into: &block) {
                    index = next
                    continue
                }
            case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "m"), UInt8(ascii: "M"):
                if index == 0 || !LinkDetector.isWordByte(bytes[index - 1]),
                    let addressEnd = LinkDetector.addressEnd(in: bytes, from: index, upTo: end),
                    let url = LinkDetector.checked(String(decoding: bytes[index..<addressEnd], as: UTF8.self))
                {
                    let start = block.bytes.count
                    copy(index..<addressEnd, into: &block)
                    urls.append(url)
                    block.addSpan(from: start, role: .link(urls.count - 1))
                    index = addressEnd
                    continue
                }
            default:
                break
            }
            block.append(byte, source: sources[index])
            index += 1
        }
    }

    private func copy(_ range: Range<Int>, into block: inout RenderedBlock) {
        for index in range { block.append(bytes[index], source: sources[index]) }
    }

    /// `` `code` ``: a run of backticks closed by a run of the same length; one space inside each
    /// end is dropped when both have one. Returns where the text goes on, or nil (no closing run).
    private func codeSpan(at start: Int, end: Int, into block: inout RenderedBlock) -> Int? {
        let run = runLength(of: UInt8(ascii: "`"), at: start, end: end)
        var search = start + run
        while search < end {
            guard bytes[search] == UInt8(ascii: "`") else {
                search += 1
                continue
            }
            let closing = runLength(of: UInt8(ascii: "`"), at: search, end: end)
            if closing == run {
                var inner = (start + run)..<search
                if inner.count >= 2, bytes[inner.lowerBound] == 0x20, bytes[inner.upperBound - 1] == 0x20 {
                    inner = (inner.lowerBound + 1)..<(inner.upperBound - 1)
                }
                let spanStart = block.bytes.count
                copy(inner, into: &block)
                block.addSpan(from: spanStart, role: .code)
                return search + closing
            }
            search += closing
        }
        return nil
    }

    /// `*em*`, `_em_`, `**strong**`, `__strong__`, `***both***`: an opening run followed by a
    /// non-space, closed by a run of the same character and length preceded by a non-space. An `_`
    /// run inside a word (snake_case) is text.
    private mutating func emphasis(at start: Int, end: Int, into block: inout RenderedBlock) -> Int? {
        let marker = bytes[start]
        let run = min(3, runLength(of: marker, at: start, end: end))
        let isUnderscore = marker == UInt8(ascii: "_")
        guard start + run < end, bytes[start + run] != 0x20 else { return nil }
        if isUnderscore && start > 0 && LinkDetector.isWordByte(bytes[start - 1]) { return nil }
        var search = start + run + 1
        while search < end {
            guard bytes[search] == marker else {
                search += 1
                continue
            }
            let closing = runLength(of: marker, at: search, end: end)
            let after = search + closing
            if closing == run, bytes[search - 1] != 0x20,
                !isUnderscore || after >= end || !LinkDetector.isWordByte(bytes[after])
            {
                let spanStart = block.bytes.count
                render((start + run)..<search, into: &block)
                if run != 2 { block.addSpan(from: spanStart, role: .emphasis) }
                if run >= 2 { block.addSpan(from: spanStart, role: .strong) }
                return after
            }
            search = after
        }
        return nil
    }

    /// `[text](address "title")` at `start`: the text's range, the address, and where the text goes on.
    private func link(at start: Int, end: Int) -> (text: Range<Int>, url: String, next: Int)? {
        var depth = 0
        var index = start
        var closeBracket: Int?
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 {
                    closeBracket = index
                    break
                }
            }
            index += 1
        }
        guard let closeBracket, closeBracket + 1 < end, bytes[closeBracket + 1] == UInt8(ascii: "(") else { return nil }
        var parens = 0
        var close = closeBracket + 1
        while close < end {
            if bytes[close] == UInt8(ascii: "(") { parens += 1 }
            if bytes[close] == UInt8(ascii: ")") {
                parens -= 1
                if parens == 0 { break }
            }
            close += 1
        }
        guard close < end else { return nil }
        var destination = bytes[(closeBracket + 2)..<close].drop { $0 == 0x20 }
        if destination.first == UInt8(ascii: "<"), let closing = destination.firstIndex(of: UInt8(ascii: ">")) {
            destination = destination[(destination.startIndex + 1)..<closing]
        } else if let space = destination.firstIndex(of: 0x20) {
            destination = destination[..<space]  // a title follows
        }
        return ((start + 1)..<closeBracket, String(decoding: destination, as: UTF8.self), close + 1)
    }

    private func runLength(of byte: UInt8, at start: Int, end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == byte { index += 1 }
        return index - start
    }

    static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
