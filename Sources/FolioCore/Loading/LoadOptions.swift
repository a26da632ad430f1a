/// Settings for reading a corpus from disk.
public struct LoadOptions: Sendable {
    /// Files larger than this are skipped and counted (default 16 MiB).
    public var maxFileSize: Int
    /// File name extensions read as articles ("" is a file without one); compared case-insensitively.
    public var articleExtensions: Set<String>
    /// Follow symlinks that lead out of the corpus folder (never into /proc, /sys or /dev). Off: such
    /// a link is skipped and counted (`SkipReason.linkOutsideCorpus`); links inside are followed.
    public var followLinks: Bool
    /// Which fields of JSON Lines and CSV records hold the title, text, date… (`--field`, `[fields]`).
    public var fieldNames: FieldNames
    /// A compressed file expanding past this is skipped (a decompression bomb); default 4 GiB. A
    /// compressed single article is held to `maxFileSize` as well.
    public var maxDecompressedSize: Int

    public static let defaultMaxFileSize = 16 * 1024 * 1024
    public static let defaultMaxDecompressedSize = 4 << 30
    /// One article a file (text, Markdown, HTML pages, saved mail messages, files without an
    /// extension), many articles a file (containers), and compressed files.
    public static let defaultArticleExtensions: Set<String> = [
        "txt", "md", "", "html", "htm", "xhtml", "eml", "jsonl", "ndjson", "csv", "tsv", "mbox", "gz", "zst"
    ]

    /// `maxFileSize` caps a file of one article, and each record of a container (JSON Lines, CSV,
    /// mbox), not the container itself, which is mapped rather than read.
    public init(
        maxFileSize: Int = LoadOptions.defaultMaxFileSize,
        articleExtensions: Set<String> = LoadOptions.defaultArticleExtensions, followLinks: Bool = false,
        fieldNames: FieldNames = FieldNames(), maxDecompressedSize: Int = LoadOptions.defaultMaxDecompressedSize
    ) {
        self.maxFileSize = maxFileSize
        self.articleExtensions = articleExtensions
        self.followLinks = followLinks
        self.fieldNames = fieldNames
        self.maxDecompressedSize = maxDecompressedSize
    }
}

/// A corpus that cannot be opened at all: the CLI prints `description` on one line and exits 2.
public enum CorpusError: Error, Sendable, CustomStringConvertible, Equatable {
    case notFound(String)
    case unreadable(String, String)
    case empty(String, LoadReportSummary)

    public var description: String {
        switch self {
        case .notFound(let path): "no such file or folder: \(path)"
        case .unreadable(let path, let why): "cannot read \(path): \(why)"
        case .empty(let path, let summary):
            summary.skipped == 0
                ? "no articles in \(path) (looked for .txt, .md, .html, .eml, .jsonl, .csv, .tsv, .mbox, Maildir and files without an extension)"
                : "no articles in \(path): \(summary.skipped) file(s) skipped (\(summary.reasons))"
        }
    }
}

/// The few words of a load report an error message needs.
public struct LoadReportSummary: Sendable, Equatable {
    public var skipped: Int
    public var reasons: String
}
