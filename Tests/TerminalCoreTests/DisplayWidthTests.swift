import Testing

@testable import TerminalCore

#if canImport(Glibc)
    import Glibc
#endif

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test(
        "width of one scalar",
        arguments: [
            // ASCII, Latin-1, curly quotes
            ("A", 1), (" ", 1), ("~", 1), ("é", 1), ("ß", 1), ("\u{A0}", 1),
            ("“", 1), ("”", 1), ("‘", 1), ("’", 1), ("…", 1), ("\u{25CC}", 1), ("\u{FFFD}", 1),
            // combining and format characters
            ("\u{0301}", 0), ("\u{20DD}", 0), ("\u{064E}", 0), ("\u{05B8}", 0),
            ("\u{200B}", 0), ("\u{200C}", 0), ("\u{200D}", 0), ("\u{2060}", 0), ("\u{FEFF}", 0),
            ("\u{FE0E}", 0), ("\u{FE0F}", 0), ("\u{E0100}", 0), ("\u{200E}", 0), ("\u{202E}", 0),
            // CJK, Hangul syllables and jamo, fullwidth and halfwidth forms
            ("中", 2), ("語", 2), ("の", 2), ("한", 2), ("\u{1100}", 2), ("\u{1161}", 0), ("\u{11AB}", 0),
            ("Ａ", 2), ("！", 2), ("\u{3000}", 2), ("ｱ", 1), ("\u{FFE8}", 1),
            // emoji
            ("😀", 2), ("👍", 2), ("\u{1F3FD}", 2), ("\u{2764}", 1), ("\u{231A}", 2), ("\u{1F1EB}", 1),
            // right-to-left letters are one column each
            ("א", 1), ("ש", 1), ("ب", 1), ("ع", 1),
            // private use and controls (the table's 0; TextCell draws controls as placeholders)
            ("\u{E000}", 1), ("\u{0000}", 0), ("\u{0007}", 0), ("\u{001B}", 0), ("\u{007F}", 0), ("\u{0085}", 0)
        ] as [(Unicode.Scalar, Int)])
    func scalarWidth(scalar: Unicode.Scalar, expected: Int) {
        #expect(DisplayWidth.of(scalar) == expected)
    }

    @Test(
        "width of a string",
        arguments: [
            ("", 0), ("hello", 5), ("café", 4), ("cafe\u{301}", 4), ("naïve “quotes”", 14),
            ("e" + String(repeating: "\u{301}", count: 20), 1),
            ("中文", 4), ("日本語", 6), ("한국어", 6),
            ("\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}\u{110B}\u{1165}", 6),  // 한국어 as jamo
            ("ＡＢＣ", 6), ("ｶﾀｶﾅ", 4),
            ("😀", 2), ("👍🏽", 4), ("👨‍👩‍👧", 6), ("❤️", 1), ("🇫🇷", 2), ("🇫🇷🇩🇪", 4),
            ("שלום", 4), ("مرحبا", 5), ("שָׁלוֹם", 4),
            ("a\u{200B}b", 2), ("co\u{AD}op", 5), ("\u{FEFF}abc", 3),
            ("a\tb", 3), ("\u{1B}[31m", 5), ("\u{301}x", 2)
        ] as [(String, Int)])
    func stringWidth(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
        #expect(DisplayWidth.of(text[...]) == expected)
        #expect(TextCell.cells(of: text).map(\.width).reduce(0, +) == expected)
    }

    /// Where plain East_Asian_Width and General_Category would say otherwise, we follow glibc,
    /// because ncurses places cells by glibc's `wcwidth`.
    @Test(
        "follows glibc where plain East_Asian_Width would not",
        arguments: [
            ("\u{00AD}", 1),  // SOFT HYPHEN is Cf, but glibc, xterm and Kuhn's wcwidth give it 1
            ("\u{0600}", 1),  // ARABIC NUMBER SIGN: Cf, but a visible prepended concatenation mark
            ("\u{110BD}", 1),  // KAITHI NUMBER SIGN, likewise
            ("\u{3248}", 2),  // CIRCLED NUMBER TEN ON BLACK SQUARE: Ambiguous, glibc makes it wide
            ("\u{4DC0}", 2),  // HEXAGRAM FOR THE CREATIVE HEAVEN: Neutral in 14, glibc (and Unicode 16) wide
            ("\u{D7B0}", 0)  // HANGUL JUNGSEONG O-YEO (Jamo Extended-B) joins its syllable like U+1160..11FF
        ] as [(Unicode.Scalar, Int)])
    func glibcCompatibility(scalar: Unicode.Scalar, expected: Int) {
        #expect(DisplayWidth.of(scalar) == expected)
    }

    /// The only scalars where glibc 2.36 (Debian 12, Unicode 14) and we differ: glibc's wcwidth
    /// says -1 ("not printable") and we must give a width anyway.
    @Test(
        "known differences from glibc wcwidth",
        arguments: [
            ("\u{0007}", 0),  // controls: -1 in glibc; 0 here, drawn as a 1-column placeholder
            ("\u{0085}", 0),  // C1 control NEL, likewise
            ("\u{2028}", 1),  // LINE SEPARATOR: -1 in glibc; drawn as a placeholder too
            ("\u{0378}", 1),  // unassigned: -1 in glibc; we guess a narrow character
            ("\u{31350}", 2),  // unassigned in 14 (CJK Ext. H in Unicode 15): wide-by-default block
            ("\u{2FFFD}", 2),  // unassigned in the wide-by-default plane 2
            ("\u{1FAE8}", 1)  // unassigned in 14 (an emoji since Unicode 15): narrow until regenerated
        ] as [(Unicode.Scalar, Int)])
    func glibcDifferences(scalar: Unicode.Scalar, expected: Int) {
        #expect(DisplayWidth.of(scalar) == expected)
    }

    @Test("the table is sorted, disjoint and from Unicode 14")
    func tableShape() {
        // Pinned so that regenerating with another Python (another Unicode) is a deliberate
        // change: the glibc comparison below was measured against Unicode 14.
        #expect(DisplayWidth.unicodeVersion == "14.0.0")
        for table in [DisplayWidthTable.zeroWidth, DisplayWidthTable.wide] {
            #expect(!table.isEmpty)
            #expect(table.allSatisfy { $0.lo <= $0.hi })
            #expect(zip(table, table.dropFirst()).allSatisfy { $0.hi + 1 < $1.lo })
        }
        let overlap = DisplayWidthTable.wide.filter { DisplayWidth.contains(DisplayWidthTable.zeroWidth, $0.lo) }
        #expect(overlap.isEmpty)
    }

    @Test("the fast paths agree with the table")
    func fastPaths() {
        for value in UInt32(0)..<0x300 {
            let scalar = Unicode.Scalar(value)!
            let fromTable =
                DisplayWidth.contains(DisplayWidthTable.zeroWidth, value)
                ? 0
                : DisplayWidth.contains(DisplayWidthTable.wide, value) ? 2 : 1
            #expect(DisplayWidth.of(scalar) == fromTable, "U+\(String(value, radix: 16))")
        }
    }

    #if canImport(Glibc)
        /// Measures the claim in `DisplayWidth`'s documentation. Runs only where glibc's tables are
        /// Unicode 14 (Debian 12's glibc 2.36): U+1FAE0 is new in 14, U+1FAE8 new in 15.
        @Test(
            "agrees with glibc wcwidth on every printable scalar",
            .enabled(if: GlibcWidth.isUnicode14))
        func agreesWithGlibc() throws {
            let mismatches = try #require(
                GlibcWidth.withUTF8Locale { wcwidth in
                    (UInt32(0)...0x10FFFF).compactMap { value -> String? in
                        guard let scalar = Unicode.Scalar(value) else { return nil }
                        let glibc = wcwidth(scalar)
                        guard glibc >= 0, glibc != DisplayWidth.of(scalar) else { return nil }
                        return "U+\(String(value, radix: 16)): glibc \(glibc), ours \(DisplayWidth.of(scalar))"
                    }
                })
            #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        }
    #endif
}

