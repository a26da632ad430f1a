import FolioUI
import TerminalCore

/// The styled parts of the screen as `[theme]` names them (snake_case, like the other settings).
struct ThemeElement: Sendable {
    let name: String
    let style: WritableKeyPath<Theme, Style> & Sendable
    /// One line for the documented default config.
    let help: String

    /// Every element of `Theme`, in the order the default config lists them.
    static let all: [ThemeElement] = [
        .init(name: "text", style: \.text, help: "article text"),
        .init(name: "dim", style: \.dim, help: "secondary text"),
        .init(name: "title", style: \.title, help: "article titles"),
        .init(name: "metadata", style: \.metadata, help: "dates, sources, word counts"),
        .init(name: "selected", style: \.selected, help: "the selected row when the list has focus"),
        .init(name: "selected_unfocused", style: \.selectedUnfocused, help: "the selected row otherwise"),
        .init(name: "hit", style: \.hit, help: "search hits"),
        .init(name: "current_hit", style: \.currentHit, help: "the hit n/N moved to"),
        .init(name: "search_prompt", style: \.searchPrompt, help: "the search bar's prompt"),
        .init(name: "cursor", style: \.cursor, help: "the cursor in the search bar"),
        .init(name: "status_bar", style: \.statusBar, help: "the status line"),
        .init(name: "error", style: \.error, help: "error messages"),
        .init(name: "divider", style: \.divider, help: "the line between list and reading pane"),
        .init(name: "fuzzy_marker", style: \.fuzzyMarker, help: "the mark on typo-tolerant matches"),
        .init(name: "heading", style: \.heading, help: "Markdown headings in the reading pane"),
        .init(name: "markup", style: \.markup, help: "bullets, quote bars, heading marks, table lines, rules"),
        .init(name: "emphasis", style: \.emphasis, help: "*emphasis*"),
        .init(name: "strong", style: \.strong, help: "**strong**"),
        .init(name: "code", style: \.code, help: "inline code and code blocks"),
        .init(name: "link", style: \.link, help: "links (web and mail addresses, Markdown links)"),
        .init(name: "quote_1", style: \.quote1, help: "quoted text (> in mail, Markdown quotes)"),
        .init(name: "quote_2", style: \.quote2, help: "quoted text two deep (> >)"),
        .init(name: "quote_3", style: \.quote3, help: "quoted text three deep (deeper cycles)"),
        .init(name: "signature", style: \.signature, help: "a mail signature (after a '-- ' line)")
    ]

    /// The element named `name`, if any.
    static func named(_ name: String) -> ThemeElement? { all.first { $0.name == name } }
}

/// The named themes `[theme] name` chooses from.
enum ThemeName: String, CaseIterable {
    case `default`, monochrome

    var theme: Theme {
        switch self {
        case .default: .standard
        case .monochrome: .monochrome
        }
    }
}
