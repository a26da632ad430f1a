import FolioCore
import FolioUI

/// Everything `config.toml` can set, with every setting at its default unless the file changed it.
public struct FolioConfiguration: Sendable, Equatable {
    /// The default key table with the file's replacements and additions applied.
    public var keyMap: KeyMap
    /// The named theme (`default` or `monochrome`) with the file's per-element styles applied.
    public var theme: Theme
    /// The screen width from which the list and the reading pane sit side by side.
    public var sideBySideWidth: Int
    /// The list's width in columns when side by side; `nil` lets the layout choose (2/5, 40 to 70).
    public var listWidth: Int?
    /// The longest line in the reading pane, in columns.
    public var measure: Int
    /// The order of the list when folio starts.
    public var defaultSort: ListOrder
    /// The corpus folder `folio` opens without a path argument (`~` expanded); `nil`: the built-in articles.
    public var defaultCorpus: String?
    /// Whether the reader follows symlinks out of the corpus folder (`--follow-links`; never when restricted).
    public var followLinks: Bool
    /// Whether the reader takes the mouse (wheel, clicks); Shift+drag still selects text in the terminal.
    public var mouse: Bool
    /// `[fields]`: which field of a JSON Lines or CSV record holds an article's title, body, date,
    /// url, author or source (role → field name), as `--field ROLE=NAME`, which comes first.
    public var fields: [String: String] = [:]

    /// Creates a configuration; every argument defaults to folio's built-in value.
    public init(
        keyMap: KeyMap = .standard, theme: Theme = .standard, sideBySideWidth: Int = Layout.sideBySideWidth,
        listWidth: Int? = nil, measure: Int = ReaderDocument.measure, defaultSort: ListOrder = .relevance,
        defaultCorpus: String? = nil, followLinks: Bool = false, mouse: Bool = true
    ) {
        self.keyMap = keyMap
        self.theme = theme
        self.sideBySideWidth = sideBySideWidth
        self.listWidth = listWidth
        self.measure = measure
        self.defaultSort = defaultSort
        self.defaultCorpus = defaultCorpus
        self.followLinks = followLinks
        self.mouse = mouse
    }

    /// folio without a config file.
    public static let defaults = FolioConfiguration()
}
