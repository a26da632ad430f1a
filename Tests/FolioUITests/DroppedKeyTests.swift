import TerminalCore
import Testing

@testable import FolioUI

/// Keys the search bar drops (past its length limit: the rest of a long paste) must cost nothing:
/// a 20 KB paste once ran a full search for each of its 19,000 dropped keys.
@Suite("Dropped keys")
struct DroppedKeyTests {
    @Test func editorSaysWhetherItTookTheCharacter() {
        var editor = QueryEditor(String(repeating: "a", count: QueryEditor.maximumLength - 1))
        let tookB = editor.insert("b")
        let tookC = editor.insert("c")
        #expect(tookB && !tookC)
        var empty = QueryEditor()
        let tookOverride = empty.insert("\u{202E}")
        #expect(!tookOverride)
        #expect(empty.text.isEmpty)
        #expect(editor.characters.count == QueryEditor.maximumLength)
        #expect(editor.characters.last == "b")
    }

    @Test func aKeyPastTheLimitRunsNoSearch() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.runsSearches = false
        driver.press(.character("/"))
        driver.type(String(repeating: "x", count: QueryEditor.maximumLength))
        let generation = driver.state.searchGeneration
        let searches = driver.searches.count
        #expect(generation == QueryEditor.maximumLength)
        for key in ["y", "z", "q"] {
            #expect(driver.send(.insert(Character(key))).isEmpty)
        }
        driver.type("more text that does not fit")
        #expect(driver.state.searchGeneration == generation)
        #expect(driver.searches.count == searches)
        #expect(driver.state.query.count == QueryEditor.maximumLength)
        // Room again (Backspace): the next key is taken and searched for.
        driver.press(.backspace)
        driver.type("y")
        #expect(driver.state.query.hasSuffix("y"))
        #expect(driver.searches.last?.text == driver.state.query)
    }

    @Test func aDroppedDirectionalControlRunsNoSearch() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.runsSearches = false
        driver.press(.character("/"))
        driver.type("ash")
        let generation = driver.state.searchGeneration
        #expect(driver.send(.insert("\u{202E}")).isEmpty)
        #expect(driver.state.searchGeneration == generation)
        #expect(driver.state.query == "ash")
    }
}
