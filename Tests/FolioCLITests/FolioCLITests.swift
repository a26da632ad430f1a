import Foundation
import Testing

/// The `folio` command line, run as a subprocess: output formats, exit statuses, error messages.
@Suite struct FolioCLITests {
    static let ids = [
        "000_28476d52775e6d63.txt", "001_2bcd1fa24314d7c1.txt", "002_b78156dc43225a05.txt",
        "003_3879b8bc088c5fb4.txt", "004_e8d9254e75741f33.txt"
    ]

    /// Runs folio and checks what every run must satisfy: no escape byte in any output (stdout is a
    /// pipe here, so nothing may be styled), and no crash.
    func folio(_ arguments: String..., environment: [String: String] = [:], in directory: URL? = nil) throws
        -> FolioProcess.Output
    {
        let output = try FolioProcess.run(arguments, environment: environment, in: directory)
        #expect(!output.stdout.contains("\u{1B}"), "ESC in stdout of folio \(arguments)")
        #expect(!output.stderr.contains("\u{1B}"), "ESC in stderr of folio \(arguments)")
        #expect((0...2).contains(output.status), "folio \(arguments) exited \(output.status): \(output.stderr)")
        return output
    }

    // MARK: list

    @Test func listShowsTheBuiltinArticles() throws {
        let output = try folio("list")
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        #expect(output.stdoutLines.count == 5)
        for id in Self.ids { #expect(output.stdout.contains(id)) }
        // Newest first: the two dated articles, then the undated ones.
        #expect(output.stdoutLines.first?.hasPrefix("2021-10-25") == true)
        #expect(output.stdoutLines.first?.contains("Chrissy Teigen is revealing new details") == true)
    }

    @Test func listAsJSON() throws {
        let output = try folio("list", "--format", "json")
        #expect(output.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        let rows = try #require(parsed as? [[String: Any]])
        #expect(rows.count == 5)
        #expect(Set(rows.compactMap { $0["id"] as? String }) == Set(Self.ids))
        for row in rows {
            // Every row has every field (null when the article has no value), so consumers see one shape.
            #expect(
                Set(row.keys) == ["id", "title", "date", "source", "author", "url", "words", "read", "bookmarked", "copies"],
                "\(row.keys.sorted())")
            #expect((row["title"] as? String)?.isEmpty == false)
            #expect(row["source"] as? String == "built-in")
            #expect((row["words"] as? Int ?? 0) > 100)
        }
        let dated = try #require(rows.first { $0["id"] as? String == "001_2bcd1fa24314d7c1.txt" })
        #expect(dated["date"] as? String == "2021-10-25")
        let undated = try #require(rows.first { $0["id"] as? String == "000_28476d52775e6d63.txt" })
        #expect(undated["date"] is NSNull)
    }

