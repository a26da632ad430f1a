import CursesTerminal
import FolioCore
import FolioUI
import Foundation
import TerminalCore

/// Carries out hand-offs: the article to $PAGER, its file to $VISUAL/$EDITOR, its text to a shell
/// command, or its text or id to the clipboard with OSC 52 (which works over SSH). Returns the line
/// for the status bar.
struct HandOffRunner {
    var engine: any SearchEngine
    /// The corpus folder (or file) on disk; nil for the built-in articles, which have no files.
    let corpusRoot: String?
    let environment: [String: String]

    /// OSC 52 payloads beyond this are refused by many terminals; say so instead of failing silently.
    static let clipboardLimit = 100_000

    func run(_ handOff: HandOff, terminal: CursesTerminal, width: Int) -> String? {
        switch handOff {
        case .pager(let index, let pattern):
            let article = engine.article(at: index)
            let pager = nonEmpty(environment["PAGER"]) ?? "less"
            return withTemporaryFile(ArticleText.render(article, width: min(80, max(20, width)))) { file in
                // The pattern goes in as a positional parameter ($2), never into the command text.
                let search = pattern.flatMap { Self.isLessLike(pager) ? "+/" + $0 : nil }
                let command = search == nil ? "\(pager) \"$1\"" : "\(pager) -i \"$2\" \"$1\""
                let arguments = ["folio-pager", file] + (search.map { [$0] } ?? [])
                let status = terminal.runOutside { ChildProcess.runShell(command, arguments: arguments) }
                return describe(status, program: pager)
            }
        case .editor(let index):
            guard let location = location(of: engine.article(at: index)) else {
                if !engine.searchesInProcess { return "articles in Xapian have no file to edit" }
                return corpusRoot == nil ? "the built-in articles have no file to edit" : "the article's file is gone"
            }
            let editor = nonEmpty(environment["VISUAL"]) ?? nonEmpty(environment["EDITOR"]) ?? "vi"
            // An article inside a file of many (a JSON Lines or CSV record) opens its file at its line.
            let path = location.path
            let command = location.line.map { "\(editor) +\($0) \"$1\"" } ?? "\(editor) \"$1\""
            let before = FileVersion(path: path)
            let status = terminal.runOutside { ChildProcess.runShell(command, arguments: ["folio-editor", path]) }
            if let problem = describe(status, program: editor) { return problem }
            // Only a real change is reported: leaving the editor without saving changed nothing.
            guard FileVersion(path: path) != before else { return nil }
            return "edited \(engine.article(at: index).id); folio shows the text it loaded at start"
        case .pipe(let index, let command):
            let article = engine.article(at: index)
            return withTemporaryFile(article.title + "\n\n" + article.body + "\n") { file in
                let status = terminal.runOutside { () -> Int32? in
                    // The screen still shows folio: clear it so the output starts on a clean page.
                    FileHandle.standardOutput.write(Data("\u{1B}[H\u{1B}[2J".utf8))
                    let status = ChildProcess.runShell(command, standardInput: file)
                    // Its output would vanish under the redraw: let the user read it first.
                    FileHandle.standardOutput.write(
                        Data("\n[\(command): exit \(status.map(String.init) ?? "?")] press Enter to return to folio".utf8))
                    _ = readLine()
                    return status
                }
                return describe(status, program: command)
            }
        case .copyText(let index):
            let article = engine.article(at: index)
            return copy(article.title + "\n\n" + article.body, what: "the article's text", terminal: terminal)
        case .copyID(let index):
            return copy(engine.article(at: index).id, what: "the id \(engine.article(at: index).id)", terminal: terminal)
        case .openLink(let url):
            // Checked again here: whatever asks, only a checked address reaches a program.
            guard let url = LinkDetector.checked(url) else { return "not a link folio opens" }
            let command = BrowserCommand.command(for: url, browser: environment["BROWSER"])
            let status = terminal.runOutside { ChildProcess.run(command) }
            return describe(status, program: command[0]) ?? "opened \(TextLayout.truncate(url, toWidth: 60))"
        case .copyLink(let url):
            return copy(url, what: "the link", terminal: terminal)
        }
    }

    private func copy(_ text: String, what: String, terminal: CursesTerminal) -> String {
        guard let data = OSC52.sequence(for: text, limit: Self.clipboardLimit) else {
            return "too long to copy (\(text.utf8.count) bytes; terminals accept about \(Self.clipboardLimit))"
        }
        terminal.writeControlSequence(data)
        return "copied \(what) (OSC 52: the terminal must allow clipboard writes)"
    }

    /// The header lines of the article's file, when it is a mail or Usenet article (`H`); nil when
    /// it has no file (the built-in articles), is not a regular file any more, or has no header block.
    func headerLines(of index: Int) -> [String]? {
        guard let path = location(of: engine.article(at: index))?.path,
            (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular,
            let handle = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: HeaderBlock.maximumBytes) else { return nil }
        return HeaderBlock.lines(ofFileStart: [UInt8](data))
    }

    /// The article's file (the corpus root joined with its id, the root itself for one-file corpora,
    /// the container for a record of one) and its line there when it has one.
    func location(of article: Article) -> ArticleLocation? {
        guard let root = corpusRoot else { return nil }
        return ArticleLocation.of(id: article.id, root: root)
    }

    /// less and programs that take its options (`less -R`, `/usr/bin/less`): they accept
    /// `-i +/pattern`; other pagers get the file alone.
    static func isLessLike(_ pager: String) -> Bool {
        guard let program = pager.split(separator: " ").first else { return false }
        return (program.split(separator: "/").last ?? program) == "less"
    }

    private func describe(_ status: Int32?, program: String) -> String? {
        guard let status else { return "could not start \(program)" }
        return status == 0 ? nil : "\(program) exited with status \(status)"
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }

    private func withTemporaryFile(_ text: String, _ body: (String) -> String?) -> String? {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("folio-\(getpid())-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            return "cannot write a temporary file in \(NSTemporaryDirectory())"
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return body(path)
    }
}

/// The OSC 52 clipboard escape: ESC ] 52 ; c ; base64 BEL.
enum OSC52 {
    static func sequence(for text: String, limit: Int) -> [UInt8]? {
        let bytes = Data(text.utf8)
        guard bytes.count <= limit else { return nil }
        return Array("\u{1B}]52;c;\(bytes.base64EncodedString())\u{07}".utf8)
    }
}

/// What a file was before a hand-off, to tell whether the editor changed it: its modification
/// time, size and contents (a save within the same second, or of the same length, still shows).
struct FileVersion: Equatable {
    var modified: Date?
    var size: UInt64?
    var contents: Data?

    init(path: String) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        modified = attributes?[.modificationDate] as? Date
        size = (attributes?[.size] as? NSNumber)?.uint64Value
        contents = FileManager.default.contents(atPath: path)
    }
}
