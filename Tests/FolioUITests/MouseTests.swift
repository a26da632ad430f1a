import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// The mouse: a report becomes an action by what is under the pointer (the layout's rects), and
/// the reducer selects, opens, focuses and scrolls.
@Suite("Mouse")
struct MouseTests {
    /// 130x30 puts the list (columns 0..<52) beside the reading pane (53...), rows 1...28.
    static func driver() -> Driver { Driver(engine: Fixtures.numbered(40), width: 130, height: 30) }

    private static func click(_ column: Int, _ row: Int) -> MouseEvent { MouseEvent(button: .left, column: column, row: row) }

    private static func describe(_ action: Action?) -> String {
        switch action {
        case .pointer(let pointer): "\(pointer)"
        case .command(let command): "command \(command)"
        case nil: "nothing"
        default: "other"
        }
    }

    @Test func theRectUnderThePointerDecides() {
        var driver = Self.driver()
        driver.press(.enter, .tab)  // the first article open, focus back on the list
        let state = driver.state
        #expect(Self.describe(action(for: Self.click(5, 3), in: state)) == "clickRow(2)")
        #expect(Self.describe(action(for: Self.click(51, 1), in: state)) == "clickRow(0)")
        #expect(Self.describe(action(for: MouseEvent(button: .wheelDown, column: 10, row: 10), in: state)) == "scrollList(3)")
        #expect(Self.describe(action(for: MouseEvent(button: .wheelUp, column: 10, row: 10), in: state)) == "scrollList(-3)")
        #expect(Self.describe(action(for: MouseEvent(button: .wheelDown, column: 80, row: 10), in: state)) == "scrollReader(3)")
        #expect(Self.describe(action(for: Self.click(80, 10), in: state)) == "focusReader")
        #expect(Self.describe(action(for: Self.click(60, 0), in: state)) == "command focusSearch")
        #expect(Self.describe(action(for: Self.click(3, 29), in: state)) == "command focusSearch")
        // The divider, a release, the other buttons: nothing.
        #expect(action(for: Self.click(52, 5), in: state) == nil)
        #expect(action(for: MouseEvent(button: .left, isPress: false, column: 5, row: 3), in: state) == nil)
        #expect(action(for: MouseEvent(button: .right, column: 5, row: 3), in: state) == nil)
        #expect(action(for: MouseEvent(button: .middle, column: 5, row: 3), in: state) == nil)
    }

    @Test func rowsBelowTheLastArticleAndTheWholeScreenWhenTooSmallAreNothing() {
        var driver = Driver(engine: Fixtures.numbered(3), width: 130, height: 30)
        #expect(Self.describe(action(for: Self.click(5, 3), in: driver.state)) == "clickRow(2)")
        #expect(action(for: Self.click(5, 4), in: driver.state) == nil)
        driver.resize(10, 3)
        #expect(action(for: Self.click(1, 1), in: driver.state) == nil)
    }

    @Test func twoLineRowsWhileSearching() {
        var driver = Self.driver()
        driver.search("article")
        #expect(driver.state.listRowHeight == 2)
        #expect(Self.describe(action(for: Self.click(5, 1), in: driver.state)) == "clickRow(0)")
        #expect(Self.describe(action(for: Self.click(5, 2), in: driver.state)) == "clickRow(0)")
        #expect(Self.describe(action(for: Self.click(5, 5), in: driver.state)) == "clickRow(2)")
    }

    @Test func theHelpScreenScrollsAndThePromptIgnoresThePointer() {
        var driver = Self.driver()
        driver.press(.character("?"))
        #expect(
            Self.describe(action(for: MouseEvent(button: .wheelDown, column: 5, row: 5), in: driver.state))
                == "command scrollDown")
        #expect(action(for: Self.click(5, 5), in: driver.state) == nil)
        driver.press(.character("?"), .character("|"))
        #expect(driver.state.focus == .prompt)
        #expect(action(for: Self.click(5, 5), in: driver.state) == nil)
    }

    @Test func aClickSelectsAndASecondClickOpens() {
        var driver = Self.driver()
        driver.press(.character("/"))
        driver.send(action(for: Self.click(5, 3), in: driver.state)!)
        #expect(driver.state.focus == .list)
        #expect(driver.state.selected == 2)
        #expect(driver.state.reader?.article == driver.state.rows[2], "the preview follows the selection")
        driver.send(action(for: Self.click(5, 3), in: driver.state)!)
        #expect(driver.state.focus == .reader)
        #expect(driver.state.reader?.article == driver.state.rows[2])
        // From the reading pane, a click on the list selects again without opening.
        driver.send(action(for: Self.click(5, 5), in: driver.state)!)
        #expect(driver.state.focus == .list)
        #expect(driver.state.selected == 4)
    }

    @Test func theWheelScrollsThePaneUnderThePointerWithoutMovingFocus() {
        var driver = Driver(engine: Fixtures.builtin, width: 130, height: 30)
        driver.press(.enter, .tab)
        #expect(driver.state.focus == .list)
        driver.send(action(for: MouseEvent(button: .wheelDown, column: 80, row: 10), in: driver.state)!)
        #expect(driver.state.reader?.offset == 3)
        #expect(driver.state.focus == .list)
        driver.send(action(for: MouseEvent(button: .wheelDown, column: 5, row: 10), in: driver.state)!)
        #expect(driver.state.selected == 3)
        driver.send(action(for: MouseEvent(button: .wheelUp, column: 5, row: 10), in: driver.state)!)
        driver.send(action(for: MouseEvent(button: .wheelUp, column: 5, row: 10), in: driver.state)!)
        #expect(driver.state.selected == 0, "stops at the top")
    }

    /// What a person sees after clicking the fourth row and wheeling the preview down: that row
    /// selected and previewed, the pane scrolled, focus still on the list.
    @Test func theMouseDrivenSelectionSnapshot() {
        var driver = Self.driver()
        driver.press(.enter, .tab)
        for event in [Self.click(5, 4), MouseEvent(button: .wheelDown, column: 80, row: 10)] {
            guard let action = action(for: event, in: driver.state) else {
                Issue.record("no action for \(event)")
                return
            }
            driver.send(action)
        }
        #expect(driver.state.selected == 3)
        #expect(driver.state.focus == .list)
        let grid = driver.render()
        #expect(GridChecks.problems(in: grid) == [])
        Snapshot.expect(grid, named: "mouse-selection-130x30")
    }

    @Test func aClickInTheReadingPaneFocusesIt() {
        var driver = Self.driver()
        driver.press(.enter, .tab)
        driver.send(action(for: Self.click(80, 10), in: driver.state)!)
        #expect(driver.state.focus == .reader)
    }

    @Test func aClickOnTheStatusLineFocusesTheSearchBar() {
        var driver = Self.driver()
        driver.send(action(for: Self.click(3, 29), in: driver.state)!)
        #expect(driver.state.focus == .search)
    }

    @Test func narrowScreensSelectThenOpenTheArticleAlone() {
        var driver = Driver(engine: Fixtures.numbered(40), width: 60, height: 20)
        #expect(driver.state.layout.mode == .single)
        driver.send(action(for: Self.click(5, 2), in: driver.state)!)
        #expect(driver.state.selected == 1)
        #expect(driver.state.reader == nil)
        driver.send(action(for: Self.click(5, 2), in: driver.state)!)
        #expect(driver.state.focus == .reader)
        #expect(driver.state.reader?.article == driver.state.rows[1])
    }
}
