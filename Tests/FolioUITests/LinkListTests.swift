import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// The reading pane's link list, its keys and the Markdown and quote toggles (architecture.md §3).
@Suite struct LinkListTests {
    static func reading(_ query: String, restricted: Bool = false) -> Driver {
        var driver = Driver(engine: Fixtures.reading, width: 80, height: 24)
        driver.state.isRestricted = restricted
        driver.search(query)
        driver.press(.enter)
        return driver
    }

    @Test func uListsTheLinksAndEnterOpensTheSelectedOne() {
        var driver = Self.reading("river")
        driver.press(.character("u"))
        #expect(driver.state.focus == .links)
        #expect(driver.state.linkList?.urls.count == 3)
        driver.press(.character("j"))
        var state = driver.state
        #expect(reduce(&state, .command(.openLink)) == [.handOff(.openLink(url: "https://example.org/summary"))])
        #expect(reduce(&state, .command(.copyLink)) == [.handOff(.copyLink(url: "https://example.org/summary"))])
        // A digit picks a link by its number; one too big says so.
        driver.press(.character("3"))
        #expect(driver.state.linkList?.selected == 2)
        driver.press(.character("9"))
        #expect(driver.state.linkList?.selected == 2 && driver.state.message == "no link 9")
        driver.press(.character("q"))
        #expect(driver.state.focus == .reader && driver.state.linkList == nil && !driver.state.shouldQuit)
    }

    @Test func restrictedModeRefusesToOpenALinkButCopies() {
        var driver = Self.reading("river", restricted: true)
        driver.press(.character("u"))
        var state = driver.state
        #expect(reduce(&state, .command(.openLink)).isEmpty)
        #expect(state.message == "opening links is not available in restricted mode")
        #expect(reduce(&state, .command(.copyLink)) == [.handOff(.copyLink(url: "https://example.org/survey/2024"))])
    }

    @Test func anArticleWithoutLinksSaysSo() {
        var driver = Driver(engine: Fixtures.builtin, width: 80, height: 24)
        driver.press(.enter, .character("u"))
        #expect(driver.state.focus == .reader && driver.state.message == "no links in this article")
    }

    @Test func theListClosesWithItsArticle() {
        var driver = Self.reading("river")
        driver.press(.character("u"))
        // However the article goes (a reload that removed it), its list goes with it.
        driver.state.reader = nil
        driver.send(.resize(width: 30, height: 8))
        #expect(driver.state.linkList == nil && driver.state.focus == .list)
    }

    @Test func mShowsTheMarkdownAsWrittenAndBack() {
        var driver = Self.reading("river")
        #expect(driver.state.reader?.document.isRendered == true)
        driver.press(.character("M"))
        #expect(driver.state.reader?.document.isRendered == false)
        #expect(driver.state.message == "showing the text as written")
        // The hit the reader is on stays a hit.
        #expect(driver.state.reader?.document.hitLines.isEmpty == false)
        driver.press(.character("M"))
        #expect(driver.state.reader?.document.isRendered == true)
    }

    @Test func tFoldsQuotesInMailOnly() {
        var driver = Self.reading("boat")
        driver.press(.character("T"))
        #expect(driver.state.reader?.document.lines.contains { $0.text == "[… 5 quoted lines]" } == true)
        driver.press(.character("T"))
        #expect(driver.state.reader?.document.lines.contains { $0.text.hasPrefix("> Can we") } == true)
        var notes = Self.reading("river")
        notes.press(.character("T"))
        #expect(notes.state.message == "no quoted lines to fold in this article")
    }
}