#if canImport(Glibc)
    /// glibc's `wcwidth` under a thread-local C.UTF-8 locale, so no global `setlocale` is needed.
    private enum GlibcWidth {
        /// The Glibc module does not export `wcwidth` (it needs _XOPEN_SOURCE), so look it up.
        private typealias WcwidthFunction = @convention(c) (wchar_t) -> Int32

        static func withUTF8Locale<R>(_ body: ((Unicode.Scalar) -> Int) -> R) -> R? {
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth"),
                let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)
            else { return nil }
            defer { freelocale(locale) }
            let wcwidth = unsafeBitCast(symbol, to: WcwidthFunction.self)
            let previous = uselocale(locale)
            defer { uselocale(previous) }
            return body { Int(wcwidth(wchar_t(bitPattern: $0.value))) }
        }

        static var isUnicode14: Bool {
            withUTF8Locale { wcwidth in wcwidth("\u{1FAE0}") == 2 && wcwidth("\u{1FAE8}") == -1 } ?? false
        }
    }
#endif

@Suite("TextCell")
struct TextCellTests {
    private func cells(_ text: String) -> [[Unicode.Scalar]] {
        TextCell.cells(of: text).map(\.scalars)
    }

    @Test func combiningMarksJoinTheirBase() {
        #expect(
            TextCell.cells(of: "e\u{301}x") == [
                TextCell(scalars: ["e", "\u{301}"], width: 1), TextCell(scalars: ["x"], width: 1)
            ])
    }

    @Test func aPileOfMarksKeepsNcursesFiveScalars() {
        let pile = "a" + String(repeating: "\u{301}", count: 20)
        #expect(TextCell.cells(of: pile) == [TextCell(scalars: ["a"] + Array(repeating: "\u{301}", count: 4), width: 1)])
    }

    @Test func zwjSequencesSplitIntoOneCellPerEmojiAndDropTheJoiner() {
        #expect(
            TextCell.cells(of: "👨‍👩‍👧") == [
                TextCell(scalars: ["👨"], width: 2), TextCell(scalars: ["👩"], width: 2),
                TextCell(scalars: ["👧"], width: 2)
            ])
        // 🏳️‍🌈: the VS16 stays on the flag, the joiner goes.
        #expect(cells("🏳️‍🌈") == [["\u{1F3F3}", "\u{FE0F}"], ["\u{1F308}"]])
    }

    /// ncurses draws U+2764 + VS16 one column wide (glibc: U+2764 is 1, U+FE0F is 0), so we do too.
    @Test func heartWithVS16IsOneNarrowCell() {
        #expect(TextCell.cells(of: "❤️") == [TextCell(scalars: ["\u{2764}", "\u{FE0F}"], width: 1)])
    }

    @Test func skinToneModifierIsItsOwnWideCell() {
        #expect(TextCell.cells(of: "👍🏽").map(\.width) == [2, 2])
    }

    @Test func flagIsTwoNarrowRegionalIndicators() {
        #expect(
            TextCell.cells(of: "🇫🇷") == [
                TextCell(scalars: ["\u{1F1EB}"], width: 1), TextCell(scalars: ["\u{1F1F7}"], width: 1)
            ])
    }

    @Test func decomposedHangulIsOneWideCell() {
        #expect(
            TextCell.cells(of: "\u{1112}\u{1161}\u{11AB}") == [
                TextCell(scalars: ["\u{1112}", "\u{1161}", "\u{11AB}"], width: 2)
            ])
    }

    @Test func orphanCombiningMarkGetsADottedCircle() {
        #expect(cells("\u{301}a") == [["\u{25CC}", "\u{301}"], ["a"]])
        #expect(cells("\u{301}\u{302}") == [["\u{25CC}", "\u{301}", "\u{302}"]])
        #expect(cells("x\u{200D}\u{301}") == [["x"], ["\u{25CC}", "\u{301}"]])
    }

    @Test func orphanInvisibleCharactersAreDropped() {
        #expect(cells("\u{FEFF}ab") == [["a"], ["b"]])
        #expect(cells("\u{200D}a") == [["a"]])
        #expect(cells("\u{FE0F}") == [])
        #expect(cells("\u{200B}") == [])
    }

    @Test func zeroWidthSpaceFollowsThePreviousCell() {
        #expect(cells("a\u{200B}b") == [["a", "\u{200B}"], ["b"]])
    }

    @Test(arguments: ["\u{0}", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{2028}", "\u{2029}"])
    func controlsBecomeOnePlaceholderCell(control: String) {
        #expect(
            TextCell.cells(of: "a\(control)b") == [
                TextCell(scalars: ["a"], width: 1), TextCell(scalars: ["\u{FFFD}"], width: 1),
                TextCell(scalars: ["b"], width: 1)
            ])
    }

    @Test func aMarkAfterAControlDoesNotJoinThePlaceholder() {
        #expect(cells("\t\u{301}") == [["\u{FFFD}"], ["\u{25CC}", "\u{301}"]])
    }

    @Test func rightToLeftTextKeepsLogicalOrder() {
        #expect(cells("אב") == [["א"], ["ב"]])
    }

    @Test func substringsScanLikeStrings() {
        let text = "xx中文\u{301}yy"
        let middle = text.dropFirst(2).dropLast(2)
        #expect(TextCell.cells(of: middle) == TextCell.cells(of: "中文\u{301}"))
    }
}
