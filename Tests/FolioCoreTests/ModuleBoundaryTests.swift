import Foundation
import Testing

/// DESIGN.md §2: dependencies point one way. Only CursesTerminal may import ncurses, and FolioCore
/// (the store every front end shares) imports no terminal or UI module.
@Suite struct ModuleBoundaryTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Sources")

    /// (file relative to Sources/, imported module) for every `import` line in the package's sources.
    static func imports() throws -> [(file: String, module: String)] {
        var result: [(String, String)] = []
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let relative = String(url.path.dropFirst(sources.path.count + 1))
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                if let index = words.firstIndex(of: "import"), index + 1 < words.count,
                    words[..<index].allSatisfy({ $0.hasPrefix("@") })
                {
                    result.append((relative, String(words[index + 1])))
                }
            }
        }
        return result
    }

    @Test func onlyCursesTerminalImportsNcurses() throws {
        let offenders = try Self.imports().filter { $0.module == "CNCursesW" && !$0.file.hasPrefix("CursesTerminal/") }
        #expect(offenders.isEmpty, "CNCursesW imported outside CursesTerminal: \(offenders.map(\.file))")
    }

    @Test func folioCoreImportsNoTerminalOrUIModule() throws {
        let forbidden: Set<String> = ["CNCursesW", "CursesTerminal", "TerminalCore", "FolioUI", "ArgumentParser"]
        let offenders = try Self.imports().filter { $0.file.hasPrefix("FolioCore/") && forbidden.contains($0.module) }
        #expect(offenders.isEmpty, "FolioCore imports \(offenders.map { "\($0.module) in \($0.file)" })")
    }

    @Test func folioUIDoesNotTalkToTheTerminal() throws {
        let offenders = try Self.imports().filter {
            $0.file.hasPrefix("FolioUI/") && ($0.module == "CNCursesW" || $0.module == "CursesTerminal")
        }
        #expect(offenders.isEmpty, "FolioUI must stay pure: \(offenders.map(\.file))")
    }

    @Test func theScanFindsImports() throws {
        // Guards the guard: if parsing broke, the tests above would pass vacuously.
        let imports = try Self.imports()
        #expect(imports.contains { $0.file.hasPrefix("CursesTerminal/") && $0.module == "CNCursesW" })
        #expect(imports.contains { $0.file.hasPrefix("FolioCore/") && $0.module == "Foundation" })
    }
}
