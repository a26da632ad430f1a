import Foundation
import Synchronization

/// Reads a corpus (a folder searched recursively, or one file) into parsed, normalised articles.
public struct CorpusLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) { self.options = options }

    /// An in-memory file, for corpora that do not live on disk (the built-in one, tests).
    public struct Document: Sendable {
        public var id: String
        public var folderName: String
        public var bytes: [UInt8]
        public init(id: String, folderName: String, bytes: [UInt8]) {
            self.id = id
            self.folderName = folderName
            self.bytes = bytes
        }
    }

    /// Loads every article file under `path`, in parallel; skipped files are counted in the report.
    public func load(path: String) throws(CorpusError) -> (articles: [Article], report: LoadReport) {
        let started = DispatchTime.now()
        var report = LoadReport()
        let candidates = try CorpusScanner(options: options).scan(root: path, report: &report)
        var (articles, loaded) = try load(candidates: candidates, scanReport: report, path: path)
        loaded.loadSeconds = started.secondsSince
        return (articles, loaded)
    }

    /// Reads and parses the files a scan found; `scanReport` holds what the scan skipped.
    /// `progress(done, total)` is called every 1,000 files, from worker threads.
    /// With a `spill` file, each body is moved into it as soon as its file is parsed
    /// (`TextSpillFile`): the bodies then never sit in the heap all at once.
    func load(
        candidates: [CorpusScanner.Candidate], scanReport: LoadReport, path: String, spill: TextSpillFile? = nil,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(CorpusError) -> (articles: [Article], report: LoadReport) {
        let started = DispatchTime.now()
        var report = scanReport
        let options = self.options
        let done = Atomic<Int>(0)
        let outcomes = Parallel.map(candidates.count) { index -> CandidateOutcome in
            let candidate = candidates[index]
            if let progress {
                let count = done.add(1, ordering: .relaxed).newValue
                if count % 1000 == 0 { progress(count, candidates.count) }
            }
            return Self.read(candidate, options: options, spill: spill)
        }
        let articles = collect(outcomes, candidates: candidates, into: &report)
        report.loadSeconds = started.secondsSince
        guard !articles.isEmpty else { throw .empty(path, report.summary) }
        return (articles, report)
    }

    /// Parses in-memory documents the same way files are parsed.
    public func load(documents: [Document]) -> (articles: [Article], report: LoadReport) {
        let started = DispatchTime.now()
        var report = LoadReport()
        let sorted = documents.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        let maxSize = options.maxFileSize
        let outcomes = Parallel.map(sorted.count) { index -> FileOutcome in
            let document = sorted[index]
            if document.bytes.count > maxSize { return .skipped(.tooLarge) }
            if document.bytes.isEmpty { return .skipped(.empty) }
            return Self.parse(document)
        }
        let articles = collect(outcomes, ids: sorted.map(\.id), into: &report)
        report.loadSeconds = started.secondsSince
        return (articles, report)
    }

    enum FileOutcome: Sendable {
        case article(Article, bytes: Int, encoding: TextDecoder.Encoding)
        case skipped(SkipReason)
    }

    /// What one file gave: one article (or a skip), or a container's records (`ContainerLoader`).
    enum CandidateOutcome: Sendable {
        case one(FileOutcome)
        case many(ArticleFormat, [ContainerLoader.Item])
    }

    /// Reads and parses one file of the scan; with a `spill` file, each body is moved into it as
    /// soon as its article is made (`TextSpillFile`).
    static func read(_ candidate: CorpusScanner.Candidate, options: LoadOptions, spill: TextSpillFile?) -> CandidateOutcome {
        if candidate.kind.format.isContainer || candidate.kind.compression != nil {
            return ContainerLoader.load(candidate, options: options, spill: spill)
        }
        let identity = candidate.inode == 0 ? nil : FileIdentity(device: candidate.device, inode: candidate.inode)
        switch FileReader.read(candidate.fullPath, maxSize: options.maxFileSize, expected: identity) {
        case .skipped(let reason): return .one(.skipped(reason))
        case .bytes(let bytes):
            if candidate.kind.format == .text && MboxMessage.startsMbox(bytes) {
                return bytes.withUnsafeBufferPointer { ContainerLoader.items(.mbox, $0, candidate, options, spill) }
            }
            let outcome = parse(Document(id: candidate.id, folderName: candidate.folderName, bytes: bytes))
            return .one(ContainerLoader.spilled(outcome, spill))
        }
    }

    static func parse(_ document: Document) -> FileOutcome {
        let bytes = document.bytes
        // UTF-16 text is usually full of NULs but is text: decode it when it says so with a byte-order
        // mark, before the NUL test (text in a script whose code units have no zero byte has no NUL).
        let isPage = HTMLArticle.isPage(id: document.id, bytes: bytes)
        let utf16 = UTF16Text.decode(bytes)
        if !isPage, let text = utf16 { return parsed(document, text: text, encoding: .utf8) }
        if utf16 == nil, bytes.withUnsafeBytes({ memchr($0.baseAddress!, 0, $0.count) }) != nil { return .skipped(.binary) }
        // A page is read by libxml2 from its bytes (HTMLCharset decodes a UTF-16 one itself).
        if isPage {
            guard let article = HTMLArticle.article(id: document.id, folderName: document.folderName, bytes: bytes) else {
                return .skipped(.empty)
            }
            return .article(article, bytes: bytes.count, encoding: .utf8)
        }
        // A MIME message's parts are decoded from the file's own bytes, each in its charset.
        if let mail = bytes.withUnsafeBufferPointer({
            MailMessage.article(id: document.id, folderName: document.folderName, bytes: $0, bytesAreRaw: true)
        }) {
            return .article(mail, bytes: bytes.count, encoding: .utf8)
        }
        let (text, encoding) = TextDecoder.decode(bytes)
        return parsed(document, text: text, encoding: encoding)
    }

    private static func parsed(_ document: Document, text: String, encoding: TextDecoder.Encoding) -> FileOutcome {
        let normalized = TextNormalizer.normalize(text)
        if normalized.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A }) { return .skipped(.empty) }
        let article = ArticleParser.parse(id: document.id, folderName: document.folderName, text: normalized)
        return .article(article, bytes: document.bytes.count, encoding: encoding)
    }

    private func collect(_ outcomes: [CandidateOutcome], candidates: [CorpusScanner.Candidate], into report: inout LoadReport)
        -> [Article]
    {
        var articles: [Article] = []
        // Room for every record at once: a million-record container grown by doubling would copy
        // (and have the kernel zero) its articles again at each step.
        articles.reserveCapacity(
            outcomes.reduce(0) { total, outcome in
                if case .many(_, let items) = outcome { return total + items.count }
                return total + 1
            })
        var hasContainers = false
        for (outcome, candidate) in zip(outcomes, candidates) {
            switch outcome {
            case .one(let outcome):
                report.count(outcome, format: candidate.kind.format, compression: candidate.kind.compression)
                Self.add(outcome, id: candidate.id, to: &articles, report: &report)
            case .many(let format, let items):
                hasContainers = true
                for item in items {
                    report.count(item.outcome, format: format, compression: candidate.kind.compression)
                    Self.add(item.outcome, id: item.id, to: &articles, report: &report)
                }
            }
        }
        report.articleCount = articles.count
        // A container's records are in line order, whose ids ("/10" before "/9") are not in byte
        // order; engines and snapshots number articles in id order.
        if hasContainers, !ByteOrder.isIncreasing(articles, by: \.id) {
            let order = Parallel.sortedIndices(articles.count) { ByteOrder.precedes(articles[$0].id, articles[$1].id) }
            articles.reorder(by: order)
        }
        return articles
    }

    private static func add(_ outcome: FileOutcome, id: String, to articles: inout [Article], report: inout LoadReport) {
        switch outcome {
        case .skipped(let reason): report.skip(id, reason)
        case .article(let article, let bytes, let encoding):
            articles.append(article)
            report.bytesRead += bytes
            if encoding == .windows1252 { report.filesDecodedAsWindows1252 += 1 }
            if encoding == .utf8WithReplacements { report.filesWithInvalidUTF8 += 1 }
        }
    }

    private func collect(_ outcomes: [FileOutcome], ids: [String], into report: inout LoadReport) -> [Article] {
        var articles: [Article] = []
        articles.reserveCapacity(outcomes.count)
        for (outcome, id) in zip(outcomes, ids) { Self.add(outcome, id: id, to: &articles, report: &report) }
        report.articleCount = articles.count
        return articles
    }
}

/// UTF-16 files announce themselves with a byte-order mark; without one, NUL bytes mean binary.
enum UTF16Text {
    static func decode(_ bytes: [UInt8]) -> String? {
        // A trailing odd byte (a truncated file) is dropped, not a reason to call the file binary.
        guard bytes.count >= 2 else { return nil }
        let littleEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): littleEndian = true
        case (0xFE, 0xFF): littleEndian = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var index = 2
        while index + 1 < bytes.count {
            let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}

extension LoadReport {
    var summary: LoadReportSummary {
        LoadReportSummary(
            skipped: skippedCount,
            reasons: skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.explanation)" }
                .joined(separator: ", "))
    }
}

extension DispatchTime {
    var secondsSince: Double { Double(DispatchTime.now().uptimeNanoseconds - uptimeNanoseconds) / 1e9 }
}

extension CorpusLoader {
    /// The ids of the article files under `path`, found by scanning names only (nothing is read):
    /// fast enough for shell completion of `folio show`.
    public func articleIDs(path: String) -> [String] {
        var report = LoadReport()
        return ((try? CorpusScanner(options: options).scan(root: path, report: &report)) ?? []).map(\.id)
    }
}
