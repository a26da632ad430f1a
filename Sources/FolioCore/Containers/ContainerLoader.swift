import Foundation

/// Reads the articles of one candidate file that is a container (JSON Lines, CSV, TSV, mbox) or
/// compressed, each through the steps of a file of one article (architecture.md §5).
///
/// A container is mapped, never read into the heap; its records are found in place
/// (`RecordSplitter`, on all cores for a big file) and parsed in batches on all cores, each article's
/// body moved to the spill file as soon as it is made, so the heap never holds the whole text.
/// Ids name the container and then the record: `news.jsonl/1234` (the line the record starts on),
/// `list.mbox/<Message-ID>` or `list.mbox/#7` (the 7th message, when it has no Message-ID or
/// shares one). A file's name never has a `/`, so no file can have such an id, and `folio show`
/// takes it as it is.
enum ContainerLoader {
    struct Item: Sendable {
        var id: String
        var outcome: CorpusLoader.FileOutcome
    }

    /// Reads `candidate` (a container, or a compressed file of any kind).
    static func load(
        _ candidate: CorpusScanner.Candidate, options: LoadOptions, spill: TextSpillFile?
    ) -> CorpusLoader.CandidateOutcome {
        let descriptor = open(candidate.fullPath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .one(.skipped(errno == ELOOP ? .symlinkLoop : .unreadable)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .one(.skipped(.unreadable)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .one(.skipped(.notRegularFile)) }
        if candidate.inode != 0, FileIdentity(device: candidate.device, inode: candidate.inode) != FileIdentity(info) {
            return .one(.skipped(.unreadable))
        }
        guard info.st_size > 0 else { return .one(.skipped(.empty)) }
        let format = candidate.kind.format
        if let compression = candidate.kind.compression {
            let limit = format.isContainer ? options.maxDecompressedSize : min(options.maxFileSize, options.maxDecompressedSize)
            switch Decompressor.decompress(compression, descriptor: descriptor, limit: limit) {
            case .skipped(let reason):
                return .one(.skipped(reason == .decompressedTooLarge && !format.isContainer ? .tooLarge : reason))
            case .bytes(let bytes):
                guard !bytes.isEmpty else { return .one(.skipped(.empty)) }
                if !format.isContainer && !MboxMessage.startsMbox(bytes) {
                    return .one(
                        CorpusLoader.parse(
                            CorpusLoader.Document(id: candidate.id, folderName: candidate.folderName, bytes: bytes)))
                }
                return bytes.withUnsafeBufferPointer { items(format.isContainer ? format : .mbox, $0, candidate, options, spill) }
            }
        }
        guard let mapped = MappedInput.map(descriptor: descriptor) else { return .one(.skipped(.unreadable)) }
        return items(format, mapped.bytes, candidate, options, spill)
    }

    /// The articles of a container's bytes.
    static func items(
        _ format: ArticleFormat, _ bytes: UnsafeBufferPointer<UInt8>, _ candidate: CorpusScanner.Candidate,
        _ options: LoadOptions, _ spill: TextSpillFile?
    ) -> CorpusLoader.CandidateOutcome {
        let items: [Item]
        switch format {
        case .jsonLines: items = jsonLines(bytes, candidate, options, spill)
        case .csv, .tsv: items = table(bytes, delimiter: format == .tsv ? 0x09 : 0x2C, candidate, options, spill)
        case .mbox:
            items = mbox(bytes, candidate, options, spill)
            if items.isEmpty {
                // No `From ` line: one message (or a text) after all.
                let document = CorpusLoader.Document(id: candidate.id, folderName: candidate.folderName, bytes: Array(bytes))
                return .one(CorpusLoader.parse(document))
            }
        case .text, .markdown, .maildir:
            return .one(
                CorpusLoader.parse(CorpusLoader.Document(id: candidate.id, folderName: candidate.folderName, bytes: Array(bytes)))
            )
        }
        return .many(format, items)
    }

    private static func jsonLines(
        _ bytes: UnsafeBufferPointer<UInt8>, _ candidate: CorpusScanner.Candidate, _ options: LoadOptions, _ spill: TextSpillFile?
    ) -> [Item] {
        let spans = RecordSplitter.lines(bytes)
        return inBatches(spans.count, state: { JSONRecordReader(names: options.fieldNames) }) { reader, index in
            let span = spans[index]
            let id = candidate.id + "/" + String(span.line)
            guard span.end - span.start <= options.maxFileSize else { return Item(id: id, outcome: .skipped(.tooLarge)) }
            switch reader.read(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])) {
            case .notJSON: return Item(id: id, outcome: .skipped(.notJSON))
            case .notAnObject: return Item(id: id, outcome: .skipped(.notAnObject))
            case .record(let fields): return article(fields, id: id, span: span, candidate: candidate, spill: spill)
            }
        }
    }

