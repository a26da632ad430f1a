import FolioCore
import TerminalCore

/// What can happen to the reader: a command from the key table, typed text, or an event from outside.
public enum Action: Sendable {
    case command(Command)
    case insert(Character)
    case resize(width: Int, height: Int)
    case searchFinished(generation: Int, results: SearchResults)
}

/// Work the run loop does on the reducer's behalf (reduce itself does no I/O and reads no clock).
public enum Effect: Sendable, Equatable {
    /// Run this query (off the UI thread when the corpus is large) and send back `searchFinished`.
    case search(text: String, sort: ListOrder, generation: Int)
    /// Stop for the shell's job control (Ctrl-Z), then redraw.
    case suspend
}

extension ListOrder {
    /// The `s` key's cycle.
    var next: ListOrder {
        switch self {
        case .relevance: .date
        case .date: .title
        case .title, .source: .relevance
        }
    }
}
