import ArgumentParser
import FolioCore
import FolioXapian
import Foundation

/// `folio index PATH --xapian DIR`: writes a corpus into Xapian databases for `xapian:DIR`
/// (Documentation/architecture.md §9). Articles are read as every other command reads them.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Write a corpus into Xapian databases (shards) that folio then opens as xapian:DIR.",
        discussion: """
            Run again on a changed folder, it adds, replaces and deletes only the articles that changed. \
            Needs a folio built with Xapian (swift build --traits Xapian; make install does when libxapian-dev is installed).

            Examples:
              folio index ~/news --xapian ~/news.xapian
              folio index ~/news --xapian /srv/folio --shards 2
              folio xapian:~/news.xapian
            """)

    @Argument(help: "A folder of articles (searched recursively) or one article file.")
    var path: String

    @Option(help: ArgumentHelp("The folder to write the databases and their stub (shards.stub) into.", valueName: "DIR"))
    var xapian: String

    @Option(
        help: ArgumentHelp(
            "How many databases to spread the articles over (by a hash of their id). Default: as many as DIR already has, else 1.",
            valueName: "N"))
    var shards: Int?

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        guard XapianFailure.isAvailable else { throw FolioExit(status: 2, message: "index: \(XapianEngine.notBuilt)") }
        if let shards, !(1...256).contains(shards) { throw FolioExit.usage("--shards must be 1 to 256") }
        guard corpus.maxFileSizeMiB > 0 else { throw FolioExit.usage("--max-file-size must be at least 1 (MiB)") }
        let started = DispatchTime.now()
        let articles: [Article]
        let report: LoadReport
        do {
            (articles, report) = try CorpusLoader(options: corpus.loadOptions()).load(path: path)
        } catch {
            throw FolioExit(status: 2, message: error.description)
        }
        let progress = LoadProgressLine(verb: "indexing", unit: "articles")
        let summary: XapianIndexer.Summary
        do {
            summary = try XapianIndexer(folder: xapian).index(articles, shards: shards, progress: progress.update)
            progress.finish()
        } catch {
            progress.finish()
            throw FolioExit(status: 2, message: "index: \(error.description)")
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let megabytes = Double(report.bytesRead) / 1_048_576
        print(
            "indexed \(articles.count.formatted()) articles (\(ByteCount.describe(report.bytesRead))) into "
                + "\(summary.shards) shard\(summary.shards == 1 ? "" : "s") in \(PrintableText.line(xapian)): "
                + "\(summary.added.formatted()) added, \(summary.replaced.formatted()) replaced, "
                + "\(summary.deleted.formatted()) deleted, \(summary.unchanged.formatted()) unchanged; "
                + String(format: "%.1f s, %.1f MB/s", seconds, seconds > 0 ? megabytes / seconds : 0))
        if report.skippedCount > 0 {
            print("skipped \(report.skippedCount) file(s): folio stats \(PrintableText.line(path)) says why")
        }
        print("open it with: folio xapian:\(PrintableText.line(xapian))")
    }
}
