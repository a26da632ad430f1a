import FolioCore

/// What the command line prints, made safe once more just before it is printed. Text read from
/// files was cleaned at load (`TextNormalizer`), but a store mapped from a snapshot holds whatever
/// the file held: a snapshot that passed every check may still have been written by someone else
/// (or by an older folio). So every field is passed through the same cleaning as article text:
/// anything that could drive a terminal is removed. Text that needs nothing (all of it, normally)
/// comes back unchanged, so ids still match.
enum PrintableText {
    /// One line: an id, a title, a source, a snippet, a `stats` value. Newlines become spaces.
    static func line(_ text: String) -> String {
        guard needsCleaning(text, newlines: false) else { return text }
        return String(
            String.UnicodeScalarView(
                TextNormalizer.normalize(text).unicodeScalars.map { scalar in
                    scalar == "\n" ? " " : isUnsafe(scalar) ? "\u{FFFD}" : scalar
                }))
    }

    /// Text of several lines: an article's body.
    static func text(_ text: String) -> String {
        guard needsCleaning(text, newlines: true) else { return text }
        return String(
            String.UnicodeScalarView(
                TextNormalizer.normalize(text).unicodeScalars.map { scalar in
                    scalar != "\n" && isUnsafe(scalar) ? "\u{FFFD}" : scalar
                }))
    }

    private static func needsCleaning(_ text: String, newlines: Bool) -> Bool {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || ($0 == 0x0A && newlines) }) { return false }
        return text.unicodeScalars.contains { $0 == "\n" ? !newlines : isUnsafe($0) }
    }

    /// What `TextNormalizer` removes from article text (it keeps "\n"), and what a name never shows raw.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { VisibleControls.needsEscape(scalar) }
}

extension ArticleRow {
    /// The row with every text field cleaned (`PrintableText.line`). A snippet that needed cleaning
    /// loses its highlights: their byte ranges no longer fit its text.
    var printable: ArticleRow {
        var row = self
        row.id = PrintableText.line(id)
        row.title = PrintableText.line(title)
        row.date = date.map(PrintableText.line)
        row.source = PrintableText.line(source)
        row.author = author.map(PrintableText.line)
        row.url = url.map(PrintableText.line)
        row.missing = missing.map(PrintableText.line)
        if let snippet {
            let text = PrintableText.line(snippet.text)
            row.snippet = text == snippet.text ? snippet : Snippet(text: text, hits: [])
        }
        return row
    }
}
