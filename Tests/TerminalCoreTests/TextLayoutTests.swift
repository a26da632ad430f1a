import Testing

@testable import TerminalCore

@Suite("TextLayout")
struct TextLayoutTests {
    // MARK: truncate and pad

    @Test(
        "truncate",
        arguments: [
            ("hello", 10, "hello"), ("hello", 5, "hello"), ("hello", 4, "hel…"), ("hello", 1, "…"),
            ("hello world", 6, "hello…"),
            ("hello world", 7, "hello…"),  // the space before the cut is dropped
            ("hello world", 8, "hello w…"),
            ("中文字", 6, "中文字"), ("中文字", 5, "中文…"), ("中文字", 4, "中…"),
            ("中文字", 3, "中…"),  // 中 (2) + … (1)
            ("中文字", 2, "…"),  // 中 + … would be 3: only the ellipsis fits
            ("中文字", 1, "…"),
            ("a中", 2, "a…"),
            ("cafe\u{301}s", 5, "cafe\u{301}s"), ("cafe\u{301}s", 4, "caf…"),
            ("👍🏽 ok", 3, "👍…"),
            ("", 3, ""), ("hello", 0, ""), ("hello", -4, "")
        ] as [(String, Int, String)])
    func truncate(text: String, width: Int, expected: String) {
        let result = TextLayout.truncate(text, toWidth: width)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) <= max(width, 0))
    }

    @Test func truncateWithOtherEllipses() {
        #expect(TextLayout.truncate("hello world", toWidth: 8, ellipsis: "...") == "hello...")
        #expect(TextLayout.truncate("hello", toWidth: 4, ellipsis: "") == "hell")
        // An ellipsis wider than the width is left out: the text is cut instead.
        #expect(TextLayout.truncate("hello", toWidth: 2, ellipsis: "...") == "he")
        #expect(TextLayout.truncate("中文", toWidth: 1, ellipsis: "..") == "")
    }

    @Test func truncateKeepsWholeCells() {
        // The joiner travels with 👨, but the cut never lands inside a cell.
        let family = TextLayout.truncate("👨‍👩‍👧", toWidth: 5)
        #expect(family == "👨\u{200D}👩\u{200D}…")
        #expect(TextCell.cells(of: family).map(\.width) == [2, 2, 1])
        let marks = TextLayout.truncate("e\u{301}\u{302}xyz", toWidth: 2)
        #expect(marks == "e\u{301}\u{302}…")
    }

    @Test(
        "pad",
        arguments: [
            ("ab", 5, "ab   "), ("abcdef", 5, "abcd…"), ("", 3, "   "), ("ab", 2, "ab"),
            ("中文字", 5, "中文…"), ("中文字", 4, "中… "), ("中", 1, "…"), ("❤️", 3, "❤️  "),
            ("ab", 0, ""), ("ab", -1, "")
        ] as [(String, Int, String)])
    func pad(text: String, width: Int, expected: String) {
        let result = TextLayout.pad(text, toWidth: width)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) == max(width, 0))
    }

    // MARK: wrap

    @Test(
        "wrap",
        arguments: [
            ("", 10, [""]),
            ("hello world", 80, ["hello world"]),
            ("hello world", 11, ["hello world"]),
            ("hello world", 10, ["hello", "world"]),
            ("hello world", 5, ["hello", "world"]),
            ("the quick brown fox", 10, ["the quick", "brown fox"]),
            ("a  b   c", 80, ["a  b   c"]),  // spaces inside a line are kept
            ("aaa   bbb", 4, ["aaa", "bbb"]),  // a run of spaces at a break is consumed
            ("hello   ", 80, ["hello"]),  // trailing spaces are dropped
            ("hello   ", 3, ["hel", "lo"]),
            ("     ", 3, [""]),
            ("  hello world", 80, ["  hello world"]),  // indentation kept on the first line
            ("  hello world again", 10, ["  hello", "world", "again"]),
            ("    abcdefgh", 6, ["abcdef", "gh"]),  // indentation dropped when the word can't fit
            ("ab c", 1, ["a", "b", "c"]),
            ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
            ("see abcdefghij", 4, ["see", "abcd", "efgh", "ij"]),
            ("中文字符串", 4, ["中文", "字符", "串"]),
            ("中文字符串", 5, ["中文", "字符", "串"]),  // never splits a wide cell
            ("中文字符串", 3, ["中", "文", "字", "符", "串"]),
            ("日本語のtextです", 8, ["日本語の", "textです"]),
            ("中文。中文", 4, ["中", "文。", "中文"]),  // "。" never starts a line
            ("中「文」", 6, ["中", "「文」"]),  // "「" never ends a line
            ("😀😀😀", 4, ["😀😀", "😀"]),
            ("I ❤️ Paris 🇫🇷", 9, ["I ❤️ Paris", "🇫🇷"]),
            ("שלום עולם", 4, ["שלום", "עולם"]),
            ("e\u{301}e\u{301}e\u{301}", 2, ["e\u{301}e\u{301}", "e\u{301}"]),
            ("中a", 1, ["", "a"])  // a wide cell cannot fit in one column
        ] as [(String, Int, [String])])
    func wrap(text: String, width: Int, expected: [String]) {
        #expect(TextLayout.wrap(text, width: width) == expected)
    }

    @Test func wrapLongWord() {
        let word = String(repeating: "x", count: 300)
        let lines = TextLayout.wrap(word, width: 80)
        #expect(lines.map(\.count) == [80, 80, 80, 60])
        #expect(lines.joined() == word)
        let framed = TextLayout.wrap("see \(word) end", width: 80)
        #expect(framed.map(\.count) == [3, 80, 80, 80, 64])
        #expect(framed.last == String(repeating: "x", count: 60) + " end")
    }

    @Test func wrapLongWideWordAtOddWidth() {
        let word = String(repeating: "中", count: 10)
        let lines = TextLayout.wrap(word, width: 5)
        #expect(lines == Array(repeating: "中中", count: 5))
    }

    @Test(arguments: [0, -1, Int.min])
    func wrapWithoutWidth(width: Int) {
        #expect(TextLayout.wrap("hello world", width: width) == [""])
        #expect(TextLayout.wrapText("a\nb", width: width) == [""])
        #expect(TextLayout.wrapWithRanges("a", width: width) == [WrappedLine(text: "", sourceRange: 0..<0)])
    }

    @Test(
        "wrapText",
        arguments: [
            ("", [""]), ("a", ["a"]), ("a\nb", ["a", "b"]), ("a\n\nb", ["a", "", "b"]),
            ("a\n", ["a", ""]), ("\n", ["", ""]), ("a\r\nb\r\n", ["a", "b", ""]),
            ("one two three\n  four", ["one", "two", "three", "  four"])
        ] as [(String, [String])])
    func wrapText(text: String, expected: [String]) {
        #expect(TextLayout.wrapText(text, width: 6) == expected)
    }

    // MARK: source ranges

    @Test func rangesPointIntoTheSource() {
        let text = "ab cd\n中文"
        #expect(
            TextLayout.wrapWithRanges(text, width: 2) == [
                WrappedLine(text: "ab", sourceRange: 0..<2), WrappedLine(text: "cd", sourceRange: 3..<5),
                WrappedLine(text: "中", sourceRange: 6..<9), WrappedLine(text: "文", sourceRange: 9..<12)
            ])
        #expect(TextLayout.wrapWithRanges("  ", width: 5) == [WrappedLine(text: "", sourceRange: 0..<0)])
        #expect(TextLayout.wrapWithRanges("a\n\nb", width: 5).map(\.sourceRange) == [0..<1, 2..<2, 3..<4])
        // The undrawable wide cell at width 1 still owns its bytes.
        #expect(
            TextLayout.wrapWithRanges("中a", width: 1) == [
                WrappedLine(text: "", sourceRange: 0..<3), WrappedLine(text: "a", sourceRange: 3..<4)
            ])
    }

    static let roundTripTexts = [
        "The quick brown fox jumps over the lazy dog.  Twice!   ",
        "    Indented paragraph with a verylongwordthatdoesnotfitanywhere in it.\nSecond line.\n\n",
        "中文字符串，日本語のテキスト。한국어 텍스트도 있습니다.",
        "👨‍👩‍👧 family, ❤️ heart, 👍🏽 thumbs, 🇫🇷 flag; e\u{301} and \u{301} and \u{FEFF}bom",
        "Tabs\tand\u{1B}[31mescapes\u{7F}stay\r\nvisible",
        "שלום עולם مرحبا بالعالم"
    ]

    @Test(arguments: roundTripTexts)
    func rangesCoverTheTextExceptConsumedWhitespace(text: String) {
        let bytes = Array(text.utf8)
        for width in 1...24 {
            let lines = TextLayout.wrapWithRanges(text, width: width)
            var covered = 0
            for line in lines {
                let range = line.sourceRange
                #expect(range.lowerBound >= covered, "width \(width): ranges overlap or go back")
                let gap = String(decoding: bytes[covered..<range.lowerBound], as: UTF8.self)
                #expect(gap.unicodeScalars.allSatisfy(Self.isConsumable), "width \(width): gap \(gap.debugDescription)")
                let source = String(decoding: bytes[range], as: UTF8.self)
                if !line.text.isEmpty || range.isEmpty {
                    #expect(line.text == source)
                } else {
                    #expect(DisplayWidth.of(source) == 2 && width == 1)
                }
                #expect(DisplayWidth.of(line.text) <= width)
                covered = max(covered, range.upperBound)
            }
            let tail = String(decoding: bytes[covered...], as: UTF8.self)
            #expect(tail.unicodeScalars.allSatisfy(Self.isConsumable), "width \(width): tail \(tail.debugDescription)")
        }
    }

    /// A cell line breaking may consume: a space with nothing visible on it.
    private static func isSpace(_ cell: TextCell) -> Bool {
        cell.scalars.first == " " && cell.scalars.dropFirst().allSatisfy { CellScanner.isDefaultIgnorable($0.value) }
    }

    private static func isConsumable(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || LineBreakRules.isBreakingSpace(scalar)
            || CellScanner.isDefaultIgnorable(scalar.value)
    }

    /// Pseudo-random texts from a fixed seed: every line fits, no line starts or ends with a
    /// space (except the first line's indentation), and no cell is lost or split.
    @Test func randomTextsKeepTheInvariants() {
        let alphabet: [String] = [
            "a", "b", "c", "x", " ", " ", "  ", "中", "文", "。", "「", "😀",
            "👨‍👩‍👧", "❤️", "e\u{301}", "\u{301}", "\u{200B}", "\t", "-", "."
        ]
        var generator = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let length = Int(generator.next() % 40)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            let width = 1 + Int(generator.next() % 12)
            let lines = TextLayout.wrapWithRanges(text, width: width)
            #expect(!lines.isEmpty)
            let drawnCells = lines.flatMap { TextCell.cells(of: $0.text) }.filter { !Self.isSpace($0) }
            let sourceCells = TextCell.cells(of: text).filter { !Self.isSpace($0) }
            let undrawable = lines.filter { $0.text.isEmpty && !$0.sourceRange.isEmpty }.count
            #expect(drawnCells.count + undrawable == sourceCells.count, "\(text.debugDescription) at \(width)")
            for (index, line) in lines.enumerated() {
                #expect(DisplayWidth.of(line.text) <= width, "\(text.debugDescription) at \(width)")
                #expect(!line.text.hasSuffix(" "), "\(text.debugDescription) at \(width)")
                if index > 0 { #expect(!line.text.hasPrefix(" "), "\(text.debugDescription) at \(width)") }
            }
        }
    }

    // MARK: speed

    @Test func wrappingOneMegabyteIsFast() {
        let words = [
            "lorem", "ipsum", "dolor", "sit", "amet,", "consectetur", "adipiscing", "elit", "中文字符",
            "naïve", "e\u{301}"
        ]
        var text = ""
        var index = 0
        while text.utf8.count < 1_000_000 {
            text += words[index % words.count] + " "
            index += 1
        }
        let clock = ContinuousClock()
        var lines: [WrappedLine] = []
        let elapsed = clock.measure { lines = TextLayout.wrapWithRanges(text, width: 80) }
        #expect(lines.count > 10_000)
        #expect(elapsed < .seconds(1), "wrapping \(text.utf8.count) bytes took \(elapsed)")
    }
}

/// A small deterministic generator, so random tests are repeatable and need no global state.
private struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
