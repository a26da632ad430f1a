/// Writes a page's text as Markdown-style lines: paragraphs apart by a blank line, `#` headings,
/// `- ` and `1. ` list items (nested ones indented), `> ` quotes, fenced code and `[text](url)`
/// links. White space in text collapses as a browser collapses it.
struct MarkdownWriter {
    /// What goes between the last line written and the next one.
    enum Separation: Int, Comparable {
        case none, newline, blankLine
        static func < (lhs: Separation, rhs: Separation) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A quote or a list item around the text: each line starts with its marker, the item's marker
    /// only on its first line and spaces of the same width after that.
    private struct Container {
        var marker: String
        var continuation: String
        var isQuote: Bool
        var markerUsed = false
    }

    /// Where a link's text starts: the paragraph, its line and the byte offset in it.
    struct LinkStart {
        fileprivate var paragraph: Int
        fileprivate var line: Int
        fileprivate var offset: Int
    }

    private(set) var output = ""
    private var containers: [Container] = []
    private var separation = Separation.none
    /// The current paragraph: its finished lines (after `<br>`) and the line being written.
    private var lines: [String] = []
    /// How many paragraphs were written: a link whose text crossed a block is left as text.
    private var paragraphs = 0
    private var line = ""
    private var pendingSpace = false
    /// Written before the paragraph's first line: "## " for a heading.
    private var lead = ""
    /// A heading is one line: a `<br>` in it is a space.
    private var joinsLines = false
    /// How many lists are open: inside one, blocks are apart by a line end, not a blank line.
    private(set) var listDepth = 0

    /// The separation a paragraph-like block wants here.
    var blockSeparation: Separation { listDepth > 0 ? .newline : .blankLine }

    /// Page text: runs of white space become one space; none at the start of a line.
    mutating func text(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D, 0xA0:
                if !line.isEmpty { pendingSpace = true }
            default:
                if pendingSpace {
                    line.append(" ")
                    pendingSpace = false
                }
                line.unicodeScalars.append(scalar)
            }
        }
    }

    /// Markup of the writer's own (backticks), kept as it is, after any pending space.
    mutating func raw(_ text: String) {
        if pendingSpace && !line.isEmpty { line.append(" ") }
        pendingSpace = false
        line += text
    }

    /// `<br>`: a new line in the same paragraph; two in a row end the paragraph.
    mutating func lineBreak() {
        if joinsLines {
            if !line.isEmpty { pendingSpace = true }
            return
        }
        if line.isEmpty {
            if !lines.isEmpty { boundary(blockSeparation) }
            return
        }
        lines.append(line)
        line = ""
        pendingSpace = false
    }

    /// The end of a block: the paragraph so far is written, and the next text starts apart from it.
    mutating func boundary(_ wanted: Separation) {
        flushParagraph()
        separation = max(separation, wanted)
    }

    mutating func beginHeading(level: Int) {
        boundary(blockSeparation)
        lead = String(repeating: "#", count: min(max(level, 1), 6)) + " "
        joinsLines = true
    }

    mutating func endHeading() {
        boundary(blockSeparation)
        joinsLines = false
    }

    mutating func beginQuote() {
        boundary(blockSeparation)
        containers.append(Container(marker: "> ", continuation: "> ", isQuote: true))
    }

    mutating func endQuote() {
        boundary(blockSeparation)
        if let index = containers.lastIndex(where: \.isQuote) { containers.remove(at: index) }
    }

    mutating func beginList() {
        boundary(blockSeparation)
        listDepth += 1
    }

    mutating func endList() {
        flushParagraph()
        listDepth = max(0, listDepth - 1)
        boundary(blockSeparation)
    }

    /// An item marked `marker` ("- ", "3. "); its later lines are indented to the marker's width.
    mutating func beginItem(marker: String) {
        boundary(.newline)
        containers.append(Container(marker: marker, continuation: String(repeating: " ", count: marker.count), isQuote: false))
    }

    mutating func endItem() {
        boundary(.newline)
        if let index = containers.lastIndex(where: { !$0.isQuote }) { containers.remove(at: index) }
    }

    /// Preformatted text between fences, its lines as they are.
    mutating func preformatted(_ text: String) {
        var body = Substring(text)
        // A line end right after <pre> is not content (HTML §13.2.6.4.7).
        if body.first == "\n" { body = body.dropFirst() }
        while body.last == "\n" || body.last == " " { body = body.dropLast() }
        guard !body.isEmpty else { return }
        boundary(blockSeparation)
        let longestRun = body.split(whereSeparator: { $0 != "`" }).map(\.count).max() ?? 0
        let fence = String(repeating: "`", count: max(3, longestRun + 1))
        writeLine(fence)
        for codeLine in body.split(separator: "\n", omittingEmptySubsequences: false) { writeLine(String(codeLine)) }
        writeLine(fence)
        separation = blockSeparation
    }

    /// A line of its own (a table row), apart from the text before it by a line end.
    mutating func rawLine(_ text: String) {
        flushParagraph()
        writeLine(text)
    }

    mutating func beginLink() -> LinkStart {
        if pendingSpace && !line.isEmpty { line.append(" ") }
        pendingSpace = false
        return LinkStart(paragraph: paragraphs, line: lines.count, offset: line.utf8.count)
    }

    /// Makes the text since `start` the link `[text](url)`, when there is text, a URL and no line break.
    mutating func endLink(_ start: LinkStart, url: String?) {
        guard let url, start.paragraph == paragraphs, start.line == lines.count, line.utf8.count > start.offset else {
            return
        }
        let utf8 = Array(line.utf8)
        let before = String(decoding: utf8[..<start.offset], as: UTF8.self)
        let label = String(decoding: utf8[start.offset...], as: UTF8.self)
            .replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
        line = before + "[" + label + "](" + url + ")"
    }

    /// The text written, the last paragraph included.
    mutating func finish() -> String {
        flushParagraph()
        return output
    }

    private mutating func flushParagraph() {
        if !line.isEmpty { lines.append(line) }
        line = ""
        pendingSpace = false
        defer {
            lines.removeAll()
            lead = ""
        }
        guard !lines.isEmpty else { return }
        paragraphs += 1
        for (index, text) in lines.enumerated() { writeLine(index == 0 ? lead + text : text) }
    }

    private mutating func writeLine(_ text: String) {
        if !output.isEmpty {
            output += "\n"
            if separation == .blankLine {
                // Only quotes that already hold a line continue across the blank line.
                let quotes = containers.map { $0.isQuote && $0.markerUsed ? ">" : "" }.joined()
                output += quotes + "\n"
            }
        }
        for index in containers.indices {
            if containers[index].isQuote || !containers[index].markerUsed {
                output += containers[index].marker
                containers[index].markerUsed = true
            } else {
                output += containers[index].continuation
            }
        }
        output += text
        separation = .none
    }
}
