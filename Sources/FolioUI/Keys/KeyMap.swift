import TerminalCore

/// The key table: data, not code (like tig's request table). Help is generated from it, so the
/// help screen can never disagree with the keys.
public struct KeyMap: Sendable, Equatable {
    public struct Binding: Sendable, Equatable {
        public var keys: [Key]
        public var command: Command
        /// The focuses it applies in; help lists it under the first.
        public var focuses: [Focus]

        /// Creates a binding of `keys` to `command` in `focuses`.
        public init(keys: [Key], command: Command, focuses: [Focus]) {
            self.keys = keys
            self.command = command
            self.focuses = focuses
        }
    }

    /// A key of the help screen's own table.
    public struct HelpScreenBinding: Sendable, Equatable {
        public var keys: [Key]
        public var command: Command

        /// Creates a binding of `keys` to `command` while the help screen shows.
        public init(keys: [Key], command: Command) {
            self.keys = keys
            self.command = command
        }
    }

    public var bindings: [Binding]
    /// The keys while the help screen shows. It covers the focus it was opened from, whose keys do
    /// nothing meanwhile, so it has a table of its own; the screen itself lists only the focuses' keys.
    public var helpScreen: [HelpScreenBinding]

    public init(bindings: [Binding], helpScreen: [HelpScreenBinding] = KeyMap.standardHelpScreen) {
        self.bindings = bindings
        self.helpScreen = helpScreen
    }

    /// The command for `key` in `focus`, if any. In the search bar, printable keys not bound there
    /// are text (handled by the caller).
    public func command(for key: Key, in focus: Focus) -> Command? {
        bindings.first { $0.focuses.contains(focus) && $0.keys.contains(key) }?.command
    }

    /// The command for `key` while the help screen shows, if any.
    public func helpScreenCommand(for key: Key) -> Command? {
        helpScreen.first { $0.keys.contains(key) }?.command
    }

    /// A pager's keys, and the keys that open the help to close it.
    public static let standardHelpScreen: [HelpScreenBinding] = [
        .init(keys: [.character("?"), .character("q"), .escape, .function(1)], command: .toggleHelp),
        .init(keys: [.character("j"), .down, .enter], command: .scrollDown),
        .init(keys: [.character("k"), .up], command: .scrollUp),
        .init(keys: [.character(" "), .pageDown], command: .scrollPageDown),
        .init(keys: [.character("b"), .pageUp], command: .scrollPageUp),
        .init(keys: [.control("c")], command: .quit)
    ]

