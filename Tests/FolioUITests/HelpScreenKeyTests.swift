import TerminalCore
import Testing

@testable import FolioUI

/// The help screen's keys come from the key map's own table for it, like every other key.
@Suite("Help screen keys")
struct HelpScreenKeyTests {
    @Test func theStandardTableKeepsTheHelpScreensKeys() {
        let expected: [(Key, Command)] = [
            (.character("?"), .toggleHelp), (.character("q"), .toggleHelp), (.escape, .toggleHelp), (.function(1), .toggleHelp),
            (.character("j"), .scrollDown), (.down, .scrollDown), (.enter, .scrollDown),
            (.character("k"), .scrollUp), (.up, .scrollUp),
            (.character(" "), .scrollPageDown), (.pageDown, .scrollPageDown),
            (.character("b"), .scrollPageUp), (.pageUp, .scrollPageUp),
            (.control("c"), .quit)
        ]
        for (key, command) in expected {
            #expect(KeyMap.standard.helpScreenCommand(for: key) == command, "\(key)")
        }
        let bound = KeyMap.standard.helpScreen.flatMap(\.keys)
        #expect(bound.count == expected.count, "a key bound twice, or one not checked above")
        #expect(Set(bound).count == bound.count)
    }

    @Test func aChangedHelpTableChangesTheHelpScreensKeys() {
        var driver = Driver(engine: Fixtures.builtin)
        driver.state.keyMap = KeyMap(
            bindings: KeyMap.standard.bindings,
            helpScreen: [
                .init(keys: [.character("x")], command: .toggleHelp),
                .init(keys: [.character("J")], command: .scrollDown)
            ])
        driver.press(.character("?"))  // opened from the list's table, which still binds ?
        #expect(driver.state.isShowingHelp)
        #expect(action(for: .character("j"), in: driver.state) == nil)
        #expect(action(for: .character("?"), in: driver.state) == nil)
        driver.press(.character("J"))
        #expect(driver.state.helpOffset == 1)
        driver.press(.character("x"))
        #expect(driver.state.isShowingHelp == false)
    }

    @Test func aKeyMapMadeFromBindingsAloneHasTheStandardHelpKeys() {
        // What a config's [keys] produces: the focuses' tables edited, the help screen's as standard.
        #expect(KeyMap(bindings: []).helpScreen == KeyMap.standardHelpScreen)
    }
}
