import ArgumentParser
import BuiltinCorpus
import FolioCore
import Foundation
import TerminalCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article, wrapped to a width.",
        discussion: """
            ID is the article's path relative to the corpus folder, as `folio list` shows it, or the
            path of an article file (alone, or inside the corpus folder given after it).

            Examples:
              folio show 001_2bcd1fa24314d7c1.txt
              folio show sport/199.txt ~/bbc --width 60
              folio show ~/bbc/sport/199.txt
            """)

    @Argument(
        help: "The article's id (its path relative to the corpus folder), or the path of its file.",
        completion: .custom { words, _, prefix in ArticleIDCompletion.ids(words: words, prefix: prefix) })
    var id: String

    @Argument(help: "A folder of articles or one article file. Default: the built-in articles.")
    var path: String?

    @Option(help: "Wrap at this many columns (default: the terminal's width, at most 80).")
    var width: Int?

    @OptionGroup var corpus: CorpusOptions

    func validate() throws {
        if let width, width < 10 { throw ValidationError("--width must be at least 10") }
    }

    func run() throws {
        let file = Self.regularFile(id)
        // A file named alone is a corpus of one; inside the folder named after it, it is that id.
        let corpusPath = path == nil && file != nil ? id : path
        let engine = try corpus.loadEngine(path: corpusPath)
        let found: Article?
        if path == nil, file != nil {
            guard engine.articleCount == 1 else {
                throw FolioExit(status: 1, message: "\(id) is not an article folio reads (folio stats \(id) says why)")
            }
            found = engine.article(at: 0)
        } else {
            found = engine.article(withID: id) ?? file.flatMap { Self.id(ofFile: $0, in: path) }.flatMap(engine.article(withID:))
        }
        guard let article = found else {
            // Every id, for close ones: not from a remote engine, where each would be a round trip.
            let ids = engine.searchesInProcess ? (0..<engine.articleCount).map(engine.id(at:)) : []
            let close = ids.filter { $0.hasSuffix(id) || $0.hasPrefix(id) }.prefix(3).map(PrintableText.line)
            let hint = close.isEmpty ? " (folio list shows the ids)" : "; did you mean \(close.joined(separator: ", "))?"
            // The id as typed: the error line shows its control characters as escapes (VisibleControls).
            throw FolioExit(status: 1, message: "no article with id \(id)\(hint)")
        }
        let columns = width ?? min(80, TerminalInfo.current.columns ?? 80)
        print(ArticleText.render(article, width: columns), terminator: "")
    }

    /// The real path of `path` when it names a regular file (after `~`), else nil.
    static func regularFile(_ path: String) -> String? {
        let expanded = (path as NSString).expandingTildeInPath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        return (expanded as NSString).resolvingSymlinksInPath
    }

    /// The id of the file at real path `file` in the corpus folder `root`: its path relative to it.
    static func id(ofFile file: String, in root: String?) -> String? {
        guard let root else { return nil }
        let folder = ((root as NSString).expandingTildeInPath as NSString).resolvingSymlinksInPath
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : nil
    }
}

/// The plain-text form of one article: title, a metadata line, then the wrapped body, each field
/// cleaned as `folio list` cleans it (`PrintableText`).
enum ArticleText {
    static func render(_ article: Article, width: Int) -> String {
        let row = ArticleRow(article).printable
        var lines = TextLayout.wrap(row.title, width: width)
        // The metadata line is wrapped too: with an id it is often wider than a narrow --width.
        lines += TextLayout.wrap(row.metadataLine, width: width)
        lines.append("")
        lines += TextLayout.wrapText(PrintableText.text(article.body), width: width)
        return lines.map { $0 + "\n" }.joined()
    }
}

/// Completes `folio show ID [PATH]` with the ids of the corpus named on the command line (the first
/// word after `show` that is an existing file or folder), else of the built-in articles.
enum ArticleIDCompletion {
    static func ids(words: [String], prefix: String) -> [String] {
        let afterShow = words.drop { $0 != "show" }.dropFirst()
        let path = afterShow.first { word in
            !word.hasPrefix("-") && FileManager.default.fileExists(atPath: (word as NSString).expandingTildeInPath)
        }
        let ids =
            path.map { CorpusLoader().articleIDs(path: ($0 as NSString).expandingTildeInPath) }
            ?? BuiltinCorpus.files.map(\.name)
        return ids.filter { $0.hasPrefix(prefix) }
    }
}
