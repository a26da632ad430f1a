import ArgumentParser
import CursesTerminal
import FolioCore
import Foundation
import TerminalCore

/// `folio`: read and search a folder of articles. The entry point maps every error to folio's exit
/// statuses (0 found, 1 nothing found, 2 usage or corpus error) instead of ArgumentParser's own.
@main
struct FolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Read and search a folder of articles in the terminal.",
        discussion: """
            With no subcommand, folio opens the interactive reader, or prints the list as `folio list` does when stdin or stdout is not a terminal. PATH is a folder (searched recursively) or one file; without it, folio uses the corpus named in its config, else its built-in articles.

            Exit status: 0 found, 1 nothing found, 2 usage or corpus error, 128 + N when stopped by signal N.

            Examples:
              folio list ~/news --sort title
              folio search 'teigen "late son" -legend'
              folio show business/001.txt ~/bbc --width 72
              man folio              keys, query syntax, files and environment
            """,
        version: FolioVersion.current,
        subcommands: [
            ReaderCommand.self, ListCommand.self, SearchCommand.self, ShowCommand.self, StatsCommand.self, IndexCommand.self,
            ConfigCommand.self
        ],
        defaultSubcommand: ReaderCommand.self)

    static func main() {
        // Before anything else can crash: a crash is one line and a restored terminal, never the
        // Swift runtime's interactive backtracer.
        CrashGuard.install()
        #if DEBUG
            TestCrash.armIfAsked()
        #endif
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as FolioExit {
            if let message = exit.message { printError(message) }
            Foundation.exit(exit.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version: ArgumentParser's own text on stdout.
                print(visibleLines(fullMessage(for: error)))
                Foundation.exit(0)
            }
            // ArgumentParser quotes the arguments it rejects: their control characters are shown
            // escaped, line by line (its own messages may have more than one line).
            FileHandle.standardError.write(Data((visibleLines("folio: " + message(for: error)) + "\n").utf8))
            if let usage = usageLine(for: error) { FileHandle.standardError.write(Data((visibleLines(usage) + "\n").utf8)) }
            Foundation.exit(2)
        }
    }

    private static func usageLine(for error: Error) -> String? {
        let full = fullMessage(for: error)
        return full.split(separator: "\n").first { $0.hasPrefix("Usage:") }.map { String($0) }
    }

    /// `text` with the control characters of each line escaped, its line breaks kept.
    static func visibleLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { VisibleControls.escape(String($0)) }
            .joined(separator: "\n")
    }
}

/// How a subcommand ends with a status other than 0, with an optional one-line message on stderr.
struct FolioExit: Error {
    var status: Int32
    var message: String?

    static let nothingFound = FolioExit(status: 1, message: nil)
    static func usage(_ message: String) -> FolioExit { FolioExit(status: 2, message: message) }
}

/// One line on stderr. Messages quote what the user gave (paths, ids, queries, config text), so
/// control characters are shown as `\u{1B}` escapes, never sent to the terminal.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("folio: \(VisibleControls.escape(message))\n".utf8))
}

enum FolioVersion {
    static let current = "0.1.0"
}
