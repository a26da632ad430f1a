import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// "Did you mean" and partial matches in the reader: the suggestion on the status line, the key
/// that accepts it, and partial rows marked in the list.
extension ReducerTests {
    @Test func aQueryThatFindsNothingOffersTheNearestOne() {
        var driver = Driver(engine: Fixtures.builtin, width: 80, height: 24)
        driver.search("tedy")
        #expect(driver.state.rows.isEmpty)
        #expect(driver.state.suggestion == "teddy")
        #expect(driver.screenText().contains("did you mean \"teddy\"? (C-y)"))
        driver.press(.control("y"))
        #expect(driver.state.query == "teddy")
        #expect(!driver.state.rows.isEmpty)
        #expect(driver.state.suggestion == nil)
    }

    @Test func acceptingWithoutASuggestionSaysSo() {
        var driver = Driver(engine: Fixtures.builtin, width: 80, height: 24)
        driver.search("ashes")
        driver.press(.control("y"))
        #expect(driver.state.query == "ashes")
        #expect(driver.state.message == "no suggestion")
    }

    @Test func theAcceptKeyIsRebindable() {
        #expect(KeyMap.standard.command(for: .control("y"), in: .search) == .acceptSuggestion)
        #expect(KeyMap.standard.command(for: .control("y"), in: .list) == .acceptSuggestion)
        #expect(!Command.acceptSuggestion.help.isEmpty)
    }

    @Test func partialRowsAreMarkedWithTheMissingWord() {
        var driver = Driver(engine: Fixtures.builtin, width: 80, height: 24)
        driver.search("ashes zebra")
        #expect(!driver.state.rows.isEmpty)
        #expect(driver.state.rows.partialStart == 0)
        let text = driver.screenText()
        #expect(text.contains("≈"))
        #expect(text.contains("-zebra"))
        #expect(text.contains("partial"))
    }
}
