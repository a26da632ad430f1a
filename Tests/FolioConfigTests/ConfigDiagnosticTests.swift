import FolioConfig
import FolioCore
import FolioUI
import TerminalCore
import Testing

/// Every mistake is reported with its line, and the setting it touches keeps its default.
struct ConfigDiagnosticTests {
    private func parse(_ text: String) -> (FolioConfiguration, [ConfigDiagnostic]) {
        ConfigLoader.parse(text, environment: ["HOME": "/home/ada"])
    }

    /// The one diagnostic `text` gives: its line and message.
    private func only(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> (line: Int?, message: String) {
        let diagnostics = parse(text).1
        #expect(diagnostics.count == 1, "\(diagnostics)", sourceLocation: sourceLocation)
        return (diagnostics.first?.line, diagnostics.first?.message ?? "")
    }

    @Test func syntaxErrorHasLineAndColumnAndKeepsEverythingDefault() {
        let (configuration, diagnostics) = parse("[layout]\nmeasure = 60\n[theme\nname = \"monochrome\"\n")
        #expect(configuration == .defaults)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 3)
        #expect(diagnostics.first?.column != nil)
        #expect(diagnostics.first?.message.hasPrefix("TOML syntax error: ") == true)
        #expect(diagnostics.first?.description.hasPrefix("config.toml:3:") == true)
    }

    @Test func duplicateKeyIsASyntaxError() {
        let diagnostic = only("[layout]\nmeasure = 60\nmeasure = 70\n")
        #expect(diagnostic.line == 3)
    }

    @Test func unknownTable() {
        let diagnostic = only("[layout]\nmeasure = 60\n\n[colours]\nhit = 1\n")
        #expect(diagnostic.line == 4)
        #expect(diagnostic.message.hasPrefix("unknown table [colours]"))
        #expect(parse("[layout]\nmeasure = 60\n[colours]\n").0.measure == 60)
    }

    @Test func unknownTopLevelKey() {
        let diagnostic = only("# folio\nmeasure = 60\n")
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message.hasPrefix("unknown key 'measure'"))
    }