    public static let standard = KeyMap(bindings: [
        // Anywhere but the search bar (where letters are text).
        .init(keys: [.character("q")], command: .quit, focuses: [.list]),
        .init(keys: [.control("c")], command: .quit, focuses: [.list, .reader, .search, .prompt, .links]),
        .init(keys: [.character("/")], command: .focusSearch, focuses: [.list]),
        .init(keys: [.character("?"), .function(1)], command: .toggleHelp, focuses: [.list, .reader]),
        .init(keys: [.tab], command: .toggleFocus, focuses: [.list, .reader]),
        .init(keys: [.character("z")], command: .toggleZoom, focuses: [.list, .reader]),
        .init(keys: [.character("s")], command: .cycleSort, focuses: [.list, .reader]),
        .init(keys: [.character("O")], command: .reverseSort, focuses: [.list, .reader]),
        .init(keys: [.character("F")], command: .filterBySource, focuses: [.list, .reader]),
        .init(keys: [.control("z")], command: .suspend, focuses: [.list, .reader, .search, .prompt, .links]),
        .init(keys: [.character("R")], command: .reloadCorpus, focuses: [.list, .reader]),
        .init(keys: [.character("L")], command: .showRelated, focuses: [.list, .reader]),
        .init(keys: [.character("D")], command: .showCopies, focuses: [.list, .reader]),
        .init(keys: [.character("m")], command: .toggleRead, focuses: [.list, .reader]),
        .init(keys: [.character("f")], command: .toggleBookmark, focuses: [.list, .reader]),
        .init(keys: [.character("U")], command: .showUnreadOnly, focuses: [.list, .reader]),
        .init(keys: [.character("B")], command: .showBookmarkedOnly, focuses: [.list, .reader]),
        .init(keys: [.character("]")], command: .nextUnread, focuses: [.list, .reader]),
        .init(keys: [.character("[")], command: .previousUnread, focuses: [.list, .reader]),
        .init(keys: [.character("A")], command: .markAllRead, focuses: [.list, .reader]),
        .init(keys: [.character("v")], command: .openInPager, focuses: [.list, .reader]),
        .init(keys: [.character("e")], command: .openInEditor, focuses: [.list, .reader]),
        .init(keys: [.character("|")], command: .pipeArticle, focuses: [.list, .reader]),
        .init(keys: [.character("y")], command: .copyArticle, focuses: [.list, .reader]),
        .init(keys: [.character("Y")], command: .copyID, focuses: [.list, .reader]),
        // List
        .init(keys: [.character("j"), .down], command: .selectNext, focuses: [.list]),
        .init(keys: [.character("k"), .up], command: .selectPrevious, focuses: [.list]),
        .init(keys: [.pageDown, .character(" "), .control("f"), .control("d")], command: .selectPageDown, focuses: [.list]),
        .init(keys: [.pageUp, .character("b"), .control("b"), .control("u")], command: .selectPageUp, focuses: [.list]),
        .init(keys: [.character("g"), .home], command: .selectFirst, focuses: [.list]),
        .init(keys: [.character("G"), .end], command: .selectLast, focuses: [.list]),
        .init(keys: [.enter, .character("l"), .right], command: .openSelected, focuses: [.list]),
        .init(keys: [.escape], command: .clearQuery, focuses: [.list]),
        // Reading pane
        .init(keys: [.character("j"), .down, .enter], command: .scrollDown, focuses: [.reader]),
        .init(keys: [.character("k"), .up], command: .scrollUp, focuses: [.reader]),
        .init(keys: [.character(" "), .pageDown, .control("f"), .control("d")], command: .scrollPageDown, focuses: [.reader]),
        .init(keys: [.character("b"), .pageUp, .control("b"), .control("u")], command: .scrollPageUp, focuses: [.reader]),
        .init(keys: [.character("g"), .home], command: .scrollTop, focuses: [.reader]),
        .init(keys: [.character("G"), .end], command: .scrollBottom, focuses: [.reader]),
        .init(keys: [.character("n")], command: .nextHit, focuses: [.reader]),
        .init(keys: [.character("N")], command: .previousHit, focuses: [.reader]),
        .init(keys: [.character("q"), .escape, .character("h"), .left, .backspace], command: .closeReader, focuses: [.reader]),
        .init(keys: [.character("/")], command: .findInArticle, focuses: [.reader]),
        .init(keys: [.character("S")], command: .focusSearch, focuses: [.reader]),
        .init(keys: [.character("H")], command: .toggleFullHeaders, focuses: [.reader]),
        .init(keys: [.character("M")], command: .toggleRawText, focuses: [.reader]),
        .init(keys: [.character("T")], command: .toggleQuotes, focuses: [.reader]),
        .init(keys: [.character("u")], command: .showLinks, focuses: [.reader]),
        // Link list (digits choose a link: they are not bound)
        .init(keys: [.character("j"), .down], command: .linkNext, focuses: [.links]),
        .init(keys: [.character("k"), .up], command: .linkPrevious, focuses: [.links]),
        .init(keys: [.enter, .character("o")], command: .openLink, focuses: [.links]),
        .init(keys: [.character("y")], command: .copyLink, focuses: [.links]),
        .init(keys: [.character("q"), .escape, .character("u"), .character("h"), .left], command: .closeLinks, focuses: [.links]),
        // Search bar
        .init(keys: [.enter], command: .submitSearch, focuses: [.search]),
        .init(keys: [.enter], command: .runPrompt, focuses: [.prompt]),
        .init(keys: [.escape], command: .cancelPrompt, focuses: [.prompt]),
        .init(keys: [.escape], command: .cancelSearch, focuses: [.search]),
        .init(keys: [.backspace, .control("h")], command: .deleteBackward, focuses: [.search, .prompt]),
        .init(keys: [.delete, .control("d")], command: .deleteForward, focuses: [.search, .prompt]),
        .init(keys: [.control("w")], command: .deleteWord, focuses: [.search, .prompt]),
        .init(keys: [.control("u")], command: .clearLine, focuses: [.search, .prompt]),
        .init(keys: [.left, .control("b")], command: .cursorLeft, focuses: [.search, .prompt]),
        .init(keys: [.right, .control("f")], command: .cursorRight, focuses: [.search, .prompt]),
        .init(keys: [.home, .control("a")], command: .cursorStart, focuses: [.search, .prompt]),
        .init(keys: [.end, .control("e")], command: .cursorEnd, focuses: [.search, .prompt]),
        .init(keys: [.up, .control("p")], command: .historyPrevious, focuses: [.search, .prompt]),
        .init(keys: [.down, .control("n")], command: .historyNext, focuses: [.search, .prompt]),
        .init(keys: [.tab], command: .historyNext, focuses: [.search]),
        .init(keys: [.tab], command: .completeSource, focuses: [.prompt]),
        .init(keys: [.control("y")], command: .acceptSuggestion, focuses: [.search, .list])
    ])

    /// The help screen's lines: a heading per focus, then "keys  what they do".
    public func helpLines() -> [(keys: String, help: String, isHeading: Bool)] {
        var lines: [(String, String, Bool)] = []
        let headings: [(Focus, String)] = [
            (.list, "Article list"), (.reader, "Reading pane"), (.links, "Link list (u)"), (.search, "Search bar"),
            (.prompt, "Prompt (| command, / find, F source, A y/n)")
        ]
        for (focus, heading) in headings {
            lines.append((heading, "", true))
            for binding in bindings where binding.focuses.first == focus {
                lines.append((binding.keys.map(\.description).joined(separator: " "), binding.command.help, false))
            }
            lines.append(("", "", false))
        }
        lines.append(("Query syntax", "", true))
        lines.append(("words", "all must match, in any form (ashes finds ash)"))
        lines.append(("a OR b", "either"))
        lines.append(("\"a phrase\"", "exactly these words in this order"))
        lines.append(("-word", "without this word"))
        lines.append(("title:word", "in the title"))
        lines.append(("date:2021-10", "a year, month or day; date:>2021-09-30, date:<2022"))
        return lines
    }
}

extension Array where Element == (String, String, Bool) {
    fileprivate mutating func append(_ pair: (String, String)) { append((pair.0, pair.1, false)) }
}
