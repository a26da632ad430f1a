import FolioUI
import TOMLKit
import TerminalCore

/// `[theme]`: `name` picks a theme, then each element's table changes the attributes it names.
extension ConfigReader {
    static let styleKeys = ["fg", "bg", "bold", "underline", "reverse", "dim"]

    mutating func readTheme(_ table: TOMLTable, into theme: inout Theme) {
        let path = ["theme"]
        // The name first, wherever it is written: the elements change the theme it picks.
        if let value = table["name"], let name = string(value, at: path + ["name"]) {
            if let named = ThemeName(rawValue: name.lowercased()) {
                theme = named.theme
            } else {
                let names = ThemeName.allCases.map { "'\($0.rawValue)'" }.joined(separator: " or ")
                report("unknown theme '\(name)' in [theme]; expected \(names)", at: path + ["name"])
            }
        }
        for (name, value) in entries(of: table, at: path) where name != "name" {
            guard let element = ThemeElement.named(name) else {
                reportUnknownKey(at: path + [name], expected: ["name"] + ThemeElement.all.map(\.name))
                continue
            }
            guard let style = self.table(value, at: path + [name]) else { continue }
            readStyle(style, at: path + [name], into: &theme[keyPath: element.style])
        }
    }

    /// `{ fg = "yellow", bg = 236, bold = true }`: only the attributes written change.
    private mutating func readStyle(_ table: TOMLTable, at path: [String], into style: inout Style) {
        for (key, value) in entries(of: table, at: path) {
            let keyPath = path + [key]
            switch key {
            case "fg": color(value, at: keyPath).map { style.foreground = $0 }
            case "bg": color(value, at: keyPath).map { style.background = $0 }
            case "bold": bool(value, at: keyPath).map { style.bold = $0 }
            case "underline": bool(value, at: keyPath).map { style.underline = $0 }
            case "reverse": bool(value, at: keyPath).map { style.reverse = $0 }
            case "dim": bool(value, at: keyPath).map { style.dim = $0 }
            default: reportUnknownKey(at: keyPath, expected: Self.styleKeys)
            }
        }
    }

    private mutating func color(_ value: TOMLValueConvertible, at path: [String]) -> TerminalColor? {
        if let name = value.string {
            if let color = ColorName.parse(name) { return color }
            report("unknown colour '\(name)' for \(Self.describe(path)); expected \(ColorName.allNames) or 0-255", at: path)
            return nil
        }
        if let index = value.int {
            if let color = ColorName.parse(index) { return color }
            report("colour \(index) for \(Self.describe(path)) is out of range; expected 0-255", at: path)
            return nil
        }
        report("\(Self.describe(path)) must be a colour name or a number 0-255, not \(Self.article(value.type))", at: path)
        return nil
    }
}
