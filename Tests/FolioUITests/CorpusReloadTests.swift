import FolioCore
import TerminalCore
import Testing

@testable import FolioUI

/// The reload key and the folder watch: what changed is counted by article id, the reader moves
/// onto the new corpus by id, and the status line says what changed.
@Suite("Reloading the corpus")
struct CorpusReloadTests {
    private typealias Fixture = CorpusReplacementTests

    @Test func theChangeIsCountedByID() {
        let change = CorpusChange.between(Fixture.before, Fixture.after)
        #expect(change == CorpusChange(added: 1, changed: 1, removed: 1))
        #expect(change.description == "1 new, 1 changed, 1 removed")
        #expect(CorpusChange.between(Fixture.before, Fixture.before).isEmpty)
        #expect(CorpusChange().description == "no articles changed")
    }

    @Test func aChangeOfTextAloneCounts() {
        let one = Fixture.store([(id: "a.md", title: "Same", body: "one two three")])
        let other = Fixture.store([(id: "a.md", title: "Same", body: "one two thref")])
        #expect(CorpusChange.between(one, other) == CorpusChange(changed: 1))
        let grown = Fixture.store([
            (id: "a.md", title: "Same", body: "one two three"), (id: "b.md", title: "B", body: "b"),
            (id: "c.md", title: "C", body: "c")
        ])
        #expect(CorpusChange.between(one, grown).description == "2 new")
        #expect(CorpusChange.between(grown, one).description == "2 removed")
    }

    @Test func theReloadKeyAsksTheRunLoopToReload() {
        var driver = Driver(engine: Fixture.before, width: 100, height: 30)
        driver.press(.character("R"))
        #expect(driver.effects.contains(.reload))
        #expect(driver.render().text(ofRow: 29).contains("checking the folder for changes"))
        driver.send(.corpusUnchanged)
        #expect(driver.render().text(ofRow: 29).contains("the folder has not changed"))
    }

    @Test func theReloadKeyIsRebindable() {
        var keyMap = KeyMap.standard
        keyMap.bindings.insert(.init(keys: [.function(5)], command: .reloadCorpus, focuses: [.list, .reader]), at: 0)
        var driver = Driver(engine: Fixture.before, width: 100, height: 30)
        driver.state.keyMap = keyMap
        driver.press(.function(5))
        #expect(driver.effects.contains(.reload))
    }

    @Test func aReloadKeepsTheSelectionAndTheOpenArticleAndSaysWhatChanged() {
        var driver = Driver(engine: Fixture.before, width: 100, height: 30)
        driver.state.selected = driver.state.rows.firstIndex(of: Fixture.before.number(ofID: "b.md")!)!
        driver.press(.enter)
        let change = CorpusChange.between(Fixture.before, Fixture.after)
        driver.send(.corpusReloaded(Fixture.after, SavedState(), change))
        #expect(driver.state.engine === Fixture.after)
        #expect(driver.state.selectedArticle.map(Fixture.after.id(at:)) == "b.md")
        #expect(driver.state.reader.map { Fixture.after.id(at: $0.article) } == "b.md")
        #expect(driver.render().text(ofRow: 29).contains("folder changed: 1 new, 1 changed, 1 removed"))
    }
}
