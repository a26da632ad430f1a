import Foundation
import Testing

/// The command line on files of many articles: `show` takes a record's id, `stats` counts formats,
/// `--field` names fields, and nothing in a record reaches the terminal raw.
@Suite struct ContainerCLITests {
    private final class Folder {
        let url = FileManager.default.temporaryDirectory.appending(path: "folio-container-cli-\(UUID().uuidString)")
        var path: String { url.path }
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: url.appending(path: name))
        }
    }

    private func folio(_ arguments: String...) throws -> FolioProcess.Output {
        let output = try FolioProcess.run(arguments)
        #expect(!output.stdout.contains("\u{1B}"), "ESC in stdout of folio \(arguments)")
        #expect(!output.stderr.contains("\u{1B}"), "ESC in stderr of folio \(arguments)")
        return output
    }

    private func corpus() throws -> Folder {
        let folder = try Folder()
        try folder.write(
            "news.jsonl",
            #"{"title": "First record", "text": "One."}"# + "\nnot json\n"
                + #"{"headline": "Second \u001b[31mrecord", "story": "Two \u001b]0;pwned\u0007 words."}"# + "\n")
        try folder.write("table.csv", "title,text\nRow title,\"Row body, quoted\"\n")
        try folder.write("plain.txt", "Plain\n\nText.\n")
        return folder
    }

    @Test func showTakesTheIdOfARecord() throws {
        let folder = try corpus()
        let output = try folio("show", "news.jsonl/1", folder.path, "--width", "60")
        #expect(output.status == 0)
        #expect(output.stdoutLines.first == "First record")
        #expect(output.stdout.contains("news.jsonl/1"))
        #expect(output.stdout.contains("One."))
        let csv = try folio("show", "table.csv/2", folder.path)
        #expect(csv.stdout.contains("Row body, quoted"))
        let missing = try folio("show", "news.jsonl/2", folder.path)
        #expect(missing.status == 1)
    }

    @Test func statsPrintsALinePerFormat() throws {
        let folder = try corpus()
        let output = try folio("stats", folder.path, "--no-cache")
        #expect(output.status == 0)
        let lines = output.stdoutLines.map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("format text 1 articles, 0 skipped"))
        #expect(lines.contains("format JSON Lines 2 articles, 1 skipped"))
        #expect(lines.contains("format CSV 1 articles, 0 skipped"))
        #expect(lines.contains { $0.hasPrefix("not JSON (a line of a JSON Lines file) 1") })
    }

    @Test func fieldFlagNamesOtherFieldsAndEscapesNeverPrint() throws {
        let folder = try corpus()
        let output = try folio("list", folder.path, "--no-cache", "--field", "title=headline", "--field", "body=story")
        #expect(output.status == 0)
        #expect(output.stdout.contains("Second record"))
        #expect(!output.stdout.contains("pwned"))
        let shown = try folio("show", "news.jsonl/3", folder.path, "--no-cache", "--field", "body=story")
        #expect(shown.stdout.contains("words.") && !shown.stdout.contains("pwned"))
        let bad = try folio("list", folder.path, "--field", "colour=hue")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown field colour"))
    }
}
