import Testing

@testable import FolioConfig

struct SourceLocatorTests {
    let text = """
        # comment: quit = ["x"]
        top = 1

        [keys]
        quit = ["q"]
        "select next" = ["j"]
        selectPrevious = [
          "k",
          "Up",
        ]
        [keys.add]
        scrollDown = ["C-e"]

        [theme]
        hit = { fg = "yellow", bold = true, nested = { a = 1 } }
        note = \"\"\"
        fake = 1
        \"\"\"
        [theme.title]
        fg = 3
        theme2.x.y = 1
        [[list]]
        item = 'v'
        """

    @Test func findsHeadersKeysAndInlineTables() {
        let locator = SourceLocator(text)
        #expect(locator.line(of: ["top"]) == 2)
        #expect(locator.line(of: ["keys"]) == 4)
        #expect(locator.line(of: ["keys", "quit"]) == 5)
        #expect(locator.line(of: ["keys", "select next"]) == 6)
        #expect(locator.line(of: ["keys", "selectPrevious"]) == 7)
        #expect(locator.line(of: ["keys", "add"]) == 11)
        #expect(locator.line(of: ["keys", "add", "scrollDown"]) == 12)
        #expect(locator.line(of: ["theme", "hit", "bold"]) == 15)
        #expect(locator.line(of: ["theme", "hit", "nested", "a"]) == 15)
        #expect(locator.line(of: ["theme", "title", "fg"]) == 20)
        #expect(locator.line(of: ["theme", "title", "theme2", "x", "y"]) == 21)
        #expect(locator.line(of: ["list", "item"]) == 23)
    }

    @Test func skipsMultilineStringsAndFallsBackToPrefixes() {
        let locator = SourceLocator(text)
        #expect(locator.line(of: ["theme", "fake"]) == 14)  // inside the """ string: the table's line
        #expect(locator.line(of: ["keys", "missing"]) == 4)
        #expect(locator.line(of: ["nowhere"]) == nil)
    }

    @Test func findsStringsInMultilineArrays() {
        let locator = SourceLocator(text)
        #expect(locator.line(ofString: "Up", inValueAt: 7) == 9)
        #expect(locator.line(ofString: "k", inValueAt: 7) == 8)
        #expect(locator.line(ofString: "absent", inValueAt: 7) == 7)
        // The search stops at the next key: "q" on line 5 is not found from line 12.
        #expect(locator.line(ofString: "q", inValueAt: 12) == 12)
    }
}

/// A header of many dotted parts once stored every prefix as its own path (n²/2 parts: 3.2 GB and
/// 17 s for 20,000); the tree keeps one entry per part.
struct SourceLocatorDepthTests {
    @Test func aDeepHeaderIsRecordedOncePerPart() {
        let depth = 20_000
        let header = "[" + Array(repeating: "a", count: depth).joined(separator: ".") + "]"
        let keys = (0..<1_000).map { "key\($0) = \($0)" }
        let locator = SourceLocator(([header] + keys).joined(separator: "\n"))
        #expect(locator.recordedPartCount == depth + keys.count)
        let deepest = Array(repeating: "a", count: depth)
        #expect(locator.line(of: deepest) == 1)
        #expect(locator.line(of: deepest + ["key999"]) == 1_001)
        #expect(locator.line(of: deepest + ["absent"]) == 1)
    }

    @Test func aDeepConfigLoadsWithOneDiagnostic() {
        let header = "[" + Array(repeating: "a", count: 20_000).joined(separator: ".") + "]"
        let (configuration, diagnostics) = ConfigLoader.parse(header + "\nx = 1\n")
        #expect(configuration == .defaults)
        #expect(
            diagnostics.map(\.description) == [
                "config.toml:1: unknown table [a]; expected [keys], [theme], [layout], [general] or [fields]"
            ])
    }

    @Test func escapedQuotedKeysAreFoundOnTheirLines() {
        let locator = SourceLocator(
            """
            top = 1
            ["t\\u001B]0;x\\u0007"]
            "k\\e\\x41\\U0001F600\\n" = 2
            """)
        #expect(locator.line(of: ["t\u{1B}]0;x\u{07}"]) == 2)
        #expect(locator.line(of: ["t\u{1B}]0;x\u{07}", "k\u{1B}A😀\n"]) == 3)
    }
}