    @Test func listAsTSV() throws {
        let output = try folio("list", "--format", "tsv")
        #expect(output.status == 0)
        let lines = output.stdoutLines
        #expect(lines.count == 5)
        let columns = Set(lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).count })
        #expect(columns == [5])
        #expect(Set(lines.map { String($0.prefix { $0 != "\t" }) }) == Set(Self.ids))
    }

    @Test func listSortedByTitle() throws {
        let output = try folio("list", "--sort", "title", "--format", "tsv")
        let titles = output.stdoutLines.map { $0.split(separator: "\t", omittingEmptySubsequences: false)[4].lowercased() }
        #expect(titles == titles.sorted())
    }

    @Test func defaultCommandBehavesLikeList() throws {
        let list = try folio("list")
        let bare = try folio()
        #expect(bare.status == 0)
        #expect(bare.stdout == list.stdout)
        #expect(bare.stderr.isEmpty)
    }

    @Test func runningFromTheRootFolderStillHasTheBuiltinArticles() throws {
        let output = try folio("list", in: URL(fileURLWithPath: "/"))
        #expect(output.status == 0)
        for id in Self.ids { #expect(output.stdout.contains(id)) }
    }

    // MARK: search

    @Test func searchFindsAndRanks() throws {
        let output = try folio("search", "ashes", "--format", "tsv")
        #expect(output.status == 0)
        #expect(output.stdoutLines.map { String($0.prefix { $0 != "\t" }) } == [Self.ids[0], Self.ids[3], Self.ids[1]])
        // TSV search rows carry a score and a snippet too, the same count on every line.
        #expect(Set(output.stdoutLines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).count }) == [7])
    }

    @Test func searchTable() throws {
        let output = try folio("search", "travel ashes")
        #expect(output.status == 0)
        #expect(output.stdout.contains(Self.ids[3]))
        #expect(output.stdout.contains(Self.ids[1]))
        #expect(output.stderr.isEmpty)
    }

    @Test func searchAsJSON() throws {
        let output = try folio("search", "\"the son we almost had\"", "--format", "json")
        #expect(output.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["id"] as? String }) == [Self.ids[1], Self.ids[3], Self.ids[4]])
        for row in rows {
            #expect(row["score"] is Double)
            #expect(row["fuzzy"] as? Bool == false)
            let snippet = try #require(row["snippet"] as? [String: Any])
            #expect((snippet["text"] as? String)?.lowercased().contains("the son we almost had") == true)
        }
    }

    @Test func searchWithNothingFoundExitsOne() throws {
        let output = try folio("search", "zzzzqqq")
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
    }

    @Test func searchWithColourDisabledHasNoEscapes() throws {
        let output = try folio("search", "teigen", environment: ["NO_COLOR": "1", "TERM": "xterm-256color"])
        #expect(output.status == 0)
        #expect(!output.stdout.isEmpty)
    }

    @Test func searchWarnsAboutABadDateButStillSearches() throws {
        let output = try folio("search", "ashes date:soon", "--format", "tsv")
        #expect(output.status == 0)
        #expect(output.stdoutLines.count == 3)
        #expect(output.stderrLines == ["folio: date:soon is not a date (use date:2021, date:2021-10, date:>2021-09-30)"])
    }

    @Test func searchLimit() throws {
        let output = try folio("search", "teigen", "--limit", "2", "--format", "tsv")
        #expect(output.stdoutLines.count == 2)
        #expect(try folio("search", "teigen", "--limit", "-1").status == 2)
    }

    // MARK: show

    @Test func showWrapsToTheWidth() throws {
        for id in Self.ids {
            let output = try folio("show", id, "--width", "40")
            #expect(output.status == 0)
            for line in output.stdoutLines {
                let columns = try #require(Columns.of(line), "a character of unknown width in \(line)")
                #expect(columns <= 40, "\(id): \(columns) columns: \(line)")
            }
        }
    }

    @Test func showStartsWithTheTitle() throws {
        let output = try folio("show", Self.ids[0], "--width", "40")
        let title = "Watch Chrissy Teigen’s Daughter Luna Sweetly Honor Baby Jack After His Ashes Are Brought Home"
        let titleLines = output.stdoutLines.prefix { !$0.isEmpty && !$0.hasPrefix("no date") }
        #expect(titleLines.joined(separator: " ") == title)
        #expect(
            output.stdout.replacingOccurrences(of: "\n", with: " ").contains("Chrissy Teigen and John Legend’s daughter Luna"))
    }

    @Test func showUnknownIDExitsOne() throws {
        let output = try folio("show", "unknown-id")
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderrLines.count == 1)
        #expect(output.stderr.hasPrefix("folio: no article with id unknown-id"))
    }

    @Test func showAcceptsAFilePathAloneOrInsideItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appending(path: "sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("# Hello there\n\nThe body.\n".utf8).write(to: folder.appending(path: "sub/a.md"))
        try Data("# Other\n\nMore.\n".utf8).write(to: folder.appending(path: "b.md"))
        let file = folder.appending(path: "sub/a.md").path
        for arguments in [["show", file], ["show", file, folder.path], ["show", "sub/a.md", folder.path]] {
            let output = try FolioProcess.run(arguments)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            #expect(output.stdoutLines.first == "Hello there", "\(arguments)")
        }
        #expect(try FolioProcess.run(["show", folder.appending(path: "missing.md").path]).status == 1)
    }

    @Test func showRejectsATinyWidth() throws {
        #expect(try folio("show", Self.ids[0], "--width", "5").status == 2)
    }

    // MARK: stats

    @Test func statsReportsTheLoad() throws {
        let output = try folio("stats")
        #expect(output.status == 0)
        let lines = output.stdoutLines
        #expect(lines.contains { $0.hasPrefix("articles") && $0.hasSuffix(" 5") })
        #expect(lines.contains { $0.hasPrefix("terms") })
        #expect(lines.contains { $0.hasPrefix("skipped") && $0.hasSuffix(" 0") })
    }

    @Test func statsCountsSkippedFilesByReason() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Good\n\nText.".utf8).write(to: folder.appendingPathComponent("good.txt"))
        try Data([0, 1, 2]).write(to: folder.appendingPathComponent("binary.txt"))
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        let output = try folio("stats", folder.path)
        #expect(output.status == 0)
        #expect(output.stdoutLines.contains { $0.hasPrefix("articles") && $0.hasSuffix(" 1") })
        #expect(output.stdoutLines.contains { $0.hasPrefix("skipped") && $0.hasSuffix(" 2") })
        #expect(output.stdout.contains("binary (NUL bytes)"))
    }

    // MARK: a corpus from disk

    @Test func hostileArticleIsPrintedSafely() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "Title \u{1B}]0;pwned\u{07}here\n\nBody \u{1B}[31mred\u{1B}[0m \u{9B}2J and \u{202E}bidi.\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("evil.txt"))
        // A hostile file name: ids are printed too.
        try Data("Named\n\nBody text.".utf8).write(to: folder.appendingPathComponent("name\u{1B}]0;pwned\u{07}\n.txt"))
        for arguments in [
            ["list", folder.path], ["search", "red", folder.path], ["show", "evil.txt", folder.path],
            ["list", folder.path, "--format", "json"], ["search", "body", folder.path, "--format", "tsv"],
            ["stats", folder.path], ["show", #"name\x1b]0;pwned\x07\x0a.txt"#, folder.path]
        ] {
            let output = try FolioProcess.run(arguments)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            for forbidden in ["\u{1B}", "\u{07}", "\u{9B}", "\u{202E}", "[31m"] {
                #expect(!output.stdout.contains(forbidden), "\(arguments) printed \(forbidden.debugDescription)")
                #expect(!output.stderr.contains(forbidden), "\(arguments) printed \(forbidden.debugDescription) on stderr")
            }
            // "pwned" may remain in the file name's id, never in article text.
            if arguments == ["show", "evil.txt", folder.path] {
                #expect(!output.stdout.contains("pwned"))
            }
        }
    }

    // MARK: errors and help

    @Test func missingPathExitsTwoWithOneLine() throws {
        let output = try folio("list", "/no/such/folio/corpus")
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderrLines == ["folio: no such file or folder: /no/such/folio/corpus"])
    }

    @Test func emptyFolderExitsTwo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try folio("search", "x", folder.path)
        #expect(output.status == 2)
        #expect(output.stderrLines.count == 1)
        #expect(output.stderr.hasPrefix("folio: no articles in"))
    }

    @Test(arguments: [
        ["list", "--bogus"], ["--bogus"], ["search"], ["list", "--sort", "sideways"], ["list", "--max-file-size", "0"]
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let output = try FolioProcess.run(arguments)
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("folio: "))
    }

    @Test(arguments: [
        ["--help"], ["list", "--help"], ["search", "--help"], ["show", "--help"], ["stats", "--help"], ["help", "search"]
    ])
    func helpHasExamples(arguments: [String]) throws {
        let output = try FolioProcess.run(arguments)
        #expect(output.status == 0)
        #expect(output.stdout.contains("Examples"))
        #expect(!output.stdout.contains("\u{1B}"))
    }

    @Test func version() throws {
        let output = try folio("--version")
        #expect(output.status == 0)
        #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}
