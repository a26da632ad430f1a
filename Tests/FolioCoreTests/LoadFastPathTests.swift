import Foundation
import Testing

@testable import FolioCore

/// The byte-level fast paths of the per-record load (performance.md §6) give what the slow paths
/// give: the eight-byte ASCII step and the byte-level NFC check of `TextNormalizer`, the
/// branch-free `WordCounter`, the run copy of `JSONRecordReader`.
@Suite struct LoadFastPathTests {
    /// Every control, DEL, C1, bidi control and BOM, at every offset around an eight-byte step.
    @Test func aControlAtAnyOffsetIsRemoved() {
        let hostile: [String] = ["\u{1B}[31m", "\u{07}", "\u{7F}", "\u{9B}2J", "\u{202E}", "\u{FEFF}", "\u{0}", "\t", "\r"]
        for control in hostile {
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset) + control + String(repeating: "b", count: 19 - offset)
                let normalized = TextNormalizer.normalize(text)
                #expect(TerminalSafety.violations(normalized).isEmpty, "\(control.debugDescription) at \(offset)")
                #expect(normalized.hasPrefix(String(repeating: "a", count: offset)))
            }
        }
    }

    /// A character NFC changes is composed wherever it is; characters NFC leaves alone keep the text as it is.
    @Test func nfcAfterTheByteCheck() {
        for offset in 0..<17 {
            let padding = String(repeating: "x", count: offset)
            #expect(TextNormalizer.normalize(padding + "e\u{301}!") == padding + "\u{E9}!")
            #expect(TextNormalizer.normalize(padding + "\u{212B}") == padding + "\u{C5}")  // Angstrom sign
            #expect(TextNormalizer.normalize(padding + "\u{1100}\u{1161}") == padding + "\u{AC00}")  // Hangul jamo
        }
        for kept in ["£553m brûlée", "“quoted” — dash … €5 ™", "中文字符", "\u{2FF}\u{2010}\u{206F}\u{20BF}"] {
            #expect(TextNormalizer.normalize(kept) == kept)
            #expect(TextNormalizer.isSurelyNFC(kept))
        }
    }

    @Test func wordsAreCountedAsBefore() {
        #expect(WordCounter.count("") == 0)
        #expect(WordCounter.count("don't stop") == 2)
        #expect(WordCounter.count("'quoted' words, 12 and 35") == 5)
        #expect(WordCounter.count("a' b") == 2)
        #expect(WordCounter.count("  leading\n\nand trailing  ") == 3)
        #expect(WordCounter.count("café naïve") == 2)
        #expect(WordCounter.lengths("日本語 text").characters == 3)
    }

    @Test func jsonStringsWithEscapesBetweenRuns() throws {
        var reader = JSONRecordReader(names: FieldNames())
        let line = #"{"title": "T", "text": "first run\n\nsecond \"quoted\" run \\ back\u00e9slash, \ud83d\ude00 end"}"#
        let outcome = Array(line.utf8).withUnsafeBufferPointer { reader.read($0) }
        guard case .record(let fields) = outcome else {
            Issue.record("not read as a record")
            return
        }
        #expect(fields[.body] == "first run\n\nsecond \"quoted\" run \\ back\u{E9}slash, \u{1F600} end")
    }

    @Test func oneReaderKeepsEachKeysRoleAcrossLinesAndCases() throws {
        var names = FieldNames()
        names.add("Story", for: .body)
        var reader = JSONRecordReader(names: names)
        // More distinct keys than the reader remembers, so later ones go the slow way.
        let filler = (1...40).map { #""extra\#($0)": "x""# }.joined(separator: ", ")
        let lines = [
            #"{"Title": "One", "text": "First."}"#,
            #"{"TITLE": "Two", \#(filler), "BODY": "Second."}"#,
            #"{"title": "Three", "story": "Custom.", "text": "Usual."}"#,
            #"{"headline": "Four", \#(filler), "extra41": "y", "Text": "Fourth."}"#
        ]
        var read: [(String?, String?)] = []
        for line in lines {
            guard case .record(let fields) = Array(line.utf8).withUnsafeBufferPointer({ reader.read($0) }) else {
                Issue.record("not read as a record: \(line)")
                continue
            }
            read.append((fields[.title], fields[.body]))
        }
        #expect(read.map(\.0) == ["One", "Two", "Three", "Four"])
        #expect(read.map(\.1) == ["First.", "Second.", "Custom.", "Fourth."])
    }
}
