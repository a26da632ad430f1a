import TOMLKit

/// Reads the tables of a parsed config into a `FolioConfiguration`, collecting diagnostics with
/// line numbers. A setting whose value is wrong is reported and left at its default.
struct ConfigReader {
    let fileName: String
    let locator: SourceLocator
    let environment: [String: String]
    private(set) var diagnostics: [ConfigDiagnostic] = []

    init(fileName: String, text: String, environment: [String: String]) {
        self.fileName = fileName
        self.locator = SourceLocator(text)
        self.environment = environment
    }

    /// Reads every top-level table, in the order they are written.
    mutating func read(_ root: TOMLTable, into configuration: inout FolioConfiguration) {
        for (name, value) in entries(of: root, at: []) {
            let path = [name]
            switch name {
            case "keys": table(value, at: path).map { readKeys($0, into: &configuration.keyMap) }
            case "theme": table(value, at: path).map { readTheme($0, into: &configuration.theme) }
            case "layout": table(value, at: path).map { readLayout($0, into: &configuration) }
            case "general": table(value, at: path).map { readGeneral($0, into: &configuration) }
            case "fields": table(value, at: path).map { readFields($0, into: &configuration) }
            default:
                let what = value.table == nil ? "key '\(name)'" : "table [\(name)]"
                report("unknown \(what); expected [keys], [theme], [layout], [general] or [fields]", at: path)
            }
        }
    }

    // MARK: Reporting

    mutating func report(_ message: String, at path: [String]) {
        report(message, line: locator.line(of: path))
    }

    mutating func report(_ message: String, line: Int?) {
        diagnostics.append(ConfigDiagnostic(file: fileName, line: line, message: message))
    }

    mutating func reportUnknownKey(at path: [String], expected: [String]) {
        let list = expected.map { "'\($0)'" }.joined(separator: ", ")
        report("unknown key '\(path.last ?? "")' in \(Self.tableName(path.dropLast())); expected one of \(list)", at: path)
    }

    /// `'measure' in [layout]`, for messages.
    static func describe(_ path: [String]) -> String {
        path.count <= 1 ? "'\(path.last ?? "")'" : "'\(path.last!)' in \(tableName(path.dropLast()))"
    }

    static func tableName(_ path: ArraySlice<String>) -> String { "[\(path.joined(separator: "."))]" }

    // MARK: Typed values

    /// A table's entries in the order they are written (TOMLKit sorts keys by name).
    func entries(of table: TOMLTable, at path: [String]) -> [(String, TOMLValueConvertible)] {
        let keys = table.keys.sorted { first, second in
            let firstLine = locator.line(of: path + [first]) ?? .max
            let secondLine = locator.line(of: path + [second]) ?? .max
            return (firstLine, first) < (secondLine, second)
        }
        return keys.compactMap { key in table[key].map { (key, $0) } }
    }

    mutating func table(_ value: TOMLValueConvertible, at path: [String]) -> TOMLTable? {
        if let table = value.table { return table }
        report("\(Self.describe(path)) must be a table, not \(Self.article(value.type))", at: path)
        return nil
    }

    mutating func string(_ value: TOMLValueConvertible, at path: [String]) -> String? {
        if let string = value.string { return string }
        report("\(Self.describe(path)) must be a string, not \(Self.article(value.type))", at: path)
        return nil
    }

    mutating func bool(_ value: TOMLValueConvertible, at path: [String]) -> Bool? {
        if let bool = value.bool { return bool }
        report("\(Self.describe(path)) must be true or false, not \(Self.article(value.type))", at: path)
        return nil
    }

    mutating func integer(_ value: TOMLValueConvertible, at path: [String], in range: ClosedRange<Int>) -> Int? {
        guard let number = value.int else {
            report("\(Self.describe(path)) must be an integer, not \(Self.article(value.type))", at: path)
            return nil
        }
        guard range.contains(number) else {
            report("\(Self.describe(path)) must be between \(range.lowerBound) and \(range.upperBound), not \(number)", at: path)
            return nil
        }
        return number
    }

    /// "a string", "an integer", for messages.
    static func article(_ type: TOMLType) -> String {
        let name = type.description
        return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }
}
