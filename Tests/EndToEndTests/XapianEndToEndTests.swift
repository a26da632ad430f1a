import Foundation
import Testing

/// The reader on a Xapian stub of two shards (`folio index --xapian`), driven through tmux: the
/// list, an incremental search with highlighted hits, an article opened on its hits, and quitting.
/// Skipped when this folio was built without the `Xapian` trait.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable && XapianBuild.isPresent, "needs tmux and folio built with Xapian"))
struct XapianEndToEndTests {
    @Test func readSearchAndOpenFromXapianShards() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let topics = ["lighthouse keepers", "orchard harvest", "tram timetable", "glacier survey", "lantern festival"]
        let files = topics.enumerated().map { number, topic in
            let body = "A note about the \(topic).\n\nThe \(topic) were discussed at length by the committee."
            return ("\(number).md", "# \(topic.capitalized) report\n\n\(body)\n")
        }
        let (folder, tmux) = try Self.readerOnShards(folio, files: files)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try tmux.waitFor("the five titles") { screen in topics.allSatisfy { screen.contains("\($0.capitalized) report") } }

        try tmux.press("/")
        try tmux.type("glaci", slowly: true)
        let results = try tmux.waitFor("1 result for glaci") { $0.contains("1 result") }
        #expect(!results.contains("Orchard Harvest report"))
        let styled = try tmux.screen(escapes: true)
        #expect(
            styled.range(of: "\u{1B}\\[[0-9;]*m(glacier|Glacier)", options: .regularExpression) != nil, "no hit in:\n\(styled)")

        try tmux.press("Enter")
        try tmux.press("Enter")
        try tmux.waitFor("the article on its hits") { $0.contains("hit 1/") && $0.contains("discussed at length") }
        try tmux.press("q")
        try tmux.press("q")
        try tmux.waitFor("the shell again") { $0.contains("$ FOLIO_NO_CACHE") && !$0.contains("hit 1/") }
    }

    /// While a query is typed the list comes before its count ("about N", `1/~N`); after a pause
    /// the exact count arrives and the whole list is reachable (`G` goes to its last row).
    @Test func theCountIsEstimatedWhileTypingAndExactAfterAPause() throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        // 1,000 articles name the harbour, every fifth of them little else: Xapian has its best 64
        // long before it has seen every match, and only estimates how many there are.
        let files = (0..<1500).map { number in
            let body =
                number % 3 == 2
                ? "The pier was quiet."
                : number % 5 == 0
                    ? "Harbour, harbour, harbour." : "The harbour opened at dawn and boats \(number) went out past the pier."
            return (String(format: "%04d.txt", number), "Report \(number)\n\n\(body)\n")
        }
        let (folder, tmux) = try Self.readerOnShards(folio, files: files)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try tmux.waitFor("the list") { $0.contains("1/1500") }
        try tmux.press("/")
        try tmux.type("harbour", slowly: true)
        try tmux.waitFor("the first rows with an estimated count") { $0.contains("about ") && $0.contains("/~") }
        try tmux.waitFor("the exact count after the pause") { $0.contains("1000 results") && $0.contains("1/1000 ") }
        try tmux.press("Enter", "G")
        try tmux.waitFor("the last row reachable") { $0.contains("1000/1000 ") }
        try tmux.press("q")
        try tmux.waitFor("the shell again") { $0.contains("$ FOLIO_NO_CACHE") && !$0.contains("1000/1000") }
    }

    /// Writes `files` (name, text) to a fresh folder, indexes them into two Xapian shards and
    /// starts the reader on them in tmux. The folder is the caller's to remove.
    private static func readerOnShards(_ folio: URL, files: [(String, String)]) throws -> (folder: String, tmux: TmuxSession) {
        let folder = FileManager.default.temporaryDirectory.appending(path: "folio-xapian-e2e-\(UUID().uuidString)").path
        let articles = folder + "/articles"
        try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: articles + "/" + name, atomically: true, encoding: .utf8) }
        #expect(XapianBuild.run(folio.path, ["index", articles, "--xapian", folder + "/db", "--shards", "2"]) == 0)
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.runInShell("FOLIO_NO_CACHE=1 \(folio.path) --state \(folder)/state.sqlite xapian:\(folder)/db")
        return (folder, tmux)
    }
}

/// Whether the folio under test has the Xapian engine (the `Xapian` trait), asked once.
enum XapianBuild {
    static let isPresent: Bool = {
        guard let folio = FolioBinary.url else { return false }
        return run(folio.path, ["stats", "xapian:/nonexistent"], output: true).output.contains("built without Xapian") == false
    }()

    /// Runs folio to the end with its output read (it starts no child of its own).
    static func run(_ path: String, _ arguments: [String]) -> Int32 { run(path, arguments, output: false).status }

    private static func run(_ path: String, _ arguments: [String], output: Bool) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
