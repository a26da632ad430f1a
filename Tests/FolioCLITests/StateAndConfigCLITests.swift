import Foundation
import Testing

/// The scripting side of the reading state and the configuration: filters, JSON flags, `config`.
@Suite struct StateAndConfigCLITests {
    @Test func withoutAStateFileNothingIsReadAndNoFileIsCreated() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "folio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try FolioProcess.run(["list", "--format", "json"], environment: ["XDG_STATE_HOME": folder.path])
        #expect(output.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0["read"] as? Bool == false && $0["bookmarked"] as? Bool == false })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "list must not create state")
        // --unread keeps all five; --bookmarked finds none (exit 1 for search, empty list for list).
        #expect(
            try FolioProcess.run(["list", "--unread", "--format", "tsv"], environment: ["XDG_STATE_HOME": folder.path])
                .stdoutLines.count == 5)
        #expect(
            try FolioProcess.run(["search", "teigen", "--bookmarked"], environment: ["XDG_STATE_HOME": folder.path]).status == 1)
    }

    @Test func aMissingStateFileNamedOnTheCommandLineIsAnError() throws {
        let output = try FolioProcess.run(["list", "--state", "/nonexistent/folio/state.sqlite"])
        #expect(output.status == 2)
        #expect(output.stderrLines.count == 1 && output.stderr.hasPrefix("folio: no state file"))
    }

    @Test func theDefaultConfigIsPrintedAndChecksClean() throws {
        let printed = try FolioProcess.run(["config", "--default"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("[keys]") && printed.stdout.contains("[theme]") && printed.stdout.contains("[layout]"))
        let file = FileManager.default.temporaryDirectory.appending(path: "folio-config-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(printed.stdout.utf8).write(to: file)
        let checked = try FolioProcess.run(["config", "--check", file.path])
        #expect(checked.status == 0, "the printed default config has problems: \(checked.stdout)")
    }

    @Test func aBadConfigIsReportedWithItsLineNumber() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "folio-config-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("[layout]\nmeasure = 80\nside_by_side_width = \"wide\"\n".utf8).write(to: file)
        let checked = try FolioProcess.run(["config", "--check", file.path])
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("\(file.lastPathComponent):3:"), "no line number in: \(checked.stdout)")
    }

    /// The README points to `folio config --default` and shows a short example instead of the whole
    /// file; the example must stay a config folio accepts as it is.
    @Test func theReadmeConfigExampleChecksClean() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains("folio config --default"))
        let blocks = text.components(separatedBy: "```toml\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
        try #require(!blocks.isEmpty, "README.md has no toml example")
        for block in blocks {
            let file = FileManager.default.temporaryDirectory.appending(path: "folio-readme-\(UUID().uuidString).toml")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(block.utf8).write(to: file)
            let checked = try FolioProcess.run(["config", "--check", file.path], environment: ["HOME": "/home/reader"])
            #expect(checked.status == 0, "README.md's config example has problems: \(checked.stdout)")
        }
    }
}
