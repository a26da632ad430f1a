/// The kinds of file folio reads articles from (Documentation/architecture.md §5): one article a
/// file (text, Markdown, a Maildir message) or many (JSON Lines, CSV/TSV, mbox), each possibly
/// compressed. Chosen by name; a plain file whose first line is an mbox `From ` line is an mbox too.
public enum ArticleFormat: String, Sendable, Codable, CaseIterable, Comparable {
    case text
    case markdown
    case jsonLines = "json-lines"
    case csv
    case tsv
    case mbox
    case maildir

    /// The wording of `folio stats`.
    public var displayName: String {
        switch self {
        case .text: "text"
        case .markdown: "Markdown"
        case .jsonLines: "JSON Lines"
        case .csv: "CSV"
        case .tsv: "TSV"
        case .mbox: "mbox"
        case .maildir: "Maildir"
        }
    }

    /// Whether one file holds many articles.
    var isContainer: Bool {
        switch self {
        case .jsonLines, .csv, .tsv, .mbox: true
        case .text, .markdown, .maildir: false
        }
    }

    /// Whether the container's articles are named by line (the editor opens it there).
    var namesArticlesByLine: Bool { self == .jsonLines || self == .csv || self == .tsv }

    public static func < (lhs: ArticleFormat, rhs: ArticleFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How a file is compressed, read transparently (`Decompressor`).
public enum Compression: String, Sendable, Codable, CaseIterable, Comparable {
    case gzip
    case zstd

    public var displayName: String { self == .gzip ? "gzip" : "zstd" }

    public static func < (lhs: Compression, rhs: Compression) -> Bool { lhs == .gzip && rhs == .zstd }
}

/// What a file's name says it is: `news.jsonl.gz` is gzip-compressed JSON Lines.
struct FileKind: Sendable, Equatable {
    var format: ArticleFormat
    var compression: Compression?

    /// The file name extensions of each many-article format (lower case).
    static let containerExtensions: [String: ArticleFormat] = [
        "jsonl": .jsonLines, "ndjson": .jsonLines, "csv": .csv, "tsv": .tsv, "mbox": .mbox
    ]
    static let compressionExtensions: [String: Compression] = ["gz": .gzip, "zst": .zstd]

    /// The kind of the file named `name` (bytes of the last path component), or nil when its
    /// extension is none that `extensions` (LoadOptions.articleExtensions) allows.
    static func of<Name: BidirectionalCollection>(name: Name, extensions: Set<String>) -> FileKind?
    where Name.Element == UInt8, Name.Index == Int {
        var name = name[...]
        var compression: Compression?
        if let suffix = lowercaseExtension(name), let kind = compressionExtensions[suffix], extensions.contains(suffix) {
            compression = kind
            name = name[..<(name.lastIndex(of: UInt8(ascii: "."))!)]
        }
        guard let suffix = lowercaseExtension(name) else {
            guard extensions.contains("") else { return nil }
            return FileKind(format: isMboxName(name) ? .mbox : .text, compression: compression)
        }
        guard extensions.contains(suffix) else { return nil }
        if let format = containerExtensions[suffix] { return FileKind(format: format, compression: compression) }
        if compressionExtensions[suffix] != nil { return nil }  // `a.gz.gz`
        return FileKind(format: suffix == "md" || suffix == "markdown" ? .markdown : .text, compression: compression)
    }

    /// The extension after the last dot, lower-cased; nil without a dot; "" when it is not ASCII
    /// letters and digits (matched against the allowed set as it is, so never a container).
    private static func lowercaseExtension<Name: BidirectionalCollection>(_ name: Name) -> String?
    where Name.Element == UInt8 {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let suffix = name[name.index(after: dot)...]
        guard suffix.allSatisfy({ $0 < 0x80 }) else { return String(decoding: suffix, as: UTF8.self).lowercased() }
        return String(decoding: suffix.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// `mbox` (any case), the usual name of a file holding a mail folder.
    private static func isMboxName<Name: Collection>(_ name: Name) -> Bool where Name.Element == UInt8 {
        name.count == 4 && zip(name, "mbox".utf8).allSatisfy { ($0 | 0x20) == $1 }
    }
}
