/// Why a file under a corpus root did not become an article. Every skip is counted, never fatal.
public enum SkipReason: String, Sendable, Codable, CaseIterable, Comparable {
    case empty
    case binary
    case tooLarge = "too-large"
    case unreadable
    case notRegularFile = "not-a-regular-file"
    case symlinkLoop = "symlink-loop"
    /// A symlink to a file or folder outside the corpus folder (followed only with `followLinks`).
    case linkOutsideCorpus = "link-outside-corpus"
    /// In /proc, /sys or /dev, or on a kernel file system mounted elsewhere: never read, never walked.
    case kernelFileSystem = "kernel-file-system"
    case otherExtension = "not-an-article-file"
    /// A line of a JSON Lines file that is not JSON.
    case notJSON = "not-json"
    /// A line of a JSON Lines file that is JSON but not an object (`[1, 2]`, `"text"`).
    case notAnObject = "not-a-json-object"
    /// A CSV row whose quoted field is never closed.
    case unclosedQuote = "unclosed-quote"
    /// A record (JSON line, CSV row) with neither a title nor any text.
    case noText = "no-text"
    /// A `.gz` or `.zst` file that is not one, is cut short or is damaged.
    case badCompressed = "bad-compressed"
    /// A compressed file that expands past the cap (`LoadOptions.maxDecompressedSize`).
    case decompressedTooLarge = "decompressed-too-large"
    /// libz.so.1 or libzstd.so.1 is not installed, so the file cannot be read.
    case noDecompressor = "no-decompressor"

    /// The wording used in `folio stats` and load summaries.
    public var explanation: String {
        switch self {
        case .empty: "empty"
        case .binary: "binary (NUL bytes)"
        case .tooLarge: "over the size cap"
        case .unreadable: "unreadable"
        case .notRegularFile: "not a regular file (FIFO, device, socket)"
        case .symlinkLoop: "symlink loop or repeated folder"
        case .linkOutsideCorpus: "link out of the corpus folder (--follow-links)"
        case .kernelFileSystem: "in /proc, /sys or /dev (kernel file system)"
        case .otherExtension: "not an article file (extension)"
        case .notJSON: "not JSON (a line of a JSON Lines file)"
        case .notAnObject: "not a JSON object (a line of a JSON Lines file)"
        case .unclosedQuote: "unclosed quote (a CSV row)"
        case .noText: "no title or text (a record)"
        case .badCompressed: "not gzip/zstd, cut short or damaged"
        case .decompressedTooLarge: "over the decompressed size cap"
        case .noDecompressor: "no libz.so.1/libzstd.so.1 to decompress it"
        }
    }

    public static func < (lhs: SkipReason, rhs: SkipReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a load did: how many articles, which files were skipped and why, how long it took.
public struct LoadReport: Sendable, Codable {
    public var articleCount = 0
    public var bytesRead = 0
    public var skipped: [SkipReason: Int] = [:]
    /// A few example paths per reason, so a user can find the culprits.
    public var skippedExamples: [SkipReason: [String]] = [:]
    public var filesDecodedAsWindows1252 = 0
    public var filesWithInvalidUTF8 = 0
    /// Articles and skips per file format (`folio stats`), and per compression.
    public var formats: [ArticleFormat: FormatCount] = [:]
    public var compressions: [Compression: FormatCount] = [:]
    public var loadSeconds = 0.0
    public var indexSeconds = 0.0
    /// Part of `loadSeconds`: listing the files (names and stat only), and mapping and checking a snapshot.
    public var scanSeconds = 0.0
    public var snapshotSeconds = 0.0

    public init() {}

    public var skippedCount: Int { skipped.values.reduce(0, +) }

    mutating func count(_ outcome: CorpusLoader.FileOutcome, format: ArticleFormat, compression: Compression?) {
        let isArticle: Bool
        if case .article = outcome { isArticle = true } else { isArticle = false }
        formats[format, default: FormatCount()].add(isArticle: isArticle)
        if let compression { compressions[compression, default: FormatCount()].add(isArticle: isArticle) }
    }

    mutating func skip(_ path: String, _ reason: SkipReason) {
        skipped[reason, default: 0] += 1
        if skippedExamples[reason, default: []].count < 3 { skippedExamples[reason, default: []].append(path) }
    }
}

/// How many articles came from files of one format, and how many files or records of it were skipped.
public struct FormatCount: Sendable, Codable, Equatable {
    public var articles = 0
    public var skipped = 0
    public init(articles: Int = 0, skipped: Int = 0) {
        self.articles = articles
        self.skipped = skipped
    }

    mutating func add(isArticle: Bool) {
        if isArticle { articles += 1 } else { skipped += 1 }
    }
}
