import ArgumentParser
import FolioCore
import Foundation
import ReadingState

/// `--unread`, `--bookmarked` and `--state` for the scripting commands: the reader's marks, read
/// without creating a state file where there is none.
struct StateFilterOptions: ParsableArguments {
    @Flag(help: "Only articles not yet read in the reader.")
    var unread = false

    @Flag(help: "Only bookmarked articles.")
    var bookmarked = false

    @OptionGroup var state: StateOptions

    /// Whether the flags drop rows (not only fill in their marks).
    var narrows: Bool { unread || bookmarked }

    /// Marks by article id for this corpus; empty when there is no state file yet.
    func marks(corpusPath: String?, engine: any SearchEngine) throws -> [String: ArticleState] {
        let path = state.statePath ?? ReadingStateStore.defaultPath()
        guard FileManager.default.fileExists(atPath: path) else {
            if state.statePath != nil { throw FolioExit.usage("no state file at \(path)") }
            return [:]
        }
        do {
            let key = StateKeeper.key(
                forPath: XapianCorpus.stateRoot(of: corpusPath), builtinName: engine.name)
            return try ReadingStateStore(path: path).states(corpus: key)
        } catch {
            throw FolioExit(status: 2, message: "cannot read the reading state: \(error.description)")
        }
    }

    /// Applies the flags to rows, filling in their read/bookmarked fields.
    func apply(_ rows: [ArticleRow], marks: [String: ArticleState]) -> [ArticleRow] {
        rows.compactMap { row in
            var row = row
            let mark = marks[row.id]
            row.read = mark?.isRead ?? false
            row.bookmarked = mark?.isBookmarked ?? false
            if unread && row.read { return nil }
            if bookmarked && !row.bookmarked { return nil }
            return row
        }
    }
}
