import FolioUI
import TerminalCore
import Testing

@testable import FolioConfig

/// `[keys]`: replacing, adding, unbinding, and where new keys apply.
struct KeyBindingTests {
    private func keyMap(_ text: String) -> KeyMap {
        let (configuration, diagnostics) = ConfigLoader.parse(text)
        #expect(diagnostics == [])
        return configuration.keyMap
    }

    @Test func replacingAnActionsKeys() {
        let map = keyMap("[keys]\nselectNext = [\"n\", \"Down\"]")
        #expect(map.command(for: .character("n"), in: .list) == .selectNext)
        #expect(map.command(for: .down, in: .list) == .selectNext)
        #expect(map.command(for: .character("j"), in: .list) == nil)
        #expect(map.command(for: .character("j"), in: .reader) == .scrollDown)
    }

    @Test func aSingleStringIsOneKey() {
        #expect(keyMap("[keys]\nselectNext = \"n\"").command(for: .character("n"), in: .list) == .selectNext)
    }

    @Test func addingKeepsTheDefaults() {
        let map = keyMap("[keys.add]\nselectNext = [\"C-n\"]\nscrollDown = [\"C-e\"]")
        #expect(map.command(for: .control("n"), in: .list) == .selectNext)
        #expect(map.command(for: .character("j"), in: .list) == .selectNext)
        #expect(map.command(for: .control("e"), in: .reader) == .scrollDown)
    }

    @Test func anEmptyListUnbinds() {
        let map = keyMap("[keys]\ntoggleZoom = []")
        #expect(map.command(for: .character("z"), in: .list) == nil)
        #expect(!map.bindings.contains { $0.command == .toggleZoom })
    }

    @Test func movingAKeyBetweenActionsWorksInAnyOrder() {
        // "q" leaves quit (listed after) and goes to selectNext (listed first).
        let map = keyMap("[keys]\nselectNext = [\"q\"]\nquit = [\"x\", \"C-c\"]")
        #expect(map.command(for: .character("q"), in: .list) == .selectNext)
        #expect(map.command(for: .character("x"), in: .list) == .quit)
        #expect(map.command(for: .control("c"), in: .search) == .quit)
    }

    @Test func defaultKeysKeepTheirFocusesAndNewKeysGetTheActionsFocuses() {
        let map = keyMap("[keys]\nquit = [\"q\", \"C-q\", \"x\"]")
        // q stays list-only (in the reader it closes the article); C-q applies wherever quit does;
        // x is a character, so not in the search bar, where it is typed.
        #expect(map.command(for: .character("q"), in: .reader) == .closeReader)
        #expect(map.command(for: .control("q"), in: .search) == .quit)
        #expect(map.command(for: .control("q"), in: .reader) == .quit)
        #expect(map.command(for: .character("x"), in: .reader) == .quit)
        #expect(map.command(for: .character("x"), in: .search) == nil)
    }

    @Test func rebindingEveryActionToItsDefaultsGivesTheDefaultTable() {
        let lines = Command.allCases.map { command in
            let keys = KeyMap.standard.bindings.filter { $0.command == command }.flatMap(\.keys)
            return "\(command.rawValue) = [\(keys.map { ConfigLoader.tomlString(KeyName.name($0)) }.joined(separator: ", "))]"
        }
        #expect(keyMap("[keys]\n" + lines.joined(separator: "\n")) == .standard)
    }

    @Test func theDefaultTableHasNoConflicts() {
        for focus in Focus.allCases {
            var seen: [Key: Command] = [:]
            for binding in KeyMap.standard.bindings where binding.focuses.contains(focus) {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key) in \(focus): \(seen[key].map { "\($0)" } ?? "") and \(binding.command)")
                    seen[key] = binding.command
                }
            }
        }
    }

    @Test func editorReportsConflictsPerFocusAndBindsElsewhere() {
        var editor = KeyMapEditor(.standard)
        // Enter applies to quit wherever quit applies (list, reader, search bar...), and another
        // action has it in each of those places.
        let places = editor.focuses(for: .enter, command: .quit)
        #expect(places.starts(with: [.list, .reader, .search]))
        let expected = places.map { KeyMapEditor.Conflict(focus: $0, command: KeyMap.standard.command(for: .enter, in: $0)!) }
        #expect(editor.add(.enter, to: .quit) == .bound([], conflicts: expected))
        #expect(expected.first?.command == .openSelected)
        // "n" is free in the list but nextHit has it in the reader.
        #expect(
            editor.add(.character("n"), to: .toggleZoom) == .bound([.list], conflicts: [.init(focus: .reader, command: .nextHit)])
        )
        #expect(editor.keyMap.command(for: .character("n"), in: .list) == .toggleZoom)
    }

    @Test func printableKeysForTextOnlyActionsAreRefused() {
        var editor = KeyMapEditor(.standard)
        #expect(editor.add(.character("x"), to: .submitSearch) == .typesText)
        #expect(editor.add(.control("j"), to: .submitSearch) == .bound([.search], conflicts: []))
    }
}
