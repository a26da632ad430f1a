import ArgumentParser
import FolioCore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search a corpus; print ranked matches with snippets.",
        discussion: """
            Query syntax: words must all match (any form: "ashes" finds "ash"); a OR b;
            "an exact phrase"; -word excludes; title:word; author:name; source:name;
            date:2021, date:2021-10, date:>2021-09-30, date:<=2021-10. Words close together
            rank first. When few articles match, small typos are forgiven and articles holding
            all words but one follow (marked with the missing word); when none match, a
            nearby query is suggested on stderr. Exit status 1 when nothing matches, as grep.

            Examples:
              folio search ashes
              folio search '"the son we almost had"'
              folio search 'teigen date:>2021-09-30 -instagram' ~/news --limit 5
              folio search profit ~/bbc --format tsv | cut -f1
              folio search --related business/042.txt ~/bbc
            """)

    @Argument(help: "The query (quote it for the shell when it has spaces or quotes); none with --related.")
    var query: String?

    @Argument(help: "A folder of articles or one article file. Default: the built-in articles.")
    var path: String?

    @Option(
        name: .customLong("related"),
        help: ArgumentHelp(
            "List the articles most like the one with this id (its most distinctive words, ranked), in place of a query.",
            valueName: "id"))
    var relatedID: String?

    /// With --related the one positional argument is the corpus.
    var corpusPath: String? { relatedID == nil ? path : query }

    @Option(name: .shortAndLong, help: "At most this many results (0 for all).")
    var limit: Int = 20

    @Option(help: "Order: relevance, date, title, or source.")
    var sort: ListOrder = .relevance

    @Option(help: "Output: table, tsv, or json.")
    var format: OutputFormat = .table

    @OptionGroup var corpus: CorpusOptions

    @OptionGroup var filters: StateFilterOptions

    @OptionGroup var copies: CopiesOption

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        if relatedID == nil && query == nil { throw ValidationError("a query is needed (or --related ID)") }
        if relatedID != nil && path != nil { throw ValidationError("--related takes an article id, not a query") }
    }

    func run() throws {
        let engine = try corpus.loadEngine(path: corpusPath)
        let results: SearchResults
        if let relatedID {
            guard let number = engine.number(ofID: relatedID) else {
                throw FolioExit(status: 2, message: "no article with id \(relatedID)")
            }
            results =
                engine.related(to: number, limit: limit == 0 ? engine.articleCount : limit)
                ?? SearchResults(query: Query(), list: ArticleList(ordered: []), seconds: 0, highlighting: ())
        } else {
            results = engine.search(query ?? "", mode: .complete, sort: sort)
        }
        for warning in results.query.warnings { printError(warning) }
        let marks = try filters.marks(corpusPath: corpusPath, engine: engine)
        // Filter before the limit, and make snippets only for the rows printed. Unfiltered, only the
        // rows printed are read: a remote engine's million matches stay on its servers.
        let kept: [SearchMatch]
        let total: Int
        if filters.narrows {
            kept = results.matches.filter { match in
                filters.apply([ArticleRow(engine.article(at: match.article))], marks: marks).isEmpty == false
            }
            total = kept.count
        } else {
            kept = results.list.matches(in: 0..<(limit == 0 ? results.list.count : limit))
            total = results.list.count
        }
        let shown = limit == 0 ? kept[...] : kept.prefix(limit)
        let rows = filters.apply(
            shown.flatMap { match in
                copies.rows(of: match.article, engine: engine) { number in
                    ArticleRow(engine.article(at: number), match: match, snippet: engine.snippet(of: number, in: results))
                }
            }, marks: marks)
        let output = Output(format: format, terminal: .current)
        print(output.render(rows, total: total, seconds: results.seconds), terminator: "")
        if kept.isEmpty {
            // "Did you mean": the query with each word the corpus lacks replaced by its nearest word.
            if let query, let suggestion = results.suggestion(for: query) {
                printError("no matches; did you mean \"\(PrintableText.line(suggestion))\"?")
            }
            throw FolioExit.nothingFound
        }
    }
}
