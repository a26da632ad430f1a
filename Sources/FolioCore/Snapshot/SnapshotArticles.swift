/// Articles stored in a snapshot as columns: every text field of article i lies in one byte arena,
/// at fieldStart[7i + f] ..< fieldStart[7i + f + 1] for the fields id, title, source, author, url,
/// tags (joined by newlines, which a tag cannot hold), body (in that order; the next article's id
/// starts where this body ends).
struct SnapshotArticles: Sendable {
    static let fieldsPerArticle = 7
    enum Field: Int {
        case id = 0
        case title, source, author, url, tags, body
    }

    let fieldStart: Column<UInt64>
    /// Bit 0: has an author; bit 1: has a URL (an empty one is still "given").
    let flags: Column<UInt8>
    /// `CalendarDate.packed`, 0 for no date.
    let dates: Column<UInt32>
    let wordCounts: Column<UInt32>
    let text: Column<UInt8>

    var count: Int { flags.count }

    func article(at position: Int) -> Article {
        let flag = flags[position]
        let bodyRange = range(position, .body)
        let tags = string(position, .tags)
        var article = Article(
            id: string(position, .id), title: string(position, .title), date: CalendarDate(packed: dates[position]),
            source: string(position, .source),
            author: flag & 1 != 0 ? string(position, .author) : nil,
            url: flag & 2 != 0 ? string(position, .url) : nil,
            text: ArticleText(mapped: text.base + bodyRange.lowerBound, count: bodyRange.count, owner: text.owner),
            wordCount: Int(wordCounts[position]))
        if !tags.isEmpty { article.tags = tags.split(separator: "\n").map(String.init) }
        return article
    }

    func id(at position: Int) -> String { string(position, .id) }

    /// The UTF-8 bytes of one text field of article `position`, in place.
    func withField<R>(_ field: Field, at position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = range(position, field)
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    func withTitleAndBody<R>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        let title = range(position, .title)
        let text = range(position, .body)
        return self.text.withUnsafeBufferPointer { arena in
            body(UnsafeBufferPointer(rebasing: arena[title]), UnsafeBufferPointer(rebasing: arena[text]))
        }
    }

    /// Drops the pages of the text fields of articles `range` (consecutive in the arena) from this
    /// process; `ArticleTable.releaseText`.
    func releaseText(_ range: Range<Int>) {
        guard !range.isEmpty, text.owner is FileBackedMemory else { return }
        let start = Int(fieldStart[range.lowerBound * Self.fieldsPerArticle])
        let end = Int(fieldStart[range.upperBound * Self.fieldsPerArticle])
        MappedFile.release(UnsafeRawBufferPointer(start: text.base + start, count: end - start))
    }

    func date(at position: Int) -> CalendarDate? { CalendarDate(packed: dates[position]) }

    private func range(_ position: Int, _ field: Field) -> Range<Int> {
        let slot = position * Self.fieldsPerArticle + field.rawValue
        return Int(fieldStart[slot])..<Int(fieldStart[slot + 1])
    }

    private func string(_ position: Int, _ field: Field) -> String {
        let range = range(position, field)
        return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Structural checks that make every later read in bounds, whatever the file holds (a checksum
    /// catches damage; this catches a well-formed file that lies).
    func validate() -> Bool {
        guard fieldStart.count == count * Self.fieldsPerArticle + 1, dates.count == count, wordCounts.count == count else {
            return false
        }
        var previous: UInt64 = 0
        for value in fieldStart {
            if value < previous { return false }
            previous = value
        }
        return previous <= UInt64(text.count) && (fieldStart.isEmpty || fieldStart[0] == 0)
            && dates.allSatisfy { $0 == 0 || CalendarDate(packed: $0) != nil }
    }

    /// The small columns of `articles` in snapshot form; the text arena is streamed by `writeText`.
    static func columns(of articles: ArticleTable) -> (
        fieldStart: [UInt64], flags: [UInt8], dates: [UInt32], wordCounts: [UInt32]
    ) {
        var fieldStart: [UInt64] = [0]
        var flags: [UInt8] = []
        var dates: [UInt32] = []
        var wordCounts: [UInt32] = []
        fieldStart.reserveCapacity(articles.count * fieldsPerArticle + 1)
        var end: UInt64 = 0
        for article in articles {
            for field in Self.fields(of: article) {
                end += UInt64(field.utf8.count)
                fieldStart.append(end)
            }
            end += UInt64(article.text.utf8Count)
            fieldStart.append(end)
            flags.append((article.author != nil ? 1 : 0) | (article.url != nil ? 2 : 0))
            dates.append(article.date?.packed ?? 0)
            wordCounts.append(UInt32(clamping: article.wordCount))
        }
        return (fieldStart, flags, dates, wordCounts)
    }

    /// The text fields before the body, in arena order.
    private static func fields(of article: Article) -> [String] {
        [article.id, article.title, article.source, article.author ?? "", article.url ?? "", article.tags.joined(separator: "\n")]
    }

    /// Hands the text arena to `write` piece by piece, in the order `columns(of:)` counted it.
    /// Bodies in a file mapping are dropped from memory a batch at a time once written, so writing
    /// does not make the whole text resident (`ArticleTable.releaseText`).
    static func writeText(of articles: ArticleTable, _ write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        let batch = 4096
        for start in stride(from: 0, to: articles.count, by: batch) {
            let range = start..<Swift.min(articles.count, start + batch)
            for position in range {
                let article = articles[position]
                for var field in Self.fields(of: article) {
                    try field.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
                }
                try article.text.withUTF8Throwing { try write(UnsafeRawBufferPointer($0)) }
            }
            articles.releaseText(range)
        }
    }
}

extension CalendarDate {
    /// year << 9 | month << 5 | day: never 0 for a real date.
    var packed: UInt32 { UInt32(year) << 9 | UInt32(month) << 5 | UInt32(day) }

    init?(packed: UInt32) {
        guard packed != 0 else { return nil }
        self.init(year: Int(packed >> 9), month: Int((packed >> 5) & 0xF), day: Int(packed & 0x1F))
    }
}
