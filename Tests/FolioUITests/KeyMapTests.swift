import TerminalCore
import Testing

@testable import FolioUI

/// The key table: complete, unambiguous, and fully described by the help screen.
@Suite("KeyMap")
struct KeyMapTests {
    let keyMap = KeyMap.standard

    /// Commands no key needs to reach. None today; a command added without a key must be listed
    /// here on purpose.
    static let unboundCommands: Set<Command> = []

    @Test func everyCommandIsReachable() {
        let bound = Set(keyMap.bindings.map(\.command))
        let unreachable = Set(Command.allCases).subtracting(bound).subtracting(Self.unboundCommands)
        #expect(unreachable.isEmpty, "no key for \(unreachable.map(\.rawValue).sorted())")
        // And `command(for:in:)` really finds each one through its keys.
        for binding in keyMap.bindings {
            for focus in binding.focuses {
                for key in binding.keys {
                    #expect(keyMap.command(for: key, in: focus) == binding.command, "\(key) in \(focus)")
                }
            }
        }
    }

    @Test func noKeyIsBoundTwiceInOneFocus() {
        for focus in Focus.allCases {
            var seen: [Key: Command] = [:]
            for binding in keyMap.bindings where binding.focuses.contains(focus) {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key) in \(focus): \(seen[key]?.rawValue ?? "") and \(binding.command.rawValue)")
                    seen[key] = binding.command
                }
            }
        }
    }

    @Test func everyBindingHasKeysAndFocuses() {
        for binding in keyMap.bindings {
            #expect(!binding.keys.isEmpty, "\(binding.command)")
            #expect(!binding.focuses.isEmpty, "\(binding.command)")
            #expect(Set(binding.focuses).count == binding.focuses.count, "\(binding.command)")
        }
    }

    @Test func theSearchBarLeavesPrintableKeysToTheQuery() {
        // Letters, digits and punctuation are text there, so a query can contain them.
        for binding in keyMap.bindings where binding.focuses.contains(.search) {
            for key in binding.keys {
                if case .character = key { Issue.record("\(key) is bound in the search bar") }
            }
        }
    }

    @Test func quitAndSuspendWorkInEveryFocus() {
        for focus in Focus.allCases {
            #expect(keyMap.command(for: .control("c"), in: focus) == .quit)
            #expect(keyMap.command(for: .control("z"), in: focus) == .suspend)
        }
    }

    @Test func helpMentionsEveryBinding() {
        let lines = keyMap.helpLines()
        let entries = lines.filter { !$0.isHeading }
        for binding in keyMap.bindings {
            let keys = binding.keys.map(\.description).joined(separator: " ")
            #expect(entries.contains { $0.keys == keys && $0.help == binding.command.help }, "\(binding.command): \(keys)")
        }
        // Every key name shown is one a user can type: no empty names.
        #expect(entries.allSatisfy { $0.keys.isEmpty == $0.help.isEmpty })
        let headings = lines.filter(\.isHeading).map(\.keys)
        #expect(
            headings == [
                "Article list", "Reading pane", "Link list (u)", "Search bar", "Prompt (| command, / find, F source, A y/n)",
                "Query syntax"
            ])
    }

    @Test func everyCommandHasHelpText() {
        for command in Command.allCases {
            #expect(!command.help.isEmpty, "\(command)")
            #expect(command.help.count <= 60, "\(command): help too long for one line")
        }
    }

    @Test func keysHaveReadableNames() {
        #expect(Key.character(" ").description == "Space")
        #expect(Key.control("u").description == "C-u")
        #expect(Key.pageDown.description == "PgDn")
        #expect(Key.function(1).description == "F1")
    }

    @Test func theHelpScreenTakesItsOwnKeys() {
        // While help shows, keys scroll or close it; the table's list keys do nothing.
        var driver = Driver(engine: Fixtures.builtin)
        driver.press(.character("?"))
        #expect(action(for: .character("G"), in: driver.state) == nil)
        #expect(action(for: .character("s"), in: driver.state) == nil)
        #expect(action(for: .tab, in: driver.state) == nil)
        driver.press(.character("G"), .character("s"), .tab)
        #expect(driver.state.isShowingHelp)
        #expect(driver.state.sort == .relevance)
    }
}
