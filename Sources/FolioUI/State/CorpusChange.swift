import FolioCore
import Foundation

/// What a re-read of the corpus folder found, article by article: for the status line's notice
/// ("3 new, 1 changed, 2 removed") after a reload or a change the folder watch saw
/// (Documentation/architecture.md §4).
public struct CorpusChange: Sendable, Equatable {
    public var added: Int
    public var changed: Int
    public var removed: Int

    public init(added: Int = 0, changed: Int = 0, removed: Int = 0) {
        self.added = added
        self.changed = changed
        self.removed = removed
    }

    public var isEmpty: Bool { added == 0 && changed == 0 && removed == 0 }

    /// Compares two corpora by article id: an id only in `new` is added, one only in `old` removed,
    /// and one in both changed when its title, date, source or text differ. Reads every article of
    /// both, so it belongs on the thread that read the folder, not the run loop.
    public static func between(_ old: any SearchEngine, _ new: any SearchEngine) -> CorpusChange {
        var change = CorpusChange()
        var kept = 0
        for number in 0..<old.articleCount {
            guard let match = new.number(ofID: old.id(at: number)) else {
                change.removed += 1
                continue
            }
            kept += 1
            if !isSame(old.article(at: number), new.article(at: match)) { change.changed += 1 }
        }
        change.added = new.articleCount - kept
        return change
    }

    private static func isSame(_ first: Article, _ second: Article) -> Bool {
        guard first.title == second.title, first.date == second.date, first.source == second.source,
            first.author == second.author, first.url == second.url, first.wordCount == second.wordCount
        else { return false }
        return first.withBodyUTF8 { one in
            second.withBodyUTF8 { other in
                one.count == other.count && (one.isEmpty || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0)
            }
        }
    }

    /// "3 new, 1 changed, 2 removed" (the parts that are not zero), "no articles changed" when none is.
    public var description: String {
        let parts = [(added, "new"), (changed, "changed"), (removed, "removed")].filter { $0.0 > 0 }
        guard !parts.isEmpty else { return "no articles changed" }
        return parts.map { "\($0.0.formatted()) \($0.1)" }.joined(separator: ", ")
    }
}
