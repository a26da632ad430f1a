import FolioConfig
import FolioCore
import FolioUI
import TerminalCore
import Testing

/// Every setting, parsed from a file without mistakes.
struct ConfigSettingsTests {
    private func parse(_ text: String) -> FolioConfiguration {
        let (configuration, diagnostics) = ConfigLoader.parse(text, environment: ["HOME": "/home/ada"])
        #expect(diagnostics == [])
        return configuration
    }

    @Test func emptyFileIsTheDefaults() {
        #expect(parse("") == .defaults)
        #expect(parse("# only a comment\n") == .defaults)
    }

    @Test func defaultsMatchTheReader() {
        let defaults = FolioConfiguration.defaults
        #expect(defaults.keyMap == .standard)
        #expect(defaults.theme == .standard)
        #expect(defaults.sideBySideWidth == Layout.sideBySideWidth)
        #expect(defaults.listWidth == nil)
        #expect(defaults.measure == ReaderDocument.measure)
        #expect(defaults.defaultSort == .relevance)
        #expect(defaults.defaultCorpus == nil)
    }

    @Test func layout() {
        let configuration = parse("[layout]\nside_by_side_width = 140\nlist_width = 50\nmeasure = 72\n")
        #expect(configuration.sideBySideWidth == 140)
        #expect(configuration.listWidth == 50)
        #expect(configuration.measure == 72)
    }

    @Test(arguments: ListOrder.allCases)
    func defaultSort(order: ListOrder) {
        #expect(parse("[general]\ndefault_sort = \"\(order.rawValue)\"").defaultSort == order)
    }

    @Test func sortNamesAreCaseInsensitive() {
        #expect(parse("[general]\ndefault_sort = \"Date\"").defaultSort == .date)
    }

    @Test func corpusExpandsTilde() {
        #expect(parse("[general]\ncorpus = \"~/news\"").defaultCorpus == "/home/ada/news")
        #expect(parse("[general]\ncorpus = \"~\"").defaultCorpus == "/home/ada")
        #expect(parse("[general]\ncorpus = \"/srv/articles\"").defaultCorpus == "/srv/articles")
    }

    @Test func corpusMayBeAXapianDatabase() {
        #expect(parse("[general]\ncorpus = \"xapian:~/news.xapian\"").defaultCorpus == "xapian:/home/ada/news.xapian")
        #expect(parse("[general]\ncorpus = \"xapian:/srv/folio/remote.stub\"").defaultCorpus == "xapian:/srv/folio/remote.stub")
    }

    @Test func followLinks() {
        #expect(FolioConfiguration.defaults.followLinks == false)
        #expect(parse("[general]\nfollow_links = true").followLinks == true)
        #expect(parse("[general]\nfollow_links = false").followLinks == false)
        let (configuration, diagnostics) = ConfigLoader.parse("[general]\nfollow_links = \"yes\"\n")
        #expect(configuration.followLinks == false)
        #expect(diagnostics.map(\.message) == ["'follow_links' in [general] must be true or false, not a string"])
    }

    @Test func mouse() {
        #expect(FolioConfiguration.defaults.mouse == true)
        #expect(parse("[general]\nmouse = false").mouse == false)
        let (configuration, diagnostics) = ConfigLoader.parse("[general]\nmouse = 0\n")
        #expect(configuration.mouse == true)
        #expect(diagnostics.count == 1)
        #expect(ConfigLoader.defaultText.contains("mouse = true"))
    }

    @Test func namedThemes() {
        #expect(parse("[theme]\nname = \"monochrome\"").theme == .monochrome)
        #expect(parse("[theme]\nname = \"default\"").theme == .standard)
    }

    @Test func elementStylesChangeOnlyWhatTheyWrite() {
        let configuration = parse(
            """
            [theme]
            hit = { fg = "green", underline = false }
            title = { fg = 208, bg = "black", reverse = true, dim = true }
            status_bar = { bold = true }
            """)
        let theme = configuration.theme
        #expect(theme.hit == Style(foreground: .green, bold: true, underline: false))
        #expect(theme.title == Style(foreground: .indexed(208), background: .black, bold: true, reverse: true, dim: true))
        #expect(theme.statusBar == Style(bold: true, reverse: true))
        #expect(theme.text == Theme.standard.text)
    }

    @Test func elementsApplyOnTheNamedThemeWhereverTheNameIsWritten() {
        let configuration = parse(
            """
            [theme]
            hit = { fg = "red" }
            name = "monochrome"
            """)
        var expected = Theme.monochrome
        expected.hit.foreground = .red
        #expect(configuration.theme == expected)
    }

    @Test func elementsAsTablesAndDottedKeys() {
        let configuration = parse(
            """
            [theme.error]
            fg = "white"
            bg = "red"

            [theme]
            divider.fg = 240
            """)
        #expect(configuration.theme.error == Style(foreground: .white, background: .red, bold: true))
        #expect(configuration.theme.divider == Style(foreground: .indexed(240)))
    }

    @Test func everyThemeElementIsSettable() {
        let names = [
            "text", "dim", "title", "metadata", "selected", "selected_unfocused", "hit", "current_hit", "search_prompt",
            "cursor", "status_bar", "error", "divider", "fuzzy_marker"
        ]
        let text = "[theme]\n" + names.map { "\($0) = { bg = 17 }" }.joined(separator: "\n")
        let theme = parse(text).theme
        let styles = [
            theme.text, theme.dim, theme.title, theme.metadata, theme.selected, theme.selectedUnfocused, theme.hit,
            theme.currentHit, theme.searchPrompt, theme.cursor, theme.statusBar, theme.error, theme.divider,
            theme.fuzzyMarker
        ]
        #expect(styles.allSatisfy { $0.background == .indexed(17) })
    }

    @Test func everyColourName() {
        let colours: [(String, TerminalColor)] = [
            ("default", .default), ("black", .black), ("red", .red), ("green", .green), ("yellow", .yellow),
            ("blue", .blue), ("magenta", .magenta), ("cyan", .cyan), ("White", .white)
        ]
        for (name, colour) in colours {
            #expect(parse("[theme]\ntext = { fg = \"\(name)\" }").theme.text.foreground == colour)
        }
        #expect(parse("[theme]\ntext = { fg = 0 }").theme.text.foreground == .indexed(0))
        #expect(parse("[theme]\ntext = { fg = 255 }").theme.text.foreground == .indexed(255))
    }

    @Test func wholeFileWithEverySection() {
        let configuration = parse(
            """
            [keys]
            quit = ["x"]
            [keys.add]
            selectNext = ["C-n"]
            [theme]
            name = "monochrome"
            [layout]
            measure = 100
            [general]
            default_sort = "title"
            corpus = "~/news"
            """)
        #expect(configuration.keyMap.command(for: .character("x"), in: .list) == .quit)
        #expect(configuration.keyMap.command(for: .control("n"), in: .list) == .selectNext)
        #expect(configuration.theme == .monochrome)
        #expect(configuration.measure == 100)
        #expect(configuration.defaultSort == .title)
        #expect(configuration.defaultCorpus == "/home/ada/news")
    }
}
