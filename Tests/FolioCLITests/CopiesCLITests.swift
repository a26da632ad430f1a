import Foundation
import Testing

/// Identical articles on the command line: `list` and `search` print each once with its `copies`
/// count, `--all-copies` prints every id, and `stats` says how many were folded.
@Suite struct CopiesCLITests {
    private final class Folder {
        let url = FileManager.default.temporaryDirectory.appending(path: "folio-copies-cli-\(UUID().uuidString)")
        var path: String { url.path }
        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let text = "Harbour reopens\n\nThe harbour reopened after the storm.\n"
            try Data(text.utf8).write(to: url.appending(path: "a.txt"))
            try Data(text.utf8).write(to: url.appending(path: "b.txt"))
            try Data("Harbour reopens\n\nThe harbour reopened before the storm.\n".utf8).write(to: url.appending(path: "c.txt"))
        }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    private struct Row: Decodable {
        var id: String
        var copies: Int
    }

    private func rows(_ output: FolioProcess.Output) throws -> [Row] {
        try JSONDecoder().decode([Row].self, from: Data(output.stdout.utf8))
    }

    @Test func listPrintsEachArticleOnceWithItsCopiesCount() throws {
        let folder = try Folder()
        let once = try FolioProcess.run(["list", folder.path, "--no-cache", "--sort", "title", "--format", "json"])
        #expect(once.status == 0, "\(once.stderr)")
        let listed = try rows(once).sorted { $0.id < $1.id }
        #expect(listed.map(\.id) == ["a.txt", "c.txt"])
        #expect(listed.map(\.copies) == [1, 0])
        let all = try FolioProcess.run(["list", folder.path, "--no-cache", "--all-copies", "--format", "json"])
        #expect(try rows(all).map(\.id).sorted() == ["a.txt", "b.txt", "c.txt"])
    }

    @Test func searchCountsAndPrintsEachArticleOnce() throws {
        let folder = try Folder()
        let once = try FolioProcess.run(["search", "storm", folder.path, "--no-cache", "--format", "tsv"])
        #expect(once.status == 0, "\(once.stderr)")
        #expect(Set(once.stdoutLines.map { String($0.prefix { $0 != "\t" }) }) == ["a.txt", "c.txt"])
        let all = try FolioProcess.run(["search", "storm", folder.path, "--no-cache", "--all-copies", "--format", "json"])
        #expect(try rows(all).map(\.id).sorted() == ["a.txt", "b.txt", "c.txt"])
    }

    @Test func statsSaysHowManyCopiesWereFolded() throws {
        let folder = try Folder()
        let output = try FolioProcess.run(["stats", folder.path, "--no-cache"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdoutLines.contains { $0.hasPrefix("identical copies") && $0.contains("1 folded") })
    }
}
