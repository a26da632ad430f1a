import Foundation
import Testing

/// folio(1) is generated from the command definitions: the committed page must match them.
@Suite struct ManualTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: python != nil, "python3 is needed to generate the manual"))
    func theCommittedManPageMatchesTheCommands() throws {
        let binary = try FolioProcess.binary.get()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [Self.repository.appending(path: "Scripts/generate-manpage.py").path, binary.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let generated = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let committed = try Data(contentsOf: Self.repository.appending(path: "Documentation/folio.1"))
        #expect(generated == committed, "Documentation/folio.1 is stale: run `make manual`")
        let page = String(decoding: generated, as: UTF8.self)
        for section in [".SH SYNOPSIS", ".SH COMMANDS", ".SH KEYS", ".SH QUERY SYNTAX", ".SH FILES", ".SH ENVIRONMENT"] {
            #expect(page.contains(section))
        }
    }

    @Test func completionScriptsNameTheSubcommands() throws {
        for shell in ["bash", "zsh", "fish"] {
            let output = try FolioProcess.run(["--generate-completion-script", shell])
            #expect(output.status == 0)
            #expect(output.stdout.contains("search") && output.stdout.contains("show"), "\(shell) completion")
        }
    }

    @Test func showCompletesTheIdsOfTheBuiltinArticles() throws {
        let output = try FolioProcess.run(["---completion", "show", "--", "positional@0", "1", "0", "folio", "show", "00"])
        #expect(output.stdoutLines.count == 5)
        #expect(output.stdoutLines.allSatisfy { $0.hasSuffix(".txt") })
    }

    @Test func versionComesFromOnePlace() throws {
        let output = try FolioProcess.run(["--version"])
        #expect(output.status == 0)
        #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}
