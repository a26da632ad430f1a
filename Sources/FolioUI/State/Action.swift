import FolioCore
import TerminalCore

/// What can happen to the reader: a command from the key table, typed text, or an event from outside.
public enum Action: Sendable {
    case command(Command)
    /// The mouse, by what is under the pointer (`action(for: MouseEvent, in:)`).
    case pointer(PointerAction)
    case insert(Character)
    case resize(width: Int, height: Int)
    case searchFinished(generation: Int, results: SearchResults)
    /// The articles like the one `Effect.related` named (nil: the engine could not say).
    case relatedFinished(generation: Int, results: SearchResults?)
    /// A hand-off (pager, editor, command, clipboard) is over; `message` goes to the status line.
    case handOffFinished(message: String?)
    /// The header lines of the open article's file (nil: it has none, or it could not be read), as
    /// `Effect.readFullHeaders` asked.
    case fullHeadersRead(article: Int, lines: [String]?)
    /// What the state store remembered, applied once at start.
    case restore(SavedState)
    /// The background index build got this far (0...1).
    case indexProgress(Double)
    /// The index is built: a query answered by a scan is run again on it.
    case indexReady
    /// The folder changed since the snapshot the reader painted from and is being read again (nil:
    /// it had not changed after all, or the re-read stopped).
    case reloadProgress(CorpusReload?)
    /// The re-read corpus, indexed, with what the state store remembers for it: the list, the open
    /// article and the marks move over by article id.
    case corpusReplaced(any SearchEngine, SavedState)
    /// As `corpusReplaced`, after a reload (the key, or the folder watch): the status line says
    /// what changed ("3 new, 1 changed, 2 removed").
    case corpusReloaded(any SearchEngine, SavedState, CorpusChange)
    /// A reload found the folder as it was.
    case corpusUnchanged
    /// The background check of the folder failed: the list stays as it was painted; `message` says why.
    case reloadFailed(message: String)
}

/// Work the run loop does on the reducer's behalf (reduce itself does no I/O and reads no clock).
public enum Effect: Sendable, Equatable {
    /// Run this query (off the UI thread when the corpus is large) and send back `searchFinished`.
    case search(text: String, sort: ListOrder, generation: Int)
    /// Stop for the shell's job control (Ctrl-Z), then redraw.
    case suspend
    /// Give the article to another program or to the clipboard.
    case handOff(HandOff)
    /// Remember this in the state store.
    case save(StateChange)
    /// Read the header block of this article's file (`H` on a mail or Usenet article) and send
    /// back `fullHeadersRead`.
    case readFullHeaders(article: Int)
    /// Read the corpus folder again now, if it changed (`reloadCorpus`).
    case reload
    /// Find the articles like this one (`SearchEngine.related`) and send back `relatedFinished`.
    case related(article: Int, generation: Int)
}

/// What a hand-off key asks the run loop to do with an article (a position in `store.articles`).
public enum HandOff: Sendable, Equatable {
    /// `pattern`: a regular expression for a less-like pager to search for at once.
    case pager(article: Int, pattern: String? = nil)
    case editor(article: Int)
    case pipe(article: Int, command: String)
    case copyText(article: Int)
    case copyID(article: Int)
    /// Open a link of the article with `$BROWSER` (an address `LinkDetector` checked).
    case openLink(url: String)
    case copyLink(url: String)
}

extension ListOrder {
    /// The `s` key's cycle.
    var next: ListOrder {
        switch self {
        case .relevance: .date
        case .date: .title
        case .title: .source
        case .source: .relevance
        }
    }
}
