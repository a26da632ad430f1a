import FolioCore
import FolioUI
import Foundation
import TOMLKit

/// `[layout]` and `[general]`: plain settings with ranges.
extension ConfigReader {
    /// Accepted ranges: below these the panes have no room; above them the number is surely a typo.
    static let sideBySideWidths = 60...1000
    static let listWidths = 20...500
    static let measures = 20...500
    /// Columns the reading pane keeps, at least, beside a `list_width` list.
    static let minimumReaderWidth = 20

    mutating func readLayout(_ table: TOMLTable, into configuration: inout FolioConfiguration) {
        let path = ["layout"]
        for (key, value) in entries(of: table, at: path) {
            let keyPath = path + [key]
            switch key {
            case "side_by_side_width":
                integer(value, at: keyPath, in: Self.sideBySideWidths).map { configuration.sideBySideWidth = $0 }
            case "list_width":
                integer(value, at: keyPath, in: Self.listWidths).map { configuration.listWidth = $0 }
            case "measure":
                integer(value, at: keyPath, in: Self.measures).map { configuration.measure = $0 }
            default:
                reportUnknownKey(at: keyPath, expected: ["side_by_side_width", "list_width", "measure"])
            }
        }
        if let listWidth = configuration.listWidth, listWidth > configuration.sideBySideWidth - Self.minimumReaderWidth {
            let problem = "leaves the reading pane under \(Self.minimumReaderWidth) columns"
            report(
                "'list_width' \(listWidth) in [layout] \(problem) at side_by_side_width \(configuration.sideBySideWidth); ignored",
                at: path + ["list_width"])
            configuration.listWidth = nil
        }
    }

    mutating func readGeneral(_ table: TOMLTable, into configuration: inout FolioConfiguration) {
        let path = ["general"]
        for (key, value) in entries(of: table, at: path) {
            let keyPath = path + [key]
            switch key {
            case "default_sort":
                guard let name = string(value, at: keyPath) else { continue }
                if let order = ListOrder(rawValue: name.lowercased()) {
                    configuration.defaultSort = order
                } else {
                    let names = ListOrder.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                    report("unknown sort '\(name)' in [general]; expected one of \(names)", at: keyPath)
                }
            case "corpus":
                guard let corpus = string(value, at: keyPath) else { continue }
                corpusPath(corpus, at: keyPath).map { configuration.defaultCorpus = $0 }
            case "follow_links":
                bool(value, at: keyPath).map { configuration.followLinks = $0 }
            case "mouse":
                bool(value, at: keyPath).map { configuration.mouse = $0 }
            default:
                reportUnknownKey(at: keyPath, expected: ["default_sort", "corpus", "follow_links", "mouse"])
            }
        }
    }

    /// `[fields]`: `title = "headline"` reads a record's field `headline` as its title.
    mutating func readFields(_ table: TOMLTable, into configuration: inout FolioConfiguration) {
        let path = ["fields"]
        let roles = FieldNames.Role.allCases.map(\.rawValue)
        for (key, value) in entries(of: table, at: path) {
            let keyPath = path + [key]
            guard roles.contains(key) else {
                reportUnknownKey(at: keyPath, expected: roles)
                continue
            }
            guard let name = string(value, at: keyPath) else { continue }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                report("'\(key)' in [fields] names no field", at: keyPath)
                continue
            }
            configuration.fields[key] = name
        }
    }

    /// An absolute path, with a leading `~` or `~/` expanded from `HOME`. Relative paths are refused:
    /// relative to what would depend on where folio was started.
    private mutating func corpusPath(_ path: String, at keyPath: [String]) -> String? {
        // A Xapian database (README "Xapian"): the same rules for the path after the scheme.
        if path.hasPrefix(Self.xapianScheme) {
            return corpusPath(String(path.dropFirst(Self.xapianScheme.count)), at: keyPath).map { Self.xapianScheme + $0 }
        }
        if path == "~" || path.hasPrefix("~/") {
            guard var home = environment["HOME"], !home.isEmpty else {
                report("'corpus' in [general] starts with ~ but HOME is not set", at: keyPath)
                return nil
            }
            if home.count > 1 && home.hasSuffix("/") { home.removeLast() }
            return home + path.dropFirst()
        }
        guard path.hasPrefix("/") else {
            report("'corpus' in [general] must be an absolute path or start with ~/, not '\(path)'", at: keyPath)
            return nil
        }
        return path
    }

    static let xapianScheme = "xapian:"
}
