import Foundation
import Testing

/// Messages quote what the user gave; an escape sequence in an argument, a path or the config file
/// reaches the terminal as visible `\u{1B}` text, never as a raw ESC or BEL (which could retitle the
/// window, clear the screen or hide the rest of the line).
@Suite struct EscapedInputCLITests {
    static let title = "\u{1B}]0;pwned\u{07}"
    static let shownTitle = #"\u{1B}]0;pwned\u{07}"#

    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    /// Runs folio and checks that nothing it printed holds a raw control character.
    func run(_ arguments: [String]) throws -> FolioProcess.Output {
        let output = try FolioProcess.run(arguments)
        #expect(!Self.hasControlCharacters(output.stderr), "raw control character on stderr: \(output.stderr.debugDescription)")
        #expect(!Self.hasControlCharacters(output.stdout), "raw control character on stdout: \(output.stdout.debugDescription)")
        return output
    }

    @Test func anUnknownOptionIsShownEscaped() throws {
        for arguments in [["--\u{1B}[2J"], ["list", "--\u{1B}[2J"], ["search", "--x\(Self.title)", "q"]] {
            let output = try run(arguments)
            #expect(output.status == 2)
            #expect(output.stderrLines.first?.hasPrefix("folio: Unknown option '--") == true, "\(output.stderr)")
            #expect(output.stderr.contains(#"\u{1B}"#), "\(output.stderr)")
        }
    }

    @Test func aBadOptionValueIsShownEscaped() throws {
        let output = try run(["list", "--max-file-size", "\u{1B}[2J", "--sort", Self.title])
        #expect(output.status == 2)
        #expect(output.stderr.contains(#"'\u{1B}[2J'"#), "\(output.stderr)")
    }

    @Test func aBadCorpusPathIsShownEscaped() throws {
        let path = "/nonexistent/folio\(Self.title)/\u{1B}[2J\u{9B}31m"
        for arguments in [["list", path], ["search", "teigen", path], ["stats", path]] {
            let output = try run(arguments)
            #expect(output.status == 2)
            #expect(
                output.stderrLines == [
                    #"folio: no such file or folder: /nonexistent/folio\u{1B}]0;pwned\u{07}/\u{1B}[2J\u{9B}31m"#
                ])
        }
    }

    @Test func anUnknownArticleIdIsShownEscaped() throws {
        let output = try run(["show", "x\(Self.title)"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("x\(Self.shownTitle)"), "\(output.stderr)")
    }

    @Test func configCheckShowsKeysValuesHeadersAndItsPathEscaped() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "folio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "c\u{1B}[2J.toml")
        try Data(
            #"""
            ["\u001B]0;pwned\u0007"]
            x = 1
            [theme]
            "k\u001B]0;pwned\u0007" = "red"
            [general]
            default_sort = "\u001B]0;pwned\u0007"
            """#.utf8
        ).write(to: file)
        let checked = try run(["config", "--check", file.path])
        #expect(checked.status == 1)
        #expect(checked.stdoutLines.count == 3, "\(checked.stdout)")
        for line in checked.stdoutLines {
            #expect(line.hasPrefix(folder.path + #"/c\u{1B}[2J.toml:"#) && line.contains(Self.shownTitle), "\(line)")
        }

        try Data("[gen\u{1B}]0;pwned\u{07}eral]\n".utf8).write(to: file)
        let raw = try run(["config", "--check", file.path])
        #expect(raw.status == 1)
        #expect(raw.stdout.contains("TOML syntax error"), "\(raw.stdout)")

        let missing = try run(["config", "--check", folder.path + "/none\(Self.title).toml"])
        #expect(missing.stdout.contains("none\(Self.shownTitle).toml: no such file"), "\(missing.stdout)")
    }
}
