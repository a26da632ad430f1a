/// Derives a title when a file has none: its first sentence, trimmed to a readable length.
enum TitleMaker {
    /// Words that end with a period without ending a sentence ("Sept. 28", "Mr. Legend").
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "rep", "sen", "gov", "lt", "col",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "vs", "etc", "no", "inc", "ltd", "co", "corp", "u.s", "e.g", "i.e"
    ]
    /// A first sentence shorter than this ("On a healing journey.") takes the next one too.
    static let shortSentence = 30

    static func firstSentence(of text: Substring, limit: Int) -> String {
        let paragraph = text.drop(while: { $0 == " " || $0 == "\n" }).prefix(while: { $0 != "\n" })
        var end = sentenceEnd(in: paragraph, from: paragraph.startIndex)
        if let first = end, paragraph.distance(from: paragraph.startIndex, to: first) < shortSentence {
            end = sentenceEnd(in: paragraph, from: first) ?? paragraph.endIndex
        }
        let sentence = paragraph[..<(end ?? paragraph.endIndex)].trimmingSpaces()
        return shorten(sentence, to: limit)
    }

    /// The index just after the sentence-ending punctuation, if the paragraph has one after `start`.
    static func sentenceEnd(in text: Substring, from start: Substring.Index) -> Substring.Index? {
        var index = start
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "." || character == "!" || character == "?" {
                // Closing quotes belong to the sentence.
                var end = next
                while end < text.endIndex, "\"'”’)".contains(text[end]) { end = text.index(after: end) }
                if end == text.endIndex { return end }
                if text[end] == " " && (character != "." || !isAbbreviation(before: index, in: text)) {
                    return end
                }
            }
            index = next
        }
        return nil
    }

    static func isAbbreviation(before period: Substring.Index, in text: Substring) -> Bool {
        var start = period
        while start > text.startIndex, text[text.index(before: start)] != " " { start = text.index(before: start) }
        let word = text[start..<period].lowercased()
        return word.count == 1 || abbreviations.contains(word)
    }

    /// Cuts at the last word boundary before `limit` characters and adds "…".
    static func shorten(_ text: Substring, to limit: Int) -> String {
        guard text.count > limit else { return String(text) }
        let hard = text.index(text.startIndex, offsetBy: limit)
        let cut = text[..<hard].lastIndex(of: " ") ?? hard
        var head = text[..<cut].trimmingSpaces()
        while let last = head.last, ",;:-–—".contains(last) { head = head.dropLast() }
        return head + "…"
    }

    /// For a file with no text at all worth a title: its file name without the extension.
    static func fallbackTitle(forID id: String) -> String {
        let name = id.split(separator: "/").last.map(String.init) ?? id
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }
}
