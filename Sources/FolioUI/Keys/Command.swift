/// Everything a key can ask for. The names are what config.toml's [keys] binds; the key tables in
/// `KeyMap` are the only place keys are attached to commands.
public enum Command: String, CaseIterable, Sendable {
    // Anywhere
    case quit, focusSearch, toggleHelp, toggleFocus, toggleZoom, cycleSort, reverseSort, filterBySource, suspend, reloadCorpus
    // Article list
    case selectNext, selectPrevious, selectPageDown, selectPageUp, selectFirst, selectLast, openSelected, clearQuery
    case showRelated, showCopies
    // Reading state (list and reading pane)
    case toggleRead, toggleBookmark, showUnreadOnly, showBookmarkedOnly
    // Working through the corpus (list and reading pane)
    case nextUnread, previousUnread, markAllRead
    // Hand-offs (list and reading pane)
    case openInPager, openInEditor, pipeArticle, copyArticle, copyID
    // Command prompt (after |)
    case runPrompt, cancelPrompt, completeSource
    // Reading pane
    case scrollDown, scrollUp, scrollPageDown, scrollPageUp, scrollTop, scrollBottom, nextHit, previousHit, closeReader
    case findInArticle, toggleFullHeaders
    // Reading pane: how the body is shown, and its links
    case toggleRawText, toggleQuotes, showLinks
    // Link list (after showLinks)
    case linkNext, linkPrevious, openLink, copyLink, closeLinks
    // Search bar
    case submitSearch, cancelSearch, deleteBackward, deleteForward, deleteWord, clearLine
    case cursorLeft, cursorRight, cursorStart, cursorEnd, historyPrevious, historyNext
    // Search bar and list, when a query found nothing
    case acceptSuggestion

    /// One line for the help screen.
    public var help: String {
        switch self {
        case .quit: "quit folio"
        case .focusSearch: "search all articles (results update as you type)"
        case .toggleHelp: "show or hide this help"
        case .toggleFocus: "move focus between the list and the reading pane"
        case .toggleZoom: "zoom the reading pane to the full screen and back"
        case .cycleSort: "sort by relevance, date, title, source"
        case .reverseSort: "reverse the order of the list (again: back)"
        case .filterBySource: "show one source only (again: all sources)"
        case .suspend: "suspend folio (fg resumes)"
        case .reloadCorpus: "read the folder again now (it is watched too)"
        case .selectNext: "next article"
        case .selectPrevious: "previous article"
        case .selectPageDown: "a page down the list"
        case .selectPageUp: "a page up the list"
        case .selectFirst: "first article"
        case .selectLast: "last article"
        case .openSelected: "open the selected article"
        case .clearQuery: "clear the search (after L: the list before it)"
        case .showRelated: "list the articles most like this one (Esc: back)"
        case .showCopies: "list the identical copies of this article (Esc: back)"
        case .toggleRead: "mark read / unread (in the list: then the next)"
        case .toggleBookmark: "bookmark / unbookmark (in the list: then the next)"
        case .showUnreadOnly: "show only unread articles (again: all)"
        case .showBookmarkedOnly: "show only bookmarked articles (again: all)"
        case .nextUnread: "next unread article (in the reading pane: open it)"
        case .previousUnread: "previous unread article"
        case .markAllRead: "mark every article of the list read (asks y/n first)"
        case .openInPager: "read the article in $PAGER (default less)"
        case .openInEditor: "open the article's file in $VISUAL / $EDITOR"
        case .pipeArticle: "pipe the article's text to a shell command"
        case .copyArticle: "copy the text to the clipboard (OSC 52)"
        case .copyID: "copy the id to the clipboard (OSC 52)"
        case .runPrompt: "run the command, keep the find, or answer"
        case .cancelPrompt: "cancel (a find: back where it began)"
        case .completeSource: "complete the source's name"
        case .scrollDown: "scroll down a line"
        case .scrollUp: "scroll up a line"
        case .scrollPageDown: "scroll down a page (at the end: the next article)"
        case .scrollPageUp: "scroll up a page"
        case .scrollTop: "go to the top"
        case .scrollBottom: "go to the end"
        case .nextHit: "next search hit"
        case .previousHit: "previous search hit"
        case .closeReader: "back to the list (a find: end it, back where it began)"
        case .findInArticle: "find in this article as you type (n/N step, Esc back)"
        case .toggleFullHeaders: "all header lines of a mail or Usenet article"
        case .toggleRawText: "show a Markdown article as written / rendered"
        case .toggleQuotes: "fold / unfold quoted lines (mail)"
        case .showLinks: "list the article's links"
        case .linkNext: "next link"
        case .linkPrevious: "previous link"
        case .openLink: "open the link with $BROWSER (1-9 choose one)"
        case .copyLink: "copy the link to the clipboard (OSC 52)"
        case .closeLinks: "back to the article"
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
        case .historyPrevious: "earlier query or command; queries kept unless restricted"
        case .historyNext: "later query or command"
        case .acceptSuggestion: "search for the suggested query (\"did you mean\")"
        }
    }
}

/// Where the keyboard focus is; each has its own key bindings.
public enum Focus: String, Sendable, CaseIterable {
    case search, list, reader
    /// The one-line command prompt of `|` (pipe to a command).
    case prompt
    /// The open article's link list (`u` in the reading pane).
    case links
}