    @Test func sectionThatIsNotATable() {
        let diagnostic = only("\nlayout = 3\n")
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message == "'layout' must be a table, not an integer")
    }

    @Test func unknownKeys() {
        let cases: [(String, Int, String)] = [
            ("[theme]\nname = \"default\"\ncolour = \"red\"\n", 3, "unknown key 'colour' in [theme]"),
            ("[layout]\n\nwidth = 100\n", 3, "unknown key 'width' in [layout]"),
            ("[general]\nsort = \"date\"\n", 2, "unknown key 'sort' in [general]"),
            ("[theme]\n\nhit = { fg = \"red\", blink = true }\n", 3, "unknown key 'blink' in [theme.hit]"),
            ("[theme.hit]\nfg = \"red\"\nitalic = true\n", 3, "unknown key 'italic' in [theme.hit]")
        ]
        for (text, line, message) in cases {
            let diagnostic = only(text)
            #expect(diagnostic.line == line, "\(text)")
            #expect(diagnostic.message.hasPrefix(message), "\(diagnostic.message)")
        }
    }

    @Test func diagnosticDescriptionIsCompilerStyle() {
        let diagnostics = parse("[theme]\n\n\n\n\n\n\n\n\n\n\ncolour = 1\n").1
        #expect(diagnostics.map(\.description).first?.hasPrefix("config.toml:12: unknown key 'colour' in [theme]") == true)
        #expect(ConfigDiagnostic(file: "a.toml", line: nil, message: "m").description == "a.toml: m")
    }

    @Test func wrongTypesKeepTheDefault() {
        let cases: [(String, Int, String)] = [
            ("[layout]\nmeasure = \"wide\"\n", 2, "'measure' in [layout] must be an integer, not a string"),
            (
                "[layout]\nside_by_side_width = 100.5\n", 2,
                "'side_by_side_width' in [layout] must be an integer, not a floating-point number"
            ),
            ("[general]\n\ndefault_sort = 3\n", 3, "'default_sort' in [general] must be a string, not an integer"),
            ("[general]\ncorpus = [\"a\"]\n", 2, "'corpus' in [general] must be a string, not an array"),
            ("[theme]\nname = true\n", 2, "'name' in [theme] must be a string, not a bool"),
            ("[theme]\nhit = \"yellow\"\n", 2, "'hit' in [theme] must be a table, not a string"),
            ("[theme]\nhit = { bold = \"yes\" }\n", 2, "'bold' in [theme.hit] must be true or false, not a string"),
            ("[theme]\nhit = { fg = true }\n", 2, "'fg' in [theme.hit] must be a colour name or a number 0-255, not a bool"),
            ("[keys]\nquit = 5\n", 2, "'quit' in [keys] must be a list of key names"),
            ("[keys]\nquit = [\"q\", 5]\n", 2, "'quit' in [keys] must be a list of key names"),
            ("[keys]\nadd = [\"q\"]\n", 2, "'add' in [keys] must be a table, not an array")
        ]
        for (text, line, message) in cases {
            let (configuration, diagnostics) = parse(text)
            #expect(configuration == .defaults, "\(text)")
            #expect(diagnostics.count == 1, "\(text): \(diagnostics)")
            #expect(diagnostics.first?.line == line, "\(text)")
            #expect(diagnostics.first?.message.hasPrefix(message) == true, "\(diagnostics.first?.message ?? "")")
        }
    }

    @Test func outOfRangeNumbers() {
        let cases: [(String, String)] = [
            ("side_by_side_width = 10", "'side_by_side_width' in [layout] must be between 60 and 1000, not 10"),
            ("measure = 0", "'measure' in [layout] must be between 20 and 500, not 0"),
            ("list_width = -5", "'list_width' in [layout] must be between 20 and 500, not -5")
        ]
        for (setting, message) in cases {
            let (configuration, diagnostics) = parse("[layout]\n# widths\n\(setting)\n")
            #expect(configuration == .defaults)
            #expect(diagnostics.map(\.line) == [3])
            #expect(diagnostics.first?.message == message)
        }
    }

    @Test func listWidthMustLeaveRoomForTheReader() {
        let (configuration, diagnostics) = parse("[layout]\nlist_width = 110\nside_by_side_width = 120\n")
        #expect(configuration.listWidth == nil)
        #expect(configuration.sideBySideWidth == 120)
        #expect(diagnostics.map(\.line) == [2])
    }

    @Test func badColours() {
        let (configuration, diagnostics) = parse(
            """
            [theme]
            hit = { fg = "purple", bold = false }
            title = { bg = 256 }
            """)
        #expect(diagnostics.map(\.line) == [2, 3])
        #expect(diagnostics.first?.message.hasPrefix("unknown colour 'purple' for 'fg' in [theme.hit]") == true)
        #expect(diagnostics.last?.message == "colour 256 for 'bg' in [theme.title] is out of range; expected 0-255")
        // The good attribute on the same line still applies; the bad one keeps its default.
        #expect(configuration.theme.hit == Style(foreground: .yellow, bold: false, underline: true))
        #expect(configuration.theme.title == Theme.standard.title)
    }

    @Test func unknownThemeNameAndSort() {
        let (configuration, diagnostics) = parse("[theme]\nname = \"solarized\"\n[general]\ndefault_sort = \"newest\"\n")
        #expect(configuration == .defaults)
        #expect(diagnostics.map(\.line) == [2, 4])
        #expect(diagnostics.first?.message == "unknown theme 'solarized' in [theme]; expected 'default' or 'monochrome'")
        #expect(diagnostics.last?.message.hasPrefix("unknown sort 'newest' in [general]") == true)
    }

    @Test func relativeCorpusAndMissingHome() {
        #expect(only("[general]\ncorpus = \"news\"\n").line == 2)
        let (configuration, diagnostics) = ConfigLoader.parse("[general]\ncorpus = \"~/news\"\n", environment: [:])
        #expect(configuration.defaultCorpus == nil)
        #expect(diagnostics.map(\.line) == [2])
    }

    @Test func unknownAction() {
        let (configuration, diagnostics) = parse("[keys]\nquit = [\"x\"]\nselectNxt = [\"n\"]\n\"+quit\" = [\"Q\"]\n")
        #expect(diagnostics.map(\.line) == [3, 4])
        #expect(diagnostics.first?.message.hasPrefix("unknown action 'selectNxt' in [keys]") == true)
        #expect(diagnostics.last?.message.contains("[keys.add]") == true)
        #expect(configuration.keyMap.command(for: .character("x"), in: .list) == .quit)
        #expect(configuration.keyMap.command(for: .character("n"), in: .list) == nil)
    }

    @Test func unknownActionInAddTable() {
        let diagnostic = only("[keys]\n[keys.add]\nfly = [\"f\"]\n")
        #expect(diagnostic.line == 3)
        #expect(diagnostic.message.hasPrefix("unknown action 'fly' in [keys.add]"))
    }

    @Test func unknownKeyNameKeepsTheActionsKeys() {
        let (configuration, diagnostics) = parse(
            """
            [keys]
            selectNext = [
              "n",
              "Ctrl-n",
            ]
            """)
        #expect(configuration.keyMap == .standard)
        #expect(diagnostics.map(\.line) == [4])
        #expect(diagnostics.first?.message.hasPrefix("unknown key name 'Ctrl-n' for selectNext") == true)
    }

    @Test func duplicateBindingIsSkippedThere() {
        let (configuration, diagnostics) = parse(
            """
            [keys]
            selectNext = ["j", "Down"]
            scrollDown = [
              "j",
              "n",
            ]
            """)
        #expect(diagnostics.map(\.line) == [5])
        #expect(diagnostics.first?.message == "key 'n' for scrollDown is already bound to nextHit in reader; skipped there")
        #expect(configuration.keyMap.command(for: .character("n"), in: .reader) == .nextHit)
        #expect(configuration.keyMap.command(for: .character("j"), in: .reader) == .scrollDown)
    }

    @Test func sameKeyForTwoActionsInTheFileReportsTheLaterLine() {
        let (configuration, diagnostics) = parse("[keys]\nselectNext = [\"x\"]\n\n[keys.add]\nselectLast = [\"x\"]\n")
        #expect(diagnostics.map(\.line) == [5])
        #expect(diagnostics.first?.message == "key 'x' for selectLast is already bound to selectNext in list; skipped there")
        #expect(configuration.keyMap.command(for: .character("x"), in: .list) == .selectNext)
    }

    @Test func printableKeyForASearchBarAction() {
        let diagnostic = only("[keys.add]\nsubmitSearch = [\"x\"]\n")
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message.contains("types text"))
    }

    @Test func severalMistakesAreAllReportedInLineOrder() {
        let diagnostics = parse(
            """
            [general]
            default_sort = "newest"
            [layout]
            measure = 5
            [theme]
            name = "neon"
            """
        ).1
        #expect(diagnostics.map(\.line) == [2, 4, 6])
    }
}
