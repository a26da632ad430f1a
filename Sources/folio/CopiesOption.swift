import ArgumentParser
import FolioCore

/// `--all-copies` for `list` and `search`: articles with the same title and text are printed once
/// (their first id), with how many copies they have; the flag prints every copy's row after it.
struct CopiesOption: ParsableArguments {
    @Flag(
        name: .customLong("all-copies"),
        help:
            "Print every copy of an article with the same title and text as another (by default each is printed once, with a copies count)."
    )
    var allCopies = false

    /// The rows of article `number`: its own, with its copies counted, then, with `--all-copies`,
    /// one per copy (`makeRow` makes a row of an article number).
    func rows(of number: Int, engine: any SearchEngine, _ makeRow: (Int) -> ArticleRow) -> [ArticleRow] {
        let copies = engine.copies(of: number)
        let articles = allCopies ? [number] + copies : [number]
        return articles.map { article in
            var row = makeRow(article)
            row.copies = copies.count
            return row
        }
    }
}
