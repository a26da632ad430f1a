import CursesTerminal
import FolioCore
import FolioUI
import Foundation

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
        case .pager(let index):
            let article = engine.article(at: index)
            let pager = nonEmpty(environment["PAGER"]) ?? "less"
            return withTemporaryFile(ArticleText.render(article, width: min(80, max(20, width)))) { file in
                let status = terminal.runOutside { ChildProcess.runShell("\(pager) \"$1\"", arguments: ["folio-pager", file]) }
                return describe(status, program: pager)
            }
        case .editor(let index):
            guard let path = filePath(of: engine.article(at: index)) else {
                return !engine.searchesInProcess
                    ? "articles in Xapian have no file to edit" : "the built-in articles have no file to edit"
            }
            let editor = nonEmpty(environment["VISUAL"]) ?? nonEmpty(environment["EDITOR"]) ?? "vi"
            let status = terminal.runOutside { ChildProcess.runShell("\(editor) \"$1\"", arguments: ["folio-editor", path]) }
            return describe(status, program: editor)
                ?? "edited \(engine.article(at: index).id); folio shows the text it loaded at start"
        case .pipe(let index, let command):
            let article = engine.article(at: index)
            return withTemporaryFile(article.title + "\n\n" + article.body + "\n") { file in
                let status = terminal.runOutside { () -> Int32? in
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
        }
    }

    private func copy(_ text: String, what: String, terminal: CursesTerminal) -> String {
        guard let data = OSC52.sequence(for: text, limit: Self.clipboardLimit) else {
            return "too long to copy (\(text.utf8.count) bytes; terminals accept about \(Self.clipboardLimit))"
        }
        terminal.writeControlSequence(data)
        return "copied \(what) (OSC 52: the terminal must allow clipboard writes)"
    }

    /// The article's file: the corpus root joined with its id (or the root itself for one-file corpora).
    func filePath(of article: Article) -> String? {
        guard let root = corpusRoot else { return nil }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { return nil }
        return isFolder.boolValue ? (root as NSString).appendingPathComponent(article.id) : root
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
