/// Everything a key can ask for. The names are what config.toml's [keys] binds; the key tables in
/// `KeyMap` are the only place keys are attached to commands.
public enum Command: String, CaseIterable, Sendable {
    // Anywhere
    case quit, focusSearch, toggleHelp, toggleFocus, toggleZoom, cycleSort, suspend
    // Article list
    case selectNext, selectPrevious, selectPageDown, selectPageUp, selectFirst, selectLast, openSelected, clearQuery
    // Reading state (list and reading pane)
    case toggleRead, toggleBookmark, showUnreadOnly, showBookmarkedOnly
    // Hand-offs (list and reading pane)
    case openInPager, openInEditor, pipeArticle, copyArticle, copyID
    // Command prompt (after |)
    case runPrompt, cancelPrompt
    // Reading pane
    case scrollDown, scrollUp, scrollPageDown, scrollPageUp, scrollTop, scrollBottom, nextHit, previousHit, closeReader
    // Search bar
    case submitSearch, cancelSearch, deleteBackward, deleteForward, deleteWord, clearLine
    case cursorLeft, cursorRight, cursorStart, cursorEnd, historyPrevious, historyNext
    // Search bar and list, when a query found nothing
    case acceptSuggestion

    /// One line for the help screen.
    public var help: String {
        switch self {
        case .quit: "quit folio"
        case .focusSearch: "search (results update as you type)"
        case .toggleHelp: "show or hide this help"
        case .toggleFocus: "move focus between the list and the reading pane"
        case .toggleZoom: "zoom the reading pane to the full screen and back"
        case .cycleSort: "sort by relevance, date, title"
        case .suspend: "suspend folio (fg resumes)"
        case .selectNext: "next article"
        case .selectPrevious: "previous article"
        case .selectPageDown: "a page down the list"
        case .selectPageUp: "a page up the list"
        case .selectFirst: "first article"
        case .selectLast: "last article"
        case .openSelected: "open the selected article"
        case .clearQuery: "clear the search"
        case .toggleRead: "mark read / unread"
        case .toggleBookmark: "bookmark / unbookmark"
        case .showUnreadOnly: "show only unread articles (again: all)"
        case .showBookmarkedOnly: "show only bookmarked articles (again: all)"
        case .openInPager: "read the article in $PAGER (default less)"
        case .openInEditor: "open the article's file in $VISUAL / $EDITOR"
        case .pipeArticle: "pipe the article's text to a shell command"
        case .copyArticle: "copy the text to the clipboard (OSC 52)"
        case .copyID: "copy the id to the clipboard (OSC 52)"
        case .runPrompt: "run the command"
        case .cancelPrompt: "cancel"
        case .scrollDown: "scroll down a line"
        case .scrollUp: "scroll up a line"
        case .scrollPageDown: "scroll down a page"
        case .scrollPageUp: "scroll up a page"
        case .scrollTop: "go to the top"
        case .scrollBottom: "go to the end"
        case .nextHit: "next search hit"
        case .previousHit: "previous search hit"
        case .closeReader: "back to the list"
        case .submitSearch: "go to the results"
        case .cancelSearch: "leave the search bar (again: clear the query)"
        case .deleteBackward: "delete the character before the cursor"
        case .deleteForward: "delete the character under the cursor"
        case .deleteWord: "delete the word before the cursor"
        case .clearLine: "clear the query"
        case .cursorLeft: "cursor left"
        case .cursorRight: "cursor right"
        case .cursorStart: "cursor to the start"
        case .cursorEnd: "cursor to the end"
        case .historyPrevious: "earlier query (this session's only when restricted)"
        case .historyNext: "later query"
        case .acceptSuggestion: "search for the suggested query (\"did you mean\")"
        }
    }
}

/// Where the keyboard focus is; each has its own key bindings.
public enum Focus: String, Sendable, CaseIterable {
    case search, list, reader
    /// The one-line command prompt of `|` (pipe to a command).
    case prompt
}
