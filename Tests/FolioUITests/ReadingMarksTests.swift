import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// Read marks, bookmarks, filters and remembered positions, as the reducer sees them.
@Suite struct ReadingMarksTests {
    func fresh(width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(engine: Fixtures.builtin, width: width, height: height)
        _ = reduce(&state, .resize(width: width, height: height))
        return state
    }

    @Test func openingAnArticleMarksItReadAndSaysSo() throws {
        var state = fresh()
        let article = try #require(state.selectedArticle)
        let effects = reduce(&state, .command(.openSelected))
        #expect(effects.contains(.save(.read(article: article, true))))
        #expect(state.marks[article]?.isRead == true)
        // Opening it again saves nothing new.
        _ = reduce(&state, .command(.closeReader))
        #expect(!reduce(&state, .command(.openSelected)).contains(.save(.read(article: article, true))))
    }

    @Test func previewingBesideTheListDoesNotMarkRead() {
        var state = fresh(width: 130, height: 30)
        _ = reduce(&state, .command(.selectNext))
        #expect(state.reader != nil)
        #expect(state.marks.values.allSatisfy { !$0.isRead })
    }

    @Test func mAndFToggleAndMoveOn() throws {
        var state = fresh()
        let first = try #require(state.selectedArticle)
        #expect(reduce(&state, .command(.toggleRead)) == [.save(.read(article: first, true))])
        #expect(state.selected == 1)
        _ = reduce(&state, .command(.selectFirst))
        #expect(reduce(&state, .command(.toggleRead)) == [.save(.read(article: first, false))])
        _ = reduce(&state, .command(.selectFirst))
        #expect(reduce(&state, .command(.toggleBookmark)) == [.save(.bookmarked(article: first, true))])
        #expect(state.marks[first] == ArticleMarks(isRead: false, isBookmarked: true))
    }

    @Test func filtersShowUnreadOrBookmarkedOnlyAndToggleBack() throws {
        var state = fresh()
        let all = state.rows
        _ = reduce(
            &state, .restore(SavedState(marks: [all[0]: ArticleMarks(isRead: true), all[1]: ArticleMarks(isBookmarked: true)])))
        _ = reduce(&state, .command(.showUnreadOnly))
        #expect(state.filter == .unread && !state.rows.contains(all[0]) && state.rows.count == all.count - 1)
        _ = reduce(&state, .command(.showBookmarkedOnly))
        #expect(Array(state.rows) == [all[1]])
        _ = reduce(&state, .command(.showBookmarkedOnly))
        #expect(state.filter == .all && state.rows.count == all.count)
        let screen = Screen.render(state)
        #expect((1..<24).contains { screen.text(ofRow: $0).hasPrefix("★") }, "a bookmarked row shows a star")
    }

    @Test func restoreBringsBackSortHistoryAndSelection() throws {
        var state = fresh()
        let target = state.rows[3]
        _ = reduce(&state, .restore(SavedState(lastSelected: target, sort: .title, history: ["ashes", "luna"])))
        #expect(state.sort == .title)
        #expect(state.history == ["ashes", "luna"])
        #expect(state.selectedArticle == target)
    }

    @Test func leavingAnArticleRemembersWhereAndReopeningReturnsThere() throws {
        // Narrow: closing the reader leaves the article (wider layouts keep previewing it).
        var state = fresh(width: 60, height: 20)
        let article = try #require(state.selectedArticle)
        _ = reduce(&state, .command(.openSelected))
        _ = reduce(&state, .command(.scrollPageDown))
        let anchor = try #require(state.reader?.anchor ?? state.reader?.document.anchor(atLine: state.reader!.offset))
        let effects = reduce(&state, .command(.closeReader))
        #expect(effects.contains { if case .save(.position(article, _)) = $0 { true } else { false } })
        _ = reduce(&state, .command(.openSelected))
        let reopened = try #require(state.reader)
        #expect(reopened.document.line(containing: anchor) == reopened.offset)
    }

    @Test func submittingAQueryAndSortingAreSaved() throws {
        var state = fresh()
        _ = reduce(&state, .command(.focusSearch))
        _ = reduce(&state, .insert("a"))
        #expect(reduce(&state, .command(.submitSearch)) == [.save(.history("a"))])
        #expect(reduce(&state, .command(.cycleSort)).contains(.save(.sort(.date))))
    }

    @Test func quittingSavesTheSelection() throws {
        var state = fresh()
        _ = reduce(&state, .command(.selectNext))
        let selected = try #require(state.selectedArticle)
        #expect(reduce(&state, .command(.quit)).contains(.save(.lastSelected(article: selected))))
    }
}
