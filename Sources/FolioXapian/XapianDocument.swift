import FolioCore

/// An article as a Xapian document's data: its fields joined by NUL (folio's normalised text never
/// holds a NUL, architecture.md §5), read back through `TextNormalizer` again, because a database
/// may have been written by anything.
enum XapianDocument {
    static let version = "folio1"

    static func encode(_ article: Article) -> [UInt8] {
        let fields = [
            version, article.id, article.title, article.date?.description ?? "", article.source, article.author ?? "",
            article.url ?? "", String(article.wordCount), article.body
        ]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + $1.utf8.count + 1 })
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0) }
            bytes.append(contentsOf: field.utf8)
        }
        return bytes
    }

    /// The article in `data`; nil when it is not a document folio wrote.
    static func decode(_ data: UnsafeBufferPointer<UInt8>) -> Article? {
        let fields = data.split(separator: 0, maxSplits: 8, omittingEmptySubsequences: false)
        guard fields.count == 9, String(decoding: fields[0], as: UTF8.self) == version else { return nil }
        func line(_ index: Int) -> String {
            // One-line fields stay on one line whatever the database holds.
            TextNormalizer.normalize(String(decoding: fields[index], as: UTF8.self)).split(whereSeparator: \.isNewline)
                .joined(separator: " ")
        }
        let date = line(3).split(separator: "-").compactMap { Int($0) }
        let author = line(5)
        let url = line(6)
        return Article(
            id: line(1), title: line(2),
            date: date.count == 3 ? CalendarDate(year: date[0], month: date[1], day: date[2]) : nil, source: line(4),
            author: author.isEmpty ? nil : author, url: url.isEmpty ? nil : url,
            body: TextNormalizer.normalize(String(decoding: fields[8], as: UTF8.self)), wordCount: Int(line(7)) ?? 0)
    }

    /// Stands in for an article that cannot be fetched (its shard is down, or it was deleted).
    static func unavailable(_ number: Int, because reason: String) -> Article {
        Article(
            id: "(unavailable \(number))", title: "(unavailable)", source: "", body: reason, wordCount: 0)
    }

    /// FNV-1a of the terms' format and `bytes`: the fingerprint a re-index compares to find changed
    /// articles (or every one, after the terms' format changed).
    static func fingerprint(_ bytes: [UInt8]) -> [UInt8] {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array("terms\(XapianTerms.format)".utf8) + bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Array(String(hash, radix: 16).utf8)
    }
}
