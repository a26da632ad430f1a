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
    public var loadSeconds = 0.0
    public var indexSeconds = 0.0
    /// Part of `loadSeconds`: listing the files (names and stat only), and mapping and checking a snapshot.
    public var scanSeconds = 0.0
    public var snapshotSeconds = 0.0

    public init() {}

    public var skippedCount: Int { skipped.values.reduce(0, +) }

    mutating func skip(_ path: String, _ reason: SkipReason) {
        skipped[reason, default: 0] += 1
        if skippedExamples[reason, default: []].count < 3 { skippedExamples[reason, default: []].append(path) }
    }
}
