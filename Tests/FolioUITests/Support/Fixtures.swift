import BuiltinCorpus
import FolioCore

/// The corpora the tests read: the built-in articles, a small one full of hard text, and nothing.
enum Fixtures {
    /// The built-in corpus, loaded as the CLI loads it (Sources/folio/CorpusOptions.swift).
    static let builtin: EmbeddedEngine = EmbeddedEngine.load(
        documents: BuiltinCorpus.files.map {
            CorpusLoader.Document(id: $0.name, folderName: BuiltinCorpus.name, bytes: $0.bytes)
        },
        name: BuiltinCorpus.name)

    /// Zero articles: every view and command must cope.
    static let empty = EmbeddedEngine.load(documents: [], name: "empty")

    /// A 300-letter word: wrapping must break it, truncation must cut it with "…".
    static let longWord = String(repeating: "abcdefghij", count: 30)

    /// Articles whose text is hard to lay out: typographic quotes, accents, a combining mark, CJK,
    /// emoji (modifier, VS16, ZWJ sequence), right-to-left scripts, a very long word, and control
    /// characters that must be neutralised before anything reaches the grid.
    static let unicodeFiles: [(id: String, text: String)] = [
        (
            "quotes.md",
            """
            ---
            title: “Curly” quotes, ‘single’ ones — café and naïve
            date: 2024-05-06
            ---
            She said “bonjour” at the café; it wasn’t naïve. A combining acute: cafe\u{301} and q\u{301}.

            Second paragraph with ‘single quotes’ and an em dash — like this.
            """
        ),
        (
            "chinese.md",
            """
            ---
            title: 中文的文章
            date: 2024-05-05
            ---
            这是一篇中文的文章，用来测试宽字符的换行和截断。中文没有空格，所以每两个字之间都可以换行。

            第二段：混合 English 和中文。
            """
        ),
        (
            "japanese.md",
            """
            ---
            title: 日本語のテキスト
            date: 2024-05-04
            ---
            日本語のテキストです。「かぎかっこ」の前後では改行しません。ひらがなとカタカナと漢字。
            """
        ),
        (
            "emoji.md",
            """
            ---
            title: Emoji 😀 👍🏽 ❤️ and a family 👨‍👩‍👧 in one title
            date: 2024-05-03
            ---
            Grinning 😀, a thumbs up with a skin tone 👍🏽, a heart with VS16 ❤️, a family 👨‍👩‍👧 joined by ZWJ.
            """
        ),
        (
            "rtl.md",
            """
            ---
            title: مرحبا بالعالم and שלום עולם
            date: 2024-05-02
            ---
            Arabic: مرحبا بالعالم. Hebrew: שלום עולם. Mixed with English words in between.
            """
        ),
        (
            "long.md",
            """
            ---
            title: A title much longer than any list column could hold, so it must be truncated with an ellipsis at the end
            date: 2024-05-01
            ---
            Before the long word \(longWord) and after it.
            """
        ),
        (
            "control.txt",
            "\u{1B}[31mRed\u{1B}[0m alert\u{07} title\nBody with an escape \u{1B}]0;pwned\u{07} a bell \u{07}, "
                + "a C1 CSI \u{9B}2J, a backspace \u{08}x, a DEL \u{7F} and a bidi override \u{202E}reversed\u{202C} here.\n"
        )
    ]

    static let unicode: EmbeddedEngine = EmbeddedEngine.load(
        documents: unicodeFiles.map { CorpusLoader.Document(id: $0.id, folderName: "fixture", bytes: Array($0.text.utf8)) },
        name: "fixture")

    /// Three articles for "legend ": two exact matches and one found only by the typo tier.
    static let typos = EmbeddedEngine.load(
        documents: [
            ("a.md", "# Legend of ashes\nThe legend of the ashes."),
            ("b.md", "# Legends\nLegends, plural, and a legend."),
            ("c.md", "# Lagend\nLagend, with a typo.")
        ].map { CorpusLoader.Document(id: $0.0, folderName: "typos", bytes: Array($0.1.utf8)) },
        name: "typos")

    /// A corpus of `count` small numbered articles (for list paging).
    static func numbered(_ count: Int) -> EmbeddedEngine {
        EmbeddedEngine.load(
            documents: (0..<count).map { index in
                let text =
                    "---\ntitle: Article \(index)\ndate: 2020-01-\(format2(index % 28 + 1))\n---\n"
                    + "Article number \(index) talks about \(index % 2 == 0 ? "even" : "odd") things and ashes.\n"
                return CorpusLoader.Document(id: "a\(index).md", folderName: "numbered", bytes: Array(text.utf8))
            },
            name: "numbered")
    }

    private static func format2(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
