import Foundation

/// Identifies a corpus in the state store: the canonical root path of a folder, or `builtin:NAME`
/// for the articles compiled into the binary.
///
/// Marks are keyed by (corpus, article id), so two corpora never share marks, and an article
/// whose file was edited keeps its marks as long as its id and its corpus root stay the same.
public struct CorpusKey: Hashable, Sendable, CustomStringConvertible {
    /// The stored key, exactly as written to the database.
    public let value: String

    /// A key from its stored form; prefer ``folder(_:)`` or ``builtin(_:)``, which canonicalise.
    public init(_ value: String) {
        self.value = value
    }

    /// The key of a folder (or single file) corpus: its absolute path with symbolic links, `.`
    /// and `..` resolved, so `~/notes`, `./notes/` and a symlink to it share one set of marks.
    ///
    /// A path that does not exist (yet) is made absolute and standardised without resolving links.
    public static func folder(_ path: String) -> CorpusKey {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return CorpusKey(String(cString: resolved))
        }
        let absolute =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appending(path: path)
        return CorpusKey(absolute.standardizedFileURL.path)
    }

    /// The key of a corpus compiled into the binary: `builtin:NAME`.
    public static func builtin(_ name: String) -> CorpusKey {
        CorpusKey("builtin:\(name)")
    }

    /// This corpus as one visitor sees it: `visitor:FINGERPRINTS:KEY`. Keys of folders start with
    /// `/` and built-in ones with `builtin:`, so a visitor's marks never mix with another
    /// visitor's, nor with the account's own.
    public func visitor(_ identity: VisitorIdentity) -> CorpusKey {
        CorpusKey("visitor:\(identity):\(value)")
    }

    public var description: String { value }
}
