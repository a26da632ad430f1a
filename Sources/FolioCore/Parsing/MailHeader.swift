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
        var firstKey: String? = nil
        // The field being read, applied once its folded lines are all seen.
        var pending: (key: String, value: String)? = nil
        while cursor < text.endIndex {
            let line = text[cursor...].prefix(while: { $0 != "\n" })
            let next = line.endIndex < text.endIndex ? text.index(after: line.endIndex) : line.endIndex
            if line.isEmpty {
                guard sawRecognised, lines > 1 || (lines == 1 && standaloneKeys.contains(firstKey ?? "")) else { return nil }
                if let pending { apply(pending.key, pending.value, to: &fields) }
                return (fields, text[next...])
            }
            lines += 1
            if lines > maximumHeaderLines { return nil }
            if line.first == " " {
                // A folded continuation of the previous header (RFC 5322 §2.2.3).
                guard pending != nil else { return nil }
                pending!.value += " " + line.trimmingSpaces()
                cursor = next
                continue
            }
            guard let colon = line.firstIndex(of: ":"), isFieldName(line[..<colon]) else { return nil }
            if let pending { apply(pending.key, pending.value, to: &fields) }
            let key = line[..<colon].lowercased()
            pending = (key, String(line[line.index(after: colon)...].trimmingSpaces()))
            firstKey = firstKey ?? key
            if recognisedKeys.contains(key) { sawRecognised = true }
            cursor = next
        }
        return nil
    }

    /// Sets the article field a mail header gives, if it is one of them (the first of each wins).
    /// RFC 2047 encoded words are decoded, and the decoded text normalised: it can hold any character.
    static func apply(_ key: String, _ value: String, to fields: inout ArticleParser.Fields) {
        switch key {
        case "subject": fields.title = fields.title ?? decoded(value)
        case "date": fields.date = fields.date ?? value
        case "from": fields.author = fields.author ?? displayName(from: decoded(value))
        case "newsgroups":
            fields.source = fields.source ?? value.split(separator: ",").first.map { String($0.trimmingSpaces()) }
        default: break
        }
    }

    /// A header value with its encoded words decoded, as safe text on one line.
    static func decoded(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        return TextNormalizer.normalize(EncodedWords.decode(value)).replacingNewlines()
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
