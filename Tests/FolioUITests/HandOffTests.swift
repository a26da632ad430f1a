import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// Hand-off keys turn into effects for the run loop; the `|` prompt edits a command line.
@Suite struct HandOffTests {
    @Test func pagerEditorAndClipboardKeysAskTheRunLoop() {
        var driver = Driver(engine: Fixtures.builtin, width: 80, height: 24)
        driver.runsSearches = false
        let selected = driver.state.selectedArticle!
        var state = driver.state
        #expect(reduce(&state, .command(.openInPager)) == [.handOff(.pager(article: selected))])
        #expect(reduce(&state, .command(.openInEditor)) == [.handOff(.editor(article: selected))])
        #expect(reduce(&state, .command(.copyArticle)) == [.handOff(.copyText(article: selected))])
        #expect(reduce(&state, .command(.copyID)) == [.handOff(.copyID(article: selected))])
    }

    @Test func thePipePromptEditsRunsAndCancels() throws {
        var state = AppState(engine: Fixtures.builtin, width: 80, height: 24)
        _ = reduce(&state, .resize(width: 80, height: 24))
        let selected = try #require(state.selectedArticle)
        _ = reduce(&state, try #require(action(for: .character("|"), in: state)))
        #expect(state.focus == .prompt)
        for character in "wc -wx" { _ = reduce(&state, try #require(action(for: .character(character), in: state))) }
        _ = reduce(&state, try #require(action(for: .backspace, in: state)))
        #expect(state.prompt?.editor.text == "wc -w")
        // Letters are text here, not commands: q did not quit.
        #expect(!state.shouldQuit)
        let effects = reduce(&state, try #require(action(for: .enter, in: state)))
        #expect(effects == [.handOff(.pipe(article: selected, command: "wc -w"))])
        #expect(state.focus == .list && state.prompt == nil)

        _ = reduce(&state, try #require(action(for: .character("|"), in: state)))
        _ = reduce(&state, try #require(action(for: .character("x"), in: state)))
        #expect(reduce(&state, try #require(action(for: .escape, in: state))).isEmpty)
        #expect(state.focus == .list && state.prompt == nil)
    }

    @Test func anEmptyCommandRunsNothing() throws {
        var state = AppState(engine: Fixtures.builtin, width: 80, height: 24)
        _ = reduce(&state, .command(.pipeArticle))
        #expect(reduce(&state, .command(.runPrompt)).isEmpty)
    }

    @Test func theResultGoesToTheStatusLine() {
        var state = AppState(engine: Fixtures.builtin, width: 80, height: 24)
        _ = reduce(&state, .handOffFinished(message: "less exited with status 2"))
        #expect(state.message == "less exited with status 2")
        let grid = Screen.render(state)
        #expect(grid.text(ofRow: 23).contains("less exited with status 2"))
    }

    @Test func thePromptIsDrawnInTheStatusLine() {
        var state = AppState(engine: Fixtures.builtin, width: 80, height: 24)
        _ = reduce(&state, .command(.pipeArticle))
        _ = reduce(&state, .insert("w"))
        _ = reduce(&state, .insert("c"))
        #expect(Screen.render(state).text(ofRow: 23).hasPrefix(" | pipe to: wc"))
    }
}

@Suite struct RestrictedModeTests {
    @Test func restrictedModeRefusesEveryWayOut() {
        var state = AppState(engine: Fixtures.builtin, width: 80, height: 24)
        state.isRestricted = true
        for command in [Command.openInPager, .openInEditor, .pipeArticle, .suspend] {
            #expect(reduce(&state, .command(command)).isEmpty, "\(command) must do nothing")
            #expect(state.message == "not available in restricted mode")
            #expect(state.focus != .prompt)
        }
        // Copying to the visitor's own clipboard is not a way out.
        #expect(reduce(&state, .command(.copyID)) == [.handOff(.copyID(article: state.selectedArticle!))])
    }
}
