import TerminalCore

/// Key names as written in `config.toml`: the spelling of `Key.description` ("C-u", "PgDn",
/// "Space", "F5", "S-Tab", "j"). Named keys are case-insensitive, a few common aliases are accepted
/// ("Escape", "PageDown", "Return"), and a single character stands for itself, case and all.
public enum KeyName {
    /// The key `text` names, or `nil` if it names none.
    public static func parse(_ text: String) -> Key? {
        if text.count == 1, let character = text.first {
            return isPrintable(character) ? .character(character) : nil
        }
        let lowered = text.lowercased()
        if let key = named[lowered] { return key }
        if lowered.hasPrefix("c-"), lowered.count == 3, let letter = lowered.last, ("a"..."z").contains(letter) {
            return .control(letter)
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), functionKeys.contains(number),
            String(number) == lowered.dropFirst()
        {
            return .function(number)
        }
        return nil
    }

    /// The canonical name of `key`, which `parse` reads back: `Key.description`.
    public static func name(_ key: Key) -> String { key.description }

    /// Whether a character can be bound as itself (not a control or other invisible character).
    static func isPrintable(_ character: Character) -> Bool {
        !character.unicodeScalars.contains { $0.properties.generalCategory == .control }
            && !character.isNewline
    }

    /// curses numbers function keys F0 to F63.
    private static let functionKeys = 1...63

    /// Lower-cased names and aliases of the keys that are not single characters.
    private static let named: [String: Key] = {
        var names: [String: Key] = [:]
        let canonical: [Key] = [
            .character(" "), .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape,
            .backspace, .tab, .backTab, .delete, .insert
        ]
        for key in canonical { names[key.description.lowercased()] = key }
        let aliases: [String: Key] = [
            "pageup": .pageUp, "pagedown": .pageDown, "return": .enter, "escape": .escape, "bs": .backspace,
            "backtab": .backTab, "shift-tab": .backTab, "delete": .delete, "insert": .insert
        ]
        names.merge(aliases) { current, _ in current }
        return names
    }()
}
