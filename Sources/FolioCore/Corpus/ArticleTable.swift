/// The articles of a store, in id order: an array for a corpus read from files, or records in a
/// mapped snapshot, each turned into an `Article` only when asked for (the list draws a screenful;
/// bodies stay in the mapping).
struct ArticleTable: Sendable, RandomAccessCollection {
    private enum Storage: Sendable {
        case array([Article])
        case snapshot(SnapshotArticles)
    }

    private let storage: Storage

    init(_ articles: [Article]) { storage = .array(articles) }

    init(_ snapshot: SnapshotArticles) { storage = .snapshot(snapshot) }

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch storage {
        case .array(let articles): articles.count
        case .snapshot(let records): records.count
        }
    }

    subscript(position: Int) -> Article {
        switch storage {
        case .array(let articles): articles[position]
        case .snapshot(let records): records.article(at: position)
        }
    }

    /// The id of article `position` without building the rest of it (look-ups by id).
    func id(at position: Int) -> String {
        switch storage {
        case .array(let articles): articles[position].id
        case .snapshot(let records): records.id(at: position)
        }
    }

    func date(at position: Int) -> CalendarDate? {
        switch storage {
        case .array(let articles): articles[position].date
        case .snapshot(let records): records.date(at: position)
        }
    }

    /// The UTF-8 bytes of article `position`'s author or source (`field`; empty for none), without
    /// building the article (`author:` and `source:` filters read every candidate's).
    func withMetadata<R>(_ field: Fields, at position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .array(let articles):
            var text = field == .author ? articles[position].author ?? "" : articles[position].source
            return text.withUTF8(body)
        case .snapshot(let records):
            return records.withField(field == .author ? .author : .source, at: position, body)
        }
    }

    /// The title's and the body's UTF-8 bytes of article `position`, without building the article
    /// (phrase checks read every candidate's text on each keystroke).
    func withTitleAndBody<R>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .array(let articles):
            var title = articles[position].title
            return title.withUTF8 { titleBytes in articles[position].withBodyUTF8 { body(titleBytes, $0) } }
        case .snapshot(let records):
            return records.withTitleAndBody(at: position, body)
        }
    }

    /// The UTF-8 bytes of article `position`'s title and body together, for sizing the index
    /// build's chunks: for articles in memory their strings' stored counts, without touching the
    /// text, which would be a pass over all of it.
    func textByteCount(at position: Int) -> Int {
        switch storage {
        case .array(let articles): articles[position].title.utf8.count + articles[position].text.utf8Count
        case .snapshot(let records): records.withTitleAndBody(at: position) { $0.count + $1.count }
        }
    }

    /// Drops the pages of the bodies of articles `range` from this process where they lie in a file
    /// mapping (a snapshot, a spill file), once a pass that reads every body (the index build, the
    /// snapshot writer) is done with them: they stay in the page cache, and are read back when
    /// shown. A pass over all the text would otherwise leave all of it resident.
    func releaseText(_ range: Range<Int>) {
        switch storage {
        case .array(let articles):
            var regions: [UnsafeRawBufferPointer] = []
            regions.reserveCapacity(range.count)
            for position in range {
                if let region = articles[position].text.fileBackedRegion { regions.append(region) }
            }
            PageReleaser.release(&regions)
        case .snapshot(let records):
            records.releaseText(range)
        }
    }

    /// The snapshot columns behind this table, when it was read from one (written back unchanged).
    var snapshot: SnapshotArticles? {
        if case .snapshot(let records) = storage { return records }
        return nil
    }
}
