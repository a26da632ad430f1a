/// The fields of one record (a JSON object, a CSV row) that fill an article, as decoded text not
/// yet normalised. `RecordArticle` turns them into an article the way a file is turned into one.
struct RecordFields {
    /// One slot per role, in `FieldNames.Role.allCases` order (no hashing per field of a million records).
    private var values: [(rank: Int, text: String)?] = Array(repeating: nil, count: FieldNames.Role.allCases.count)
    /// A date given as a number (seconds or milliseconds since 1970).
    var numericDate: CalendarDate?
    /// Some field held bytes that are not UTF-8.
    var hadInvalidUTF8 = false

    /// Keeps `text` for `role` when it is preferred to what is there: a lower rank, or for the body
    /// the longer text ("the richest present": some datasets have a short description and a full text).
    mutating func offer(_ text: String, role: FieldNames.Role, rank: Int) {
        guard !text.isEmpty else { return }
        let slot = Self.slot(role)
        if let existing = values[slot] {
            let better =
                role == .body
                ? (rank < 100 && existing.rank >= 100)
                    || (text.utf8.count > existing.text.utf8.count && (rank < 100) == (existing.rank < 100))
                : rank < existing.rank
            guard better else { return }
        }
        values[slot] = (rank, text)
    }

    subscript(role: FieldNames.Role) -> String? { values[Self.slot(role)]?.text }

    private static func slot(_ role: FieldNames.Role) -> Int {
        switch role {
        case .title: 0
        case .body: 1
        case .date: 2
        case .url: 3
        case .author: 4
        case .source: 5
        }
    }

    /// A date written as seconds (10 digits) or milliseconds (13) since 1970, as JSON datasets often do.
    static func epochDate<Digits: Collection>(_ digits: Digits) -> CalendarDate? where Digits.Element == UInt8 {
        guard digits.count == 10 || digits.count == 13, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var value = 0
        for digit in digits { value = value * 10 + Int(digit - 0x30) }
        if digits.count == 13 { value /= 1000 }
        return CalendarDate(daysSince1970: value / 86_400)
    }
}

extension CalendarDate {
    /// The day `days` after 1970-01-01 (days from civil, Howard Hinnant's algorithm).
    init?(daysSince1970 days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }
}

/// Makes an article of a record's fields with the steps a file goes through (architecture.md §5):
/// every field normalised after decoding (so an escape written `\u001b` in JSON is removed like a
/// raw one), HTML character references decoded, a title taken from the text when there is none.
enum RecordArticle {
    static func make(id: String, folderName: String, fields: RecordFields) -> Article? {
        let body = fields[.body].map(clean) ?? ""
        var rest = Substring(body).drop(while: \.isNewline)
        var title = fields[.title].map { String(clean($0).trimmingSpaces()) } ?? ""
        if title.isEmpty && body.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A }) { return nil }
        if title.isEmpty {
            var parsed = ArticleParser.Fields()
            ArticleParser.takeFirstLineAsTitle(&parsed, &rest)
            title = String(parsed.title?.trimmingSpaces() ?? "")
            if title.isEmpty { title = TitleMaker.fallbackTitle(forID: id) }
        }
        let date = fields[.date].flatMap { DateParser.parse(clean($0)) } ?? fields.numericDate
        return Article(
            id: id, title: title.utf8.contains(0x0A) ? title.replacingNewlines() : title, date: date,
            source: fields[.source].map { oneLine(clean($0)) }.flatMap { $0.isEmpty ? nil : $0 } ?? folderName,
            author: fields[.author].map { oneLine(clean($0)) }.flatMap { $0.isEmpty ? nil : $0 },
            url: fields[.url].map { oneLine(clean($0)) }.flatMap { $0.isEmpty ? nil : $0 },
            body: ArticleParser.trimBlankLines(rest))
    }

    /// Normalised, with HTML character references decoded (and normalised again: a reference may
    /// stand for a combining mark).
    static func clean(_ text: String) -> String {
        let normalized = TextNormalizer.normalize(text)
        return HTMLCharacterReferences.decoded(normalized).map(TextNormalizer.normalize) ?? normalized
    }

    private static func oneLine(_ text: String) -> String {
        let trimmed = String(text.trimmingSpaces())
        return trimmed.utf8.contains(0x0A) ? trimmed.replacingNewlines() : trimmed
    }
}
