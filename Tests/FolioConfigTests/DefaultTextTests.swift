import FolioConfig
import FolioUI
import TerminalCore
import Testing

struct DefaultTextTests {
    @Test func parsesBackToTheDefaults() {
        let (configuration, diagnostics) = ConfigLoader.parse(ConfigLoader.defaultText)
        #expect(diagnostics == [])
        #expect(configuration == .defaults)
    }

    @Test func documentsEveryActionElementAndSetting() {
        let text = ConfigLoader.defaultText
        for command in Command.allCases {
            #expect(text.contains("\n\(command.rawValue) = ["), "\(command)")
        }
        for element in ["selected_unfocused", "current_hit", "status_bar", "fuzzy_marker"] {
            #expect(text.contains("\n\(element) = "))
        }
        for line in [
            "[keys]", "[keys.add]", "[theme]", "[layout]", "[general]", "side_by_side_width = 120",
            "# list_width = 50", "measure = 80", "default_sort = \"relevance\"", "# corpus = \"~/news\""
        ] {
            #expect(text.contains(line), "\(line)")
        }
        #expect(text.contains("quit = [\"q\", \"C-c\"]"))
        #expect(text.contains("hit = { fg = \"yellow\", bold = true, underline = true }"))
    }

    @Test func linesStayReadable() {
        for line in ConfigLoader.defaultText.split(separator: "\n") {
            #expect(line.count <= 130, "\(line)")
        }
    }

    @Test func aChangedConfigurationRoundTrips() {
        var theme = Theme.monochrome
        theme.hit = Style(foreground: .indexed(214), underline: true)
        let source = """
            [keys]
            quit = ["x", "C-q"]
            [keys.add]
            selectNext = ["C-n"]
            [theme]
            name = "monochrome"
            hit = { fg = 214, bold = false }
            [layout]
            side_by_side_width = 150
            list_width = 60
            measure = 66
            [general]
            default_sort = "source"
            corpus = "/srv/news \\"archive\\""
            """
        let (configuration, diagnostics) = ConfigLoader.parse(source)
        #expect(diagnostics == [])
        #expect(configuration.theme == theme)
        let (reparsed, again) = ConfigLoader.parse(ConfigLoader.text(for: configuration))
        #expect(again == [])
        #expect(reparsed == configuration)
    }
}
