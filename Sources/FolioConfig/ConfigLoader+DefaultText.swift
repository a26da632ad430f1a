import FolioCore
import FolioUI
import Foundation
import TerminalCore

extension ConfigLoader {
    /// The full default config, documented with comments (what `folio config --default` prints and
    /// the README shows). It parses back to `FolioConfiguration.defaults` without diagnostics.
    public static var defaultText: String { text(for: .defaults) }

    /// A documented config file that parses back to `configuration` (for a configuration read from a
    /// file: keys are written per action and land where the defaults put that action's keys).
    public static func text(for configuration: FolioConfiguration) -> String {
        [
            header, keysSection(configuration.keyMap), themeSection(configuration.theme), layoutSection(configuration),
            generalSection(configuration)
        ].joined(separator: "\n")
    }

    private static let header = """
        # folio configuration: $XDG_CONFIG_HOME/folio/config.toml (default ~/.config/folio/config.toml).
        # This is the default configuration, as `folio config --default` prints it. Every setting is
        # optional: a file needs only the ones it changes. A mistake (an unknown key, a bad value, a
        # TOML syntax error) is reported with its line number, and that setting keeps its default.

        """

    private static func keysSection(_ keyMap: KeyMap) -> String {
        var lines = [
            "[keys]",
            "# action = [\"key\", ...] replaces the action's keys ([] unbinds it). To add keys and keep the",
            "# defaults, list them in a [keys.add] table instead:",
            "#   [keys.add]",
            "#   selectNext = [\"C-n\"]",
            "# Key names: a character (\"j\", \"G\", \"/\"), Space, Enter, Esc, Tab, S-Tab, Backspace, Del, Ins,",
            "# Up, Down, Left, Right, PgUp, PgDn, Home, End, F1 to F63, and C-a to C-z (Ctrl and a letter).",
            "# A key applies where its action does (after the · below); characters never apply in",
            "# the search bar or the prompt, where they are typed. A key bound to two actions in the same",
            "# place is reported and skipped."
        ]
        let entries = Command.allCases.map { command in
            let bindings = keyMap.bindings.filter { $0.command == command }
            let keys = bindings.flatMap(\.keys).map { tomlString(KeyName.name($0)) }
            var focuses: [Focus] = []
            for focus in bindings.flatMap(\.focuses) where !focuses.contains(focus) { focuses.append(focus) }
            let place = focuses.isEmpty ? "" : " · \(focuses.map(\.rawValue).joined(separator: ", "))"
            return ("\(command.rawValue) = [\(keys.joined(separator: ", "))]", command.help + place)
        }
        lines += aligned(entries)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func themeSection(_ theme: Theme) -> String {
        var lines = [
            "[theme]",
            "# name: \"default\", or \"monochrome\" (no colours, as under NO_COLOR). Each element below then",
            "# changes only the attributes it writes: bold, underline, reverse, dim (true or false), and",
            "# fg and bg: a colour name or 0-255 on a 256-colour terminal. The names:",
            "# \(ColorName.allNames).",
            "name = \"default\""
        ]
        lines += aligned(
            ThemeElement.all.map { element in
                let style = theme[keyPath: element.style]
                let base = Theme.standard[keyPath: element.style]
                return ("\(element.name) = \(styleTable(style, base: base))", element.help)
            })
        return lines.joined(separator: "\n") + "\n"
    }

    /// The attributes that are set, or differ from the default theme's (so that they read back).
    private static func styleTable(_ style: Style, base: Style) -> String {
        var fields: [String] = []
        if style.foreground != .default || base.foreground != .default {
            fields.append("fg = \(ColorName.tomlValue(style.foreground))")
        }
        if style.background != .default || base.background != .default {
            fields.append("bg = \(ColorName.tomlValue(style.background))")
        }
        let flags: [(String, Bool, Bool)] = [
            ("bold", style.bold, base.bold), ("underline", style.underline, base.underline),
            ("reverse", style.reverse, base.reverse), ("dim", style.dim, base.dim)
        ]
        for (name, value, baseValue) in flags where value || baseValue { fields.append("\(name) = \(value)") }
        return fields.isEmpty ? "{}" : "{ \(fields.joined(separator: ", ")) }"
    }

    private static func layoutSection(_ configuration: FolioConfiguration) -> String {
        let listWidth = configuration.listWidth.map { "list_width = \($0)" } ?? "# list_width = 50"
        let lines =
            ["[layout]"]
            + aligned([
                (
                    "side_by_side_width = \(configuration.sideBySideWidth)",
                    "from this many columns, the list and the reading pane sit side by side"
                ),
                (listWidth, "the list's width in columns when side by side (unset: 2/5 of the screen, 40 to 70)"),
                ("measure = \(configuration.measure)", "the longest line in the reading pane, in columns")
            ])
        return lines.joined(separator: "\n") + "\n"
    }

    private static func generalSection(_ configuration: FolioConfiguration) -> String {
        let sorts = ListOrder.allCases.map(\.rawValue).joined(separator: ", ")
        let corpus = configuration.defaultCorpus.map { "corpus = \(tomlString($0))" } ?? "# corpus = \"~/news\""
        let lines =
            ["[general]"]
            + aligned([
                (
                    "default_sort = \(tomlString(configuration.defaultSort.rawValue))",
                    "the list's order at start: \(sorts) (an empty query lists by date)"
                ),
                (corpus, "the folder `folio` opens without a PATH, absolute or ~/ (unset: the built-in articles)"),
                (
                    "follow_links = \(configuration.followLinks)",
                    "follow symlinks out of the corpus folder, as --follow-links (not when restricted)"
                ),
                (
                    "mouse = \(configuration.mouse)",
                    "wheel scrolls, click selects, a second click opens; Shift+drag selects text"
                )
            ])
        return lines.joined(separator: "\n") + "\n"
    }

    /// "setting   # comment" lines with the comments in one column.
    private static func aligned(_ entries: [(String, String)]) -> [String] {
        let width = min(48, entries.map(\.0.count).max() ?? 0)
        return entries.map { setting, comment in
            setting.padding(toLength: max(width, setting.count), withPad: " ", startingAt: 0) + "  # " + comment
        }
    }

    /// A TOML basic string.
    static func tomlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
