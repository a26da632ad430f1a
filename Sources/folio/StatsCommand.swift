import ArgumentParser
import FolioCore
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what a corpus load found: articles, skipped files by reason, index size and timings.",
        discussion: """
            Examples:
              folio stats ~/bbc
              folio stats ~/news --max-file-size 64
            """)

    @Argument(help: "A folder of articles or one article file. Default: the built-in articles.")
    var path: String?

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let engine = try corpus.loadEngine(path: path)
        let report = engine.report
        let statistics = engine.statistics
        var lines: [(String, String)] = [
            ("corpus", engine.name),
            ("articles", "\(report.articleCount)"),
            ("identical copies", "\(engine.foldedCopyCount) folded (each listed once, under its first id)"),
            ("text", ByteCount.describe(report.bytesRead)),
            ("terms", "\(statistics.termCount)"),
            ("index size", ByteCount.describe(statistics.indexBytes)),
            (
                "load time",
                String(
                    format: "%.1f ms (listing files %.1f ms, snapshot %.1f ms)",
                    report.loadSeconds * 1000, report.scanSeconds * 1000, report.snapshotSeconds * 1000)
            ),
            ("index time", String(format: "%.1f ms", report.indexSeconds * 1000)),
            ("snapshot", statistics.storage)
        ]
        if report.filesDecodedAsWindows1252 > 0 {
            lines.append(("read as Windows-1252", "\(report.filesDecodedAsWindows1252)"))
        }
        if report.filesWithInvalidUTF8 > 0 {
            lines.append(("invalid UTF-8 replaced", "\(report.filesWithInvalidUTF8) file(s)"))
        }
        // One line a file format (and a compression): articles made and files or records skipped.
        for (format, count) in report.formats.sorted(by: { $0.key < $1.key }) {
            lines.append(("format \(format.displayName)", "\(count.articles) articles, \(count.skipped) skipped"))
        }
        for (compression, count) in report.compressions.sorted(by: { $0.key < $1.key }) {
            lines.append(("compressed \(compression.displayName)", "\(count.articles) articles, \(count.skipped) skipped"))
        }
        lines.append(("skipped", "\(report.skippedCount)"))
        for (reason, count) in report.skipped.sorted(by: { $0.key < $1.key }) {
            let examples = report.skippedExamples[reason, default: []].joined(separator: ", ")
            lines.append(("  \(reason.explanation)", "\(count)  (e.g. \(examples))"))
        }
        // The report, examples included, may come from a snapshot: cleaned as article text is.
        let keyWidth = lines.map(\.0.count).max() ?? 0
        for (key, value) in lines.map({ ($0.0, PrintableText.line($0.1)) }) {
            print(key.padding(toLength: keyWidth, withPad: " ", startingAt: 0) + "  " + value)
        }
    }
}

enum ByteCount {
    static func describe(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
        return String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}
