/// A mail or Usenet header block (`Subject:`, `From:`, `Date:`, `Newsgroups:` …) ending at a blank line.
enum MailHeader {
    static let maximumHeaderLines = 100
    /// At least one of these must be present, so prose that happens to start with "Note: …" is not a header.
    static let recognisedKeys: Set<String> = ["subject", "from", "date", "newsgroups", "message-id", "to"]
    /// A block of one line needs one of these: a lone `From: Russia with love` is a title, not a mail.
    static let standaloneKeys: Set<String> = ["subject", "date", "newsgroups", "message-id"]

    static func split(_ text: Substring) -> (fields: ArticleParser.Fields, body: Substring)? {
        // Most files are not mail: a header's first line is `Name:` with no space before the colon.
        guard looksLikeHeaderLine(text) else { return nil }
        var fields = ArticleParser.Fields()
        var sawRecognised = false
        var cursor = text.startIndex
        var lines = 0
        var lastKey: String? = nil
        var firstKey: String? = nil
        while cursor < text.endIndex {
            let line = text[cursor...].prefix(while: { $0 != "\n" })
            let next = line.endIndex < text.endIndex ? text.index(after: line.endIndex) : line.endIndex
            if line.isEmpty {
                guard sawRecognised, lines > 1 || (lines == 1 && standaloneKeys.contains(firstKey ?? "")) else { return nil }
                return (fields, text[next...])
            }
            lines += 1
            if lines > maximumHeaderLines { return nil }
            if line.first == " " {
                // A folded continuation of the previous header (RFC 5322 §2.2.3).
                guard lastKey != nil else { return nil }
                if lastKey == "subject", let title = fields.title {
                    fields.title = title + " " + String(line.trimmingSpaces())
                }
                cursor = next
                continue
            }
            guard let colon = line.firstIndex(of: ":"), isFieldName(line[..<colon]) else { return nil }
            let key = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...].trimmingSpaces())
            lastKey = key
            firstKey = firstKey ?? key
            if recognisedKeys.contains(key) { sawRecognised = true }
            switch key {
            case "subject": fields.title = fields.title ?? value
            case "date": fields.date = fields.date ?? value
            case "from": fields.author = fields.author ?? displayName(from: value)
            case "newsgroups":
                fields.source = fields.source ?? value.split(separator: ",").first.map { String($0.trimmingSpaces()) }
            default: break
            }
            cursor = next
        }
        return nil
    }

    static func looksLikeHeaderLine(_ text: Substring) -> Bool {
        for byte in text.utf8.prefix(41) {
            if byte == 0x3A { return true }
            if byte <= 0x20 || byte >= 0x7F { return false }
        }
        return false
    }

    /// Header names are printable ASCII without spaces (RFC 5322 ftext).
    static func isFieldName(_ name: Substring) -> Bool {
        !name.isEmpty && name.count <= 40 && name.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 }
    }

    /// `Jane Doe <jane@example.org>` → `Jane Doe`; a bare address stays as it is.
    static func displayName(from value: String) -> String {
        if let angle = value.firstIndex(of: "<") {
            let name = value[..<angle].trimmingSpaces().trimmingQuotes()
            if !name.isEmpty { return String(name) }
        }
        return value
    }
}

extension Substring {
    func trimmingQuotes() -> Substring {
        var text = self
        if text.first == "\"" { text = text.dropFirst() }
        if text.last == "\"" { text = text.dropLast() }
        return text
    }
}
