/// A short run of metadata lines before the title, as scraped news files have them:
///
///     https://www.example.com/news/article-123
///     2021-10-25T14:03:00Z
///     By Jane Doe and John Roe
///     The title of the article
///
/// Recognised lines: a bare `http(s)://` URL, a date `DateParser` reads (optionally after `Date:`,
/// `Published:`, `Posted:` or `Updated:`), `By Name` / `By Name and Name`, and `Source: Name`.
/// The run counts only when it has a URL or a date: a first line "By Royal Appointment" alone is a
/// title, not an author.
enum LeadingMetadata {
    /// More lines than this before the title are not a header.
    static let maximumLines = 5
    static let maximumBylineWords = 8
    static let maximumSourceLength = 60
    static let dateLabels = ["date:", "published:", "posted:", "updated:"]
    static let nameConnectors: Set<Substring> = [
        "and", "&", "de", "del", "da", "di", "van", "von", "der", "den", "le", "la", "bin"
    ]

    private enum Kind { case url, date, byline, source }

    /// The metadata and the text from the line after it, or nil when the text does not start with such a run.
    static func split(_ text: Substring) -> (fields: ArticleParser.Fields, rest: Substring)? {
        var fields = ArticleParser.Fields()
        var cursor = text.startIndex
        var lines = 0
        var anchored = false
        while cursor < text.endIndex, lines < maximumLines {
            let line = text[cursor...].prefix(while: { $0 != "\n" })
            let next = line.endIndex < text.endIndex ? text.index(after: line.endIndex) : line.endIndex
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty {
                cursor = next
                continue
            }
            guard let kind = classify(trimmed, into: &fields) else { break }
            if kind == .url || kind == .date { anchored = true }
            lines += 1
            cursor = next
        }
        let rest = text[cursor...]
        // A longer run is a list of dates or links, not a header.
        var ignored = ArticleParser.Fields()
        if lines == maximumLines, classify(rest.prefix(while: { $0 != "\n" }).trimmingSpaces(), into: &ignored) != nil {
            return nil
        }
        // Without text after it, a lone URL or date is all the file has: it stays the title.
        guard anchored, !rest.trimmingSpaces().isEmpty else { return nil }
        return (fields, rest)
    }

    private static func classify(_ line: Substring, into fields: inout ArticleParser.Fields) -> Kind? {
        if isBareURL(line) {
            fields.url = fields.url ?? String(line)
            return .url
        }
        if let date = dateText(line) {
            fields.date = fields.date ?? String(date)
            return .date
        }
        if let author = byline(line) {
            fields.author = fields.author ?? String(author)
            return .byline
        }
        if let source = sourceLine(line) {
            fields.source = fields.source ?? String(source)
            return .source
        }
        return nil
    }

    static func isBareURL(_ line: Substring) -> Bool {
        let lower = line.prefix(8).lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        return line.count > 10 && !line.contains(" ")
    }

    static func dateText(_ line: Substring) -> Substring? {
        guard line.count <= 60 else { return nil }
        var candidate = line
        let lower = line.prefix(11).lowercased()
        if let label = dateLabels.first(where: { lower.hasPrefix($0) }) {
            candidate = line.dropFirst(label.count).trimmingSpaces()
        }
        return DateParser.parse(candidate) != nil ? candidate : nil
    }

    /// `By Jane Doe`, `By Jane Doe and John Roe`, `BY JANE DOE`: capitalised names, no sentence punctuation.
    static func byline(_ line: Substring) -> Substring? {
        guard line.hasPrefix("By ") || line.hasPrefix("BY ") else { return nil }
        let names = line.dropFirst(3).trimmingSpaces()
        guard let last = names.last, !".!?:;".contains(last) else { return nil }
        let words = names.split(separator: " ")
        guard (1...maximumBylineWords).contains(words.count) else { return nil }
        for word in words where !nameConnectors.contains(word) {
            let letters = word.trimmingCharacters(in: ",")
            guard let initial = letters.first, initial.isUppercase else { return nil }
        }
        return names
    }

    /// `Source: Reuters`: a short name after the label.
    static func sourceLine(_ line: Substring) -> Substring? {
        guard line.hasPrefix("Source:") || line.hasPrefix("SOURCE:") else { return nil }
        let name = line.dropFirst(7).trimmingSpaces()
        guard !name.isEmpty, name.count <= maximumSourceLength, !".!?".contains(name.last!) else { return nil }
        return name
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var text = self
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return text
    }
}
