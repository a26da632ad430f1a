import Foundation
import Testing

/// Documentation/architecture.md §2: dependencies point one way. Only CursesTerminal may import ncurses, and FolioCore
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

    @Test func onlyTheHTMLDocumentImportsLibXML2() throws {
        let importers = try Self.imports().filter { $0.module == "CLibXML2" }.map(\.file)
        #expect(importers == ["FolioCore/Parsing/HTML/HTMLDocument.swift"], "CLibXML2 imported by \(importers)")
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

    /// Issue #16: front ends hold an `any SearchEngine`. Only the code that opens a corpus names the
    /// embedded engine (its index's public types are internal to FolioCore, so the compiler keeps
    /// the rest out), and nothing else reaches its index or snapshot lifecycle.
    static let openers: Set<String> = [
        "folio/CorpusOptions.swift", "folio/CorpusRecheck.swift", "FolioBench/FolioRun.swift",
        "FolioBench/FolioBenchCommand.swift"
    ]
    static let embeddedOnly = ["EmbeddedEngine", "snapshotStatus", "isCheckingSnapshot", "waitForSnapshotCheck", "buildIndex"]

    /// (file relative to Sources/, text) of every Swift file in the front-end targets.
    static func frontEndSources() throws -> [(file: String, text: String)] {
        var result: [(String, String)] = []
        for target in ["FolioUI", "folio", "FolioBench", "FolioConfig"] {
            let folder = sources.appending(path: target)
            let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            for case let url as URL in enumerator where url.pathExtension == "swift" {
                result.append((String(url.path.dropFirst(sources.path.count + 1)), try String(contentsOf: url, encoding: .utf8)))
            }
        }
        return result
    }

    @Test func frontEndsTalkToTheEngineProtocol() throws {
        let files = try Self.frontEndSources()
        let offenders = files.filter { !Self.openers.contains($0.file) }.flatMap { file in
            Self.embeddedOnly.filter { file.text.contains($0) }.map { "\($0) in \(file.file)" }
        }
        #expect(offenders.isEmpty, "front ends past the engine seam: \(offenders)")
        // Guards the guard: the openers exist and do name the embedded engine.
        let openers = files.filter { Self.openers.contains($0.file) }
        #expect(openers.count == Self.openers.count && openers.allSatisfy { $0.text.contains("EmbeddedEngine") })
    }

    /// folio-bench translates queries for FTS5 from folio's own lexer, not a copy that drifts.
    @Test func folioBenchHasNoQueryLexerOfItsOwn() throws {
        let bench = try Self.frontEndSources().filter { $0.file.hasPrefix("FolioBench/") }
        #expect(!bench.isEmpty && !bench.contains { $0.text.contains("func lex(") })
        #expect(bench.contains { $0.text.contains("QueryParser.lex(") })
    }
}
