import Foundation

/// Where an article's text is on disk, for the editor hand-off: its file, and for a record of a
/// JSON Lines or CSV file the line it starts on (ids `news.jsonl/1234`, see `ContainerLoader`).
/// A message of an mbox opens its mbox; a Maildir message its file in `cur/` or `new/`.
public struct ArticleLocation: Sendable, Equatable {
    public var path: String
    public var line: Int?

    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }

    /// The location of the article `id` of the corpus at `root` (a folder or one file); nil when
    /// nothing on disk matches it any more.
    public static func of(id: String, root: String) -> ArticleLocation? {
        var info = stat()
        guard stat(root, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            // One file: the id is its name, or its name and a record.
            let name = (root as NSString).lastPathComponent
            return ArticleLocation(path: root, line: id.hasPrefix(name + "/") ? line(of: id.dropFirst(name.count + 1)) : nil)
        }
        var path = root
        let components = id.split(separator: "/", omittingEmptySubsequences: false)
        for (index, component) in components.enumerated() {
            let next = path + "/" + component
            if stat(next, &info) != 0 {
                // A Maildir message: its id drops the sub-folder and the flags.
                guard index == components.count - 1 else { return nil }
                return Maildir.messagePath(folder: path, unique: String(component)).map { ArticleLocation(path: $0) }
            }
            if (info.st_mode & S_IFMT) != S_IFDIR {
                let rest = components[(index + 1)...].joined(separator: "/")
                return ArticleLocation(path: next, line: rest.isEmpty ? nil : line(of: Substring(rest)))
            }
            path = next
        }
        return nil
    }

    /// `1234` → 1234; a Message-ID or `#7` names no line.
    private static func line(of record: Substring) -> Int? {
        guard !record.isEmpty, record.allSatisfy(\.isASCII), let number = Int(record), number > 0 else { return nil }
        return number
    }
}
