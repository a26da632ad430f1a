import ArgumentParser
import FolioCore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the articles of a corpus.",
        discussion: """
            Examples:
              folio list                        the built-in articles, newest first
              folio list ~/news --sort title
              folio list ~/news --format json | jq '.[].title'
              folio list ~/news --unread             what the reader has not opened yet
              folio list ~/news --all-copies         identical articles each on a row of their own
            """)

    @Argument(help: "A folder of articles (searched recursively) or one article file. Default: the built-in articles.")
    var path: String?

    @Option(help: "Order: date (newest first), title, or source.")
    var sort: ListOrder = .date

    @Option(help: "Output: table (aligned, for reading), tsv (one article per line), or json.")
    var format: OutputFormat = .table

    @OptionGroup var corpus: CorpusOptions

    @OptionGroup var filters: StateFilterOptions

    @OptionGroup var copies: CopiesOption

    func run() throws {
        let engine = try corpus.loadEngine(path: path)
        let marks = try filters.marks(corpusPath: path, engine: engine)
        let rows = filters.apply(
            engine.listing(sort: sort).flatMap { number in
                copies.rows(of: number, engine: engine) { ArticleRow(engine.article(at: $0)) }
            },
            marks: marks)
        let output = Output(format: format, terminal: .current)
        print(output.render(rows), terminator: "")
    }
}
