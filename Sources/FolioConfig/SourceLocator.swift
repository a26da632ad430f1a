/// Finds where a table or key is written in TOML text. TOMLKit reports positions only for syntax
/// errors, so diagnostics about valid TOML (unknown keys, bad values) get their line from here.
///
/// It reads a document TOMLKit has already accepted, so it can be simple: it follows table headers
/// (`[a.b]`, `[[a]]`), keys (bare, quoted, dotted) and inline tables (`k = { a = 1 }`), skips
/// comments and multi-line strings, and records the first line of every key path and its prefixes.
struct SourceLocator {
    /// The first line (1-based) each path was written on.
    private var lines: [[String]: Int] = [:]
    /// The lines that start a key or a header, sorted: where one value's text ends at the latest.
    private var entryLines: [Int] = []
    private let textLines: [Substring]

    init(_ text: String) {
        textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var table: [String] = []
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
                table = path
                record(path, line: number)
            } else if let key = scanner.keyPath(), scanner.consume("=") {
                record(table + key, line: number)
                scanner.skipSpaces()
                if scanner.peek == "{" { recordInlineTable(&scanner, path: table + key, line: number) }
                openString = Self.openMultilineString(in: line)
            }
        }
    }

    /// The line of `path` (a table, a key, or a key of an inline table); when the exact path was not
    /// found, the line of its longest written prefix.
    func line(of path: [String]) -> Int? {
        var prefix = path
        while !prefix.isEmpty {
            if let line = lines[prefix] { return line }
            prefix.removeLast()
        }
        return nil
    }

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

    private mutating func record(_ path: [String], line: Int) {
        if entryLines.last != line { entryLines.append(line) }
        for length in 1...max(1, path.count) where length <= path.count {
            let prefix = Array(path.prefix(length))
            if lines[prefix] == nil { lines[prefix] = line }
        }
    }

    /// Records the keys of `{ a = 1, b = { c = 2 } }`, the scanner being on the `{`.
    private mutating func recordInlineTable(_ scanner: inout LineScanner, path: [String], line: Int) {
        scanner.advance(by: 1)
        while true {
            scanner.skipSpaces()
            guard let key = scanner.keyPath(), scanner.consume("=") else { return }
            record(path + key, line: line)
            scanner.skipSpaces()
            if scanner.peek == "{" {
                recordInlineTable(&scanner, path: path + key, line: line)
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
