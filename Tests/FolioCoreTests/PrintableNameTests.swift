import Foundation
import Testing

@testable import FolioCore

/// File names become ids that are printable and still one per file: control characters and bytes
/// that are not UTF-8 are written as escapes, never folded together.
@Suite struct PrintableNameTests {
    @Test func namesThatDifferOnlyInAControlCharacterKeepDistinctIds() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a\u{01}.txt", "First\n\nText.")
        try folder.write("a\u{02}.txt", "Second\n\nText.")
        try folder.write("a\u{1B}.txt", "Escape\n\nText.")
        try folder.write("a\u{9B}.txt", "C1\n\nText.")
        try folder.write("a\u{FFFD}.txt", "Replacement character\n\nText.")
        // Bytes that are not UTF-8: two different ones, and U+FFFD, which both used to become.
        let bytes: [[UInt8]] = [[0x61, 0xE9], [0x61, 0xE8]]
        for name in bytes {
            let path = Array(folder.path.utf8) + [0x2F] + name + Array(".txt".utf8)
            let descriptor = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            try #require(descriptor >= 0)
            _ = Array("Latin-1 \(name[1])\n\nText.".utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        let (articles, report) = try CorpusLoader().load(path: folder.path)
        #expect(report.skippedCount == 0)
        let ids = articles.map(\.id)
        #expect(Set(ids).count == 7, "\(ids)")
        #expect(
            Set(ids) == [
                #"a\x01.txt"#, #"a\x02.txt"#, #"a\x1b.txt"#, #"a\u{9b}.txt"#, "a\u{FFFD}.txt", #"a\xe9.txt"#, #"a\xe8.txt"#
            ])
        for id in ids { #expect(TerminalSafety.violations(id).isEmpty, "\(id.debugDescription)") }
        // Each id finds its own article.
        let store = EmbeddedEngine(articles: articles)
        #expect(store.article(withID: #"a\x01.txt"#)?.title == "First")
        #expect(store.article(withID: #"a\x02.txt"#)?.title == "Second")
        #expect(store.article(withID: #"a\xe9.txt"#)?.title == "Latin-1 233")
    }

    @Test func theEscapesCanBeReadBackToTheName() {
        let names: [[UInt8]] = [
            Array("plain.txt".utf8), Array(#"back\slash.txt"#.utf8), Array(#"looks\x01escaped"#.utf8), [0x01], [0x5C, 0x01],
            Array("caf\u{E9}".utf8), [0x63, 0xE9], [0xE2, 0x82], Array("\u{202E}txt".utf8), Array("\u{7F}".utf8)
        ]
        let escaped = names.map { PrintableName.of($0) }
        #expect(Set(escaped).count == names.count, "\(escaped)")
        for (name, id) in zip(names, escaped) {
            #expect(Self.unescape(id) == name, "\(id)")
            #expect(TerminalSafety.violations(id).isEmpty)
        }
        #expect(escaped[1] == #"back\\slash.txt"#)
        #expect(escaped[0] == "plain.txt" && escaped[5] == "caf\u{E9}")
    }

    /// The reverse of `PrintableName.of`, to show that no two names share an id.
    static func unescape(_ id: String) -> [UInt8] {
        var bytes: [UInt8] = []
        let scalars = Array(id.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\\" else {
                bytes += Array(String(scalars[index]).utf8)
                index += 1
                continue
            }
            switch scalars[index + 1] {
            case "\\":
                bytes.append(0x5C)
                index += 2
            case "x":
                bytes.append(UInt8(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 4)])), radix: 16)!)
                index += 4
            default:
                let close = scalars[index...].firstIndex(of: "}")!
                let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 3)..<close])), radix: 16)!
                bytes += Array(String(Unicode.Scalar(value)!).utf8)
                index = close + 1
            }
        }
        return bytes
    }
}
