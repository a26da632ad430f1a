import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// Identical copies against the reading state, the source filter and a reload: marks stay per id,
/// the unread count counts each listed group once, a group is from every source one of its copies
/// is from, and a reload that edits or removes a copy unfolds it.
@Suite("Identical copies and state")
struct CopiesStateTests {
    static func store(_ files: [(id: String, source: String, body: String)]) -> EmbeddedEngine {
        EmbeddedEngine.load(
            documents: files.map {
                CorpusLoader.Document(id: $0.id, folderName: $0.source, bytes: Array("# Harbour\n\n\($0.body)\n".utf8))
            },
            name: "news")
    }

    static let before = store([
        (id: "a/1.md", source: "alpha", body: "The harbour reopened."),
        (id: "b/1.md", source: "beta", body: "The harbour reopened."),
        (id: "c/1.md", source: "gamma", body: "The harbour reopened."),
        (id: "d/2.md", source: "alpha", body: "The dock closed.")
    ])
    /// b/1.md edited (no longer a copy), c/1.md removed.
    static let after = store([
        (id: "a/1.md", source: "alpha", body: "The harbour reopened."),
        (id: "b/1.md", source: "beta", body: "The harbour reopened at noon."),
        (id: "d/2.md", source: "alpha", body: "The dock closed.")
    ])

    private func ids(_ state: AppState) -> [String] { state.rows.allMatches().map { state.engine.id(at: $0.article) } }
    private func unread(_ driver: Driver) -> String? {
        StatusLineView.filters(driver.state).first { $0.hasSuffix(" unread") }
    }

    @Test func marksStayPerIDAndTheCountIsOfListedArticles() {
        var driver = Driver(engine: Self.before, width: 100, height: 30)
        #expect(unread(driver) == "2 unread")
        driver.state.selected = driver.state.rows.firstIndex(of: 0)!
        driver.press(.character("D"))
        driver.press(.character("j"))  // b/1.md
        driver.press(.character("m"))
        #expect(driver.state.marks[1]?.isRead == true)
        #expect(driver.state.marks[0]?.isRead != true, "the first copy keeps its own mark")
        #expect(unread(driver) == "2 unread", "a copy's mark does not change the count")
        driver.press(.escape)
        driver.state.selected = driver.state.rows.firstIndex(of: 0)!
        driver.press(.character("m"))
        #expect(unread(driver) == "1 unread")
    }

    @Test func aGroupIsFromEverySourceACopyIsFrom() {
        var driver = Driver(engine: Self.before, width: 100, height: 30)
        driver.press(.character("F"))
        #expect(
            driver.state.prompt?.sources == [
                SourceCount(name: "alpha", count: 2), SourceCount(name: "beta", count: 1), SourceCount(name: "gamma", count: 1)
            ])
        driver.type("gamma")
        driver.press(.enter)
        #expect(ids(driver.state) == ["a/1.md"], "the group, listed under its first id")
        // A query on the field lists the copy that has it.
        driver.press(.character("F"))
        driver.search("source:gamma harbour")
        #expect(ids(driver.state) == ["c/1.md"])
    }

    @Test func aReloadThatEditsOrRemovesACopyUnfoldsIt() {
        var driver = Driver(engine: Self.before, width: 100, height: 30)
        driver.state.selected = driver.state.rows.firstIndex(of: 0)!
        driver.press(.enter)
        #expect(driver.state.reader?.document.lines.contains { $0.text == "also at: b/1.md, c/1.md" } == true)
        driver.press(.character("D"))
        #expect(driver.state.related?.kind == .copies)
        driver.send(.corpusReplaced(Self.after, SavedState(marks: [1: ArticleMarks(isRead: true)])))
        #expect(driver.state.related == nil, "the copies list is left: its positions are the old corpus's")
        #expect(Set(ids(driver.state)) == ["a/1.md", "b/1.md", "d/2.md"])
        // a/1.md is open (read); b/1.md is listed now, and read: d/2.md is left.
        #expect(unread(driver) == "1 unread")
        #expect(driver.state.reader.map { driver.state.engine.id(at: $0.article) } == "a/1.md")
        #expect(driver.state.reader?.document.lines.contains { $0.text.hasPrefix("also at:") } == false)
        driver.press(.tab)
        driver.press(.character("D"))
        #expect(driver.state.message == "no identical copies")
    }

    @Test func relatedFromTheCopiesListListsRelatedArticles() {
        var driver = Driver(engine: Self.before, width: 100, height: 30)
        driver.state.selected = driver.state.rows.firstIndex(of: 0)!
        driver.press(.character("D"))
        driver.runsSearches = false
        driver.press(.character("L"))
        #expect(driver.state.related?.kind == .related)
        #expect(driver.effects.contains { if case .related(0, _) = $0 { true } else { false } })
        driver.press(.escape)
        #expect(driver.state.related == nil)
        #expect(Set(ids(driver.state)) == ["a/1.md", "d/2.md"])
    }
}
