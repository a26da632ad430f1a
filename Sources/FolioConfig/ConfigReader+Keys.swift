import FolioUI
import TOMLKit
import TerminalCore

/// `[keys]`: `action = ["key", ...]` replaces an action's keys; `[keys.add]` adds to them.
extension ConfigReader {
    /// One action's keys as the file gives them.
    private struct Change {
        var command: Command
        var keys: [(key: Key, line: Int?)]
        var replaces: Bool
    }

    mutating func readKeys(_ table: TOMLTable, into keyMap: inout KeyMap) {
        var changes: [Change] = []
        for (name, value) in entries(of: table, at: ["keys"]) {
            if name == "add" {
                guard let additions = self.table(value, at: ["keys", "add"]) else { continue }
                for (action, keys) in entries(of: additions, at: ["keys", "add"]) {
                    changes += change(action, keys, at: ["keys", "add", action], replaces: false).map { [$0] } ?? []
                }
            } else {
                changes += change(name, value, at: ["keys", name], replaces: true).map { [$0] } ?? []
            }
        }
        var editor = KeyMapEditor(keyMap)
        // Unbind first, so that moving a key from one action to another works in any order.
        for change in changes where change.replaces { editor.removeAll(change.command) }
        for change in changes {
            for (key, line) in change.keys { bind(key, to: change.command, with: &editor, line: line) }
        }
        keyMap = editor.keyMap
    }

    /// The validated change of one `action = [...]` entry; `nil` (reported) when the action or a
    /// key name is unknown, so that the action keeps its keys.
    private mutating func change(_ action: String, _ value: TOMLValueConvertible, at path: [String], replaces: Bool) -> Change? {
        guard let command = Command(rawValue: action) else {
            let hint =
                action.hasPrefix("+") ? "; to add keys, write them in [keys.add]" : "; `folio config --default` lists the actions"
            report("unknown action '\(action)' in \(Self.tableName(path.dropLast()))\(hint)", at: path)
            return nil
        }
        let names: [String]
        if let name = value.string {
            names = [name]
        } else if let array = value.array, array.allSatisfy({ $0.string != nil }) {
            names = array.compactMap(\.string)
        } else {
            report("\(Self.describe(path)) must be a list of key names like [\"j\", \"Down\", \"C-n\"]", at: path)
            return nil
        }
        let line = locator.line(of: path)
        var keys: [(key: Key, line: Int?)] = []
        for name in names {
            let keyLine = line.map { locator.line(ofString: name, inValueAt: $0) }
            guard let key = KeyName.parse(name) else {
                let examples = #"write keys like "j", "C-u", "PgDn", "Space", "F5", "S-Tab""#
                report("unknown key name '\(name)' for \(action); \(examples) (\(action) keeps its keys)", line: keyLine)
                return nil
            }
            keys.append((key, keyLine))
        }
        return Change(command: command, keys: keys, replaces: replaces)
    }

    private mutating func bind(_ key: Key, to command: Command, with editor: inout KeyMapEditor, line: Int?) {
        let name = KeyName.name(key)
        switch editor.add(key, to: command) {
        case .typesText:
            report(
                "'\(name)' cannot be bound to \(command.rawValue): it types text where \(command.rawValue) applies", line: line)
        case .bound(_, let conflicts) where !conflicts.isEmpty:
            let places = conflicts.map { "\($0.command.rawValue) in \($0.focus.rawValue)" }.joined(separator: ", ")
            report("key '\(name)' for \(command.rawValue) is already bound to \(places); skipped there", line: line)
        case .bound:
            break
        }
    }
}
