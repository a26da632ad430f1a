import Testing

@testable import FolioCore

/// Scripts written without spaces between words (Thai, Lao, Khmer, Myanmar, Chinese, Japanese):
/// indexed by pairs of characters, a character being a letter with its vowel signs and tone marks.
@Suite struct UnspacedScriptTests {
    static func markdown(_ title: String, _ body: String) -> String {
        "---\ntitle: \(title)\n---\n\n" + body + "\n"
    }

    static let store = Fixture.store([
        ("thai.md", markdown("Thai", "ภาษาไทยเป็นภาษาที่สวยงาม")),
        ("lao.md", markdown("Lao", "ພາສາລາວງາມຫຼາຍ")),
        ("khmer.md", markdown("Khmer", "ភាសាខ្មែរស្រស់ស្អាត")),
        ("myanmar.md", markdown("Myanmar", "မြန်မာစာလှပသည်")),
        ("chinese.md", markdown("Chinese", "我家的小狗喜欢睡觉。")),
        ("japanese.md", markdown("Japanese", "私は『黒猫』が好きです。")),
        ("thaifood.md", markdown("Food", "กินข้าวแล้ว"))
    ])

    private func ids(_ query: String, _ mode: QueryParser.Mode = .complete) -> [String] {
        Fixture.ids(Self.store, query, mode: mode).sorted()
    }

    @Test func thaiVowelSignsAndToneMarksStayWithTheirLetter() {
        // กิ and ข้ are one character each; the run's last character also stands alone.
        #expect(Tokenizer.strings("กินข้าว") == ["กิน", "นข้", "ข้า", "าว", "ว"])
        #expect(Tokenizer.strings("ที่") == ["ที่"])
    }

    @Test func aRunEndsAtSpacesAndOtherScripts() {
        #expect(Tokenizer.strings("ไทย 2024") == ["ไท", "ทย", "ย", "2024"])
        #expect(Tokenizer.strings("黒猫") == ["黒猫", "猫"])
        #expect(Tokenizer.strings("猫") == ["猫"])
    }

    @Test func aQueryDropsOnlyItsFinalRunTail() {
        var tokenizer = Tokenizer()
        #expect(tokenizer.queryTokens(of: "黒猫") == [Array("黒猫".utf8)])
        #expect(tokenizer.queryTokens(of: "猫") == [Array("猫".utf8)])
        #expect(tokenizer.queryTokens(of: "東京2020").map { String(decoding: $0, as: UTF8.self) } == ["東京", "京", "2020"])
    }

    @Test func aWordInsideALongerRunIsFound() {
        #expect(ids("ไทย") == ["thai.md"])
        #expect(ids("ที่สวย") == ["thai.md"])
        #expect(ids("สวยงาม") == ["thai.md"])
        #expect(ids("ລາວ") == ["lao.md"])
        #expect(ids("ខ្មែរ") == ["khmer.md"])
        #expect(ids("မြန်မာ") == ["myanmar.md"])
        #expect(ids("喜欢") == ["chinese.md"])
        #expect(ids("好き") == ["japanese.md"])
    }

    @Test func aWordTypedSoFarIsFound() {
        #expect(ids("ภาษาไท", .incremental) == ["thai.md"])
        #expect(ids("ข้า", .incremental) == ["thaifood.md"])
    }

    @Test func aMissingMarkIsAnotherCharacter() {
        // ข้า (rice) without its tone mark is another word.
        #expect(ids("ขา").isEmpty)
    }

    @Test func aSingleCharacterIsFoundAtTheEndOfARun() {
        #expect(ids("猫") == ["japanese.md"])
        #expect(ids("觉") == ["chinese.md"])
        #expect(ids("ม") == ["thai.md"])
        #expect(ids("黒") == ["japanese.md"])
    }

    @Test func eachUnspacedCharacterCountsAsAWord() {
        #expect(WordCounter.count("私は猫が好き") == 6)
        #expect(WordCounter.count("กินข้าว") == 5)
        #expect(WordCounter.count("I like 東京 a lot") == 6)
        #expect(WordCounter.count("한국어 문장 입니다") == 3)
        #expect(WordCounter.count("don’t stop, ever") == 3)
    }
}