    private static func table(
        _ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, _ candidate: CorpusScanner.Candidate, _ options: LoadOptions,
        _ spill: TextSpillFile?
    ) -> [Item] {
        let reader = CSVRecordReader(delimiter: delimiter)
        let (rows, unclosed) = reader.rows(bytes)
        var items = unclosed.map { Item(id: candidate.id + "/" + String($0.line), outcome: .skipped(.unclosedQuote)) }
        guard let header = rows.first else { return items }
        var fields: [CSVRecordReader.Field] = []
        _ = reader.row(bytes, from: header.start, into: &fields)
        var ignored = false
        let roles = fields.map { field -> (role: FieldNames.Role, rank: Int)? in
            var name = CSVRecordReader.text(of: field, in: bytes, invalidUTF8: &ignored).lowercased()
            if name.hasPrefix("\u{FEFF}") { name.removeFirst() }
            return options.fieldNames.role(ofLowercased: String(name.trimmingSpaces()))
        }
        let data = rows.dropFirst()
        items += inBatches(data.count, state: { [CSVRecordReader.Field]() }) { fields, index in
            let span = data[data.startIndex + index]
            let id = candidate.id + "/" + String(span.line)
            guard span.end - span.start <= options.maxFileSize else { return Item(id: id, outcome: .skipped(.tooLarge)) }
            _ = reader.row(bytes, from: span.start, into: &fields)
            let record = CSVRecordReader.record(fields, roles: roles, in: bytes)
            return article(record, id: id, span: span, candidate: candidate, spill: spill)
        }
        return items
    }

    private static func mbox(
        _ bytes: UnsafeBufferPointer<UInt8>, _ candidate: CorpusScanner.Candidate, _ options: LoadOptions, _ spill: TextSpillFile?
    ) -> [Item] {
        let spans = RecordSplitter.mboxMessages(bytes)
        var items = inBatches(spans.count, state: {}) { _, index -> Item in
            let span = spans[index]
            let ordinalID = candidate.id + "/#" + String(index + 1)
            guard span.end - span.start <= options.maxFileSize else { return Item(id: ordinalID, outcome: .skipped(.tooLarge)) }
            let message = MboxMessage.bytes(of: span, in: bytes)
            var id = ordinalID
            if let messageID = MboxMessage.messageID(in: message), messageID.first != UInt8(ascii: "#") {
                id = candidate.id + "/" + PrintableName.of(messageID)
            }
            guard message.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
                return Item(id: id, outcome: .skipped(.empty))
            }
            let outcome = CorpusLoader.parse(CorpusLoader.Document(id: id, folderName: candidate.folderName, bytes: message))
            return Item(id: id, outcome: spilled(outcome, spill))
        }
        // A Message-ID seen before (a message saved twice): the later copy goes by its place.
        var seen = Set<String>()
        for index in items.indices where !seen.insert(items[index].id).inserted {
            let id = candidate.id + "/#" + String(index + 1)
            items[index].id = id
            if case .article(var article, let count, let encoding) = items[index].outcome {
                article.id = id
                items[index].outcome = .article(article, bytes: count, encoding: encoding)
            }
        }
        return items
    }

    private static func article(
        _ fields: RecordFields, id: String, span: RecordSpan, candidate: CorpusScanner.Candidate, spill: TextSpillFile?
    ) -> Item {
        guard let article = RecordArticle.make(id: id, folderName: candidate.folderName, fields: fields) else {
            return Item(id: id, outcome: .skipped(.noText))
        }
        let outcome = CorpusLoader.FileOutcome.article(
            article, bytes: span.end - span.start, encoding: fields.hadInvalidUTF8 ? .utf8WithReplacements : .utf8)
        return Item(id: id, outcome: spilled(outcome, spill))
    }

    static func spilled(_ outcome: CorpusLoader.FileOutcome, _ spill: TextSpillFile?) -> CorpusLoader.FileOutcome {
        guard let spill, case .article(var article, let count, let encoding) = outcome else { return outcome }
        article.moveText(into: spill)
        return .article(article, bytes: count, encoding: encoding)
    }

    /// `make(&state, i)` for i in 0..<count on all cores, in order, each written in its place in
    /// the one result (batches joined afterwards cost a serial copy of every record).
    private static func inBatches<State>(_ count: Int, state: () -> State, _ make: (inout State, Int) -> Item) -> [Item] {
        Parallel.map(count, state: state, make)
    }
}
