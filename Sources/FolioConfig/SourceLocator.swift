/// Finds where a table or key is written in TOML text. TOMLKit reports positions only for syntax
/// errors, so diagnostics about valid TOML (unknown keys, bad values) get their line from here.
///
/// It reads a document TOMLKit has already accepted, so it can be simple: it follows table headers
/// (`[a.b]`, `[[a]]`), keys (bare, quoted, dotted) and inline tables (`k = { a = 1 }`), skips
/// comments and multi-line strings, and records the first line of every key path and its prefixes.
///
/// The paths are kept in a tree, one node per key part, so that a header of n dotted parts costs n
/// nodes rather than every prefix as its own path (n²/2 parts).
struct SourceLocator {
    /// One key part: the first line (1-based) its path was written on, and the parts under it.
    private struct Node {
        var line: Int
        var children: [String: Int] = [:]
    }

    /// The tree; `nodes[0]` is the root (the document), whose line is never used.
    private var nodes = [Node(line: 0)]
    /// The lines that start a key or a header, sorted: where one value's text ends at the latest.
    private var entryLines: [Int] = []
    private let textLines: [Substring]

    init(_ text: String) {
        textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var table = 0  // the node of the current [table]
        var openString: String? = nil
        for (index, line) in textLines.enumerated() {
            let number = index + 1
            if let delimiter = openString {
                if Self.occurrences(of: delimiter, in: line) % 2 == 1 { openString = nil }
                continue
            }
            var scanner = LineScanner(line)
            scanner.skipSpaces()
            if scanner.peek == "[" {
                let isArray = scanner.starts(with: "[[")
                scanner.advance(by: isArray ? 2 : 1)
                guard let path = scanner.keyPath() else { continue }
                table = record(path, under: 0, line: number)
            } else if let key = scanner.keyPath(), scanner.consume("=") {
                let node = record(key, under: table, line: number)
                scanner.skipSpaces()
                if scanner.peek == "{" { recordInlineTable(&scanner, under: node, line: number) }
                openString = Self.openMultilineString(in: line)
            }
        }
    }

    /// The line of `path` (a table, a key, or a key of an inline table); when the exact path was not
    /// found, the line of its longest written prefix.
    func line(of path: [String]) -> Int? {
        var node = 0
        var line: Int?
        for part in path {
            guard let child = nodes[node].children[part] else { break }
            node = child
            line = nodes[node].line
        }
        return line
    }

    /// How many key parts are recorded (tests: it grows with the text, not with its square).
    var recordedPartCount: Int { nodes.count - 1 }

    /// The line of `value` written as a string (`"x"` or `'x'`) in the value starting on `line`
    /// (a multi-line array); `line` when it is not found there.
    func line(ofString value: String, inValueAt line: Int) -> Int {
        let end = entryLines.first { $0 > line } ?? textLines.count + 1
        for number in line..<end {
            let text = textLines[number - 1]
            if text.contains("\"\(value)\"") || text.contains("'\(value)'") { return number }
        }
        return line
    }

    /// Records `path` below the node `start` (0 for the document); returns the node of its last part.
    private mutating func record(_ path: [String], under start: Int, line: Int) -> Int {
        if entryLines.last != line { entryLines.append(line) }
        var node = start
        for part in path {
            if let child = nodes[node].children[part] {
                node = child
            } else {
                nodes.append(Node(line: line))
                nodes[node].children[part] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        return node
    }

    /// Records the keys of `{ a = 1, b = { c = 2 } }`, the scanner being on the `{`.
    private mutating func recordInlineTable(_ scanner: inout LineScanner, under table: Int, line: Int) {
        scanner.advance(by: 1)
        while true {
            scanner.skipSpaces()
            guard let key = scanner.keyPath(), scanner.consume("=") else { return }
            let node = record(key, under: table, line: line)
            scanner.skipSpaces()
            if scanner.peek == "{" {
                recordInlineTable(&scanner, under: node, line: line)
            } else {
                scanner.skipValue()
            }
            scanner.skipSpaces()
            guard scanner.consume(",") else { return }
        }
    }

    private static func occurrences(of delimiter: String, in line: Substring) -> Int {
        line.split(separator: delimiter, omittingEmptySubsequences: false).count - 1
    }

    /// The delimiter of a multi-line string opened and not closed on this line, if any.
    private static func openMultilineString(in line: Substring) -> String? {
        for delimiter in ["\"\"\"", "'''"] where occurrences(of: delimiter, in: line) % 2 == 1 {
            return delimiter
        }
        return nil
    }
}
