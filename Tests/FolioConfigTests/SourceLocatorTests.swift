@testable import FolioConfig
import Testing

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
