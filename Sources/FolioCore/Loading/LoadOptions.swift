/// Settings for reading a corpus from disk.
public struct LoadOptions: Sendable {
    /// Files larger than this are skipped and counted (default 16 MiB).
    public var maxFileSize: Int
    /// File name extensions read as articles ("" is a file without one); compared case-insensitively.
    public var articleExtensions: Set<String>
    /// Follow symlinks that lead out of the corpus folder (never into /proc, /sys or /dev). Off: such
    /// a link is skipped and counted (`SkipReason.linkOutsideCorpus`); links inside are followed.
    public var followLinks: Bool

    public static let defaultMaxFileSize = 16 * 1024 * 1024
    /// Plain text and Markdown, files without an extension, HTML pages and saved mail messages.
    public static let defaultArticleExtensions: Set<String> = ["txt", "md", "", "html", "htm", "xhtml", "eml"]

    public init(
        maxFileSize: Int = LoadOptions.defaultMaxFileSize, articleExtensions: Set<String> = LoadOptions.defaultArticleExtensions,
        followLinks: Bool = false
    ) {
        self.maxFileSize = maxFileSize
        self.articleExtensions = articleExtensions
        self.followLinks = followLinks
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
                ? "no articles in \(path) (looked for .txt, .md, .html, .htm, .eml and files without an extension)"
                : "no articles in \(path): \(summary.skipped) file(s) skipped (\(summary.reasons))"
        }
    }
}

/// The few words of a load report an error message needs.
public struct LoadReportSummary: Sendable, Equatable {
    public var skipped: Int
    public var reasons: String
}
