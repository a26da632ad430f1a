/// YAML front matter at the top of a Markdown file: `---`, `key: value` lines, `---` (or `...`).
///
/// Only flat scalar keys are read (title, date, author, source, url, link), and `tags` (or
/// `keywords`) as a flow list `[a, b]`, a block list of `- a` lines or `a, b`; other lists and nested
/// maps are skipped line by line, since an article needs no more and a YAML library would be a
/// dependency for six fields.
enum FrontMatter {
    static let maximumLines = 200
    /// Tags kept per article, and characters per tag: front matter is data, not a place for a book.
    static let maximumTags = 32
    static let maximumTagLength = 64

    static func split(_ text: Substring) -> (fields: ArticleParser.Fields, body: Substring)? {
        guard text.hasPrefix("---\n") else { return nil }
        var fields = ArticleParser.Fields()
        var cursor = text.index(text.startIndex, offsetBy: 4)
        var lines = 0
        var isReadingTagList = false
        while cursor < text.endIndex, lines < maximumLines {
            let line = text[cursor...].prefix(while: { $0 != "\n" })
            let next = line.endIndex < text.endIndex ? text.index(after: line.endIndex) : line.endIndex
            let trimmed = line.trimmingSpaces()
            if trimmed == "---" || trimmed == "..." {
                return (fields, text[next...])
            }
            // `- tag` under `tags:` (a block list).
            if trimmed.hasPrefix("- "), fields.tags != nil, isReadingTagList {
                addTags([unquote(trimmed.dropFirst(2).trimmingSpaces())], to: &fields)
                cursor = next
                lines += 1
                continue
            }
            isReadingTagList = false
            if let colon = line.firstIndex(of: ":"), line.first != " ", line.first != "-" {
                let key = line[..<colon].trimmingSpaces().lowercased()
                let value = unquote(line[line.index(after: colon)...].trimmingSpaces())
                if (key == "tags" || key == "keywords") && fields.tags == nil {
                    fields.tags = []
                    isReadingTagList = value.isEmpty
                    var list = Substring(value)
                    if list.hasPrefix("[") && list.hasSuffix("]") { list = list.dropFirst().dropLast() }
                    addTags(list.split(separator: ",").map { unquote($0.trimmingSpaces()) }, to: &fields)
                } else if !value.isEmpty {
                    switch key {
                    case "title": fields.title = fields.title ?? value
                    case "date", "published", "pubdate": fields.date = fields.date ?? value
                    case "author": fields.author = fields.author ?? value
                    case "source", "publisher", "site": fields.source = fields.source ?? value
                    case "url", "link": fields.url = fields.url ?? value
                    default: break
                    }
                }
            }
            cursor = next
            lines += 1
        }
        return nil  // no closing line: not front matter, read the file as plain text
    }

    private static func addTags(_ tags: [String], to fields: inout ArticleParser.Fields) {
        for tag in tags where !tag.isEmpty && (fields.tags?.count ?? 0) < maximumTags {
            fields.tags?.append(String(tag.prefix(maximumTagLength)))
        }
    }

    /// 'quoted' or "quoted" YAML scalars; a plain scalar loses a trailing ` # comment`.
    static func unquote(_ value: Substring) -> String {
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            let inner = value.dropFirst().dropLast()
            return String(first == "'" ? inner.replacing("''", with: "'") : inner.replacing("\\\"", with: "\""))
        }
        if let comment = value.range(of: " #") { return String(value[..<comment.lowerBound]).trimmingCharactersSpaces() }
        return String(value)
    }
}

extension String {
    func trimmingCharactersSpaces() -> String { String(trimmingSpaces()) }
}
