import FolioUI
import TerminalCore

/// Changes a key table the way `[keys]` asks, keeping it free of conflicts. Pure: no TOML here.
///
/// Where a key applies is decided from the defaults, so a config never has to name focuses: a key
/// the action already had by default keeps that binding's focuses; a new key applies in every
/// focus the action has by default, except that printable keys never apply where typing enters text
/// (the search bar, the prompt). Keys bound again land in the binding they had, so rebinding an
/// action to its default keys gives back exactly the default table.
struct KeyMapEditor {
    /// A key that could not be bound in a focus because another action has it there.
    struct Conflict: Equatable {
        var focus: Focus
        var command: Command
    }

    /// What became of one key.
    enum Outcome: Equatable {
        /// Bound in these focuses; the conflicts are the focuses where it was skipped.
        case bound([Focus], conflicts: [Conflict])
        /// A printable key for an action that only applies where typing enters text.
        case typesText
    }

    /// The table, where an action's emptied bindings stay in place (without keys) so that keys
    /// bound again land where they were.
    private var bindings: [KeyMap.Binding]
    private let standard: KeyMap
    /// Focuses in which printable keys are text: the default table binds no printable key there.
    private let textFocuses: Set<Focus>

    init(_ keyMap: KeyMap, standard: KeyMap = .standard) {
        self.bindings = keyMap.bindings
        self.standard = standard
        let printableFocuses = standard.bindings.filter { $0.keys.contains(where: Self.isPrintable) }.flatMap(\.focuses)
        textFocuses = Set(Focus.allCases).subtracting(printableFocuses)
    }

    /// The table as edited.
    var keyMap: KeyMap { KeyMap(bindings: bindings.filter { !$0.keys.isEmpty }) }

    /// Unbinds every key of `command`.
    mutating func removeAll(_ command: Command) {
        for index in bindings.indices where bindings[index].command == command { bindings[index].keys = [] }
    }

    /// Binds `key` to `command` where the defaults say it applies, except in focuses where another
    /// action has it.
    mutating func add(_ key: Key, to command: Command) -> Outcome {
        let wanted = focuses(for: key, command: command)
        guard !wanted.isEmpty else { return .typesText }
        var conflicts: [Conflict] = []
        var bound: [Focus] = []
        for focus in wanted {
            if let other = self.command(for: key, in: focus), other != command {
                conflicts.append(Conflict(focus: focus, command: other))
            } else {
                bound.append(focus)
            }
        }
        if !bound.isEmpty { insert(key, for: command, in: bound) }
        return .bound(bound, conflicts: conflicts)
    }

    /// The focuses `key` should apply in for `command`.
    func focuses(for key: Key, command: Command) -> [Focus] {
        let defaults = standard.bindings.filter { $0.command == command }
        if let binding = defaults.first(where: { $0.keys.contains(key) }) { return binding.focuses }
        var all: [Focus] = []
        for focus in defaults.flatMap(\.focuses) where !all.contains(focus) { all.append(focus) }
        return Self.isPrintable(key) ? all.filter { !textFocuses.contains($0) } : all
    }

    private func command(for key: Key, in focus: Focus) -> Command? {
        bindings.first { $0.focuses.contains(focus) && $0.keys.contains(key) }?.command
    }

    /// Adds `key` to the command's binding for exactly these focuses, or to a new binding after the
    /// command's last one.
    private mutating func insert(_ key: Key, for command: Command, in focuses: [Focus]) {
        if let index = bindings.firstIndex(where: { $0.command == command && $0.focuses == focuses }) {
            if !bindings[index].keys.contains(key) { bindings[index].keys.append(key) }
            return
        }
        let binding = KeyMap.Binding(keys: [key], command: command, focuses: focuses)
        if let last = bindings.lastIndex(where: { $0.command == command }) {
            bindings.insert(binding, at: last + 1)
        } else {
            bindings.append(binding)
        }
    }

    private static func isPrintable(_ key: Key) -> Bool {
        if case .character = key { return true }
        return false
    }
}
