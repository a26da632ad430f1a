import Testing

@testable import FolioCore

/// What the reading pane asks of FolioCore: the find inside one article, lengths by words and
/// characters, the title sort key, a list in reverse, and a mail file's header lines.
@Suite("Reading helpers")
struct ReadingHelpersTests {
    static func found(_ find: String, in text: String) -> [String] {
        TextFinder(find).occurrences(in: text).map { range in
            String(decoding: Array(text.utf8)[range], as: UTF8.self)
        }
    }

    @Test func theFindFoldsCaseAndDiacriticsAndTakesTheLastWordAsAPrefix() {
        let text = "Café society. The CAFE opened; a cafeteria too. Naïve cafés."
        #expect(Self.found("cafe", in: text) == ["Café", "CAFE", "cafeteria", "cafés"])
        #expect(Self.found("the caf", in: text) == ["The CAFE"])
        #expect(Self.found("naive", in: text) == ["Naïve"])
        #expect(Self.found("  ", in: text).isEmpty)
        #expect(TextFinder("…").isEmpty)
        #expect(Self.found("zzz", in: text).isEmpty)
    }

    @Test func theFindWorksInTextWithoutSpaces() {
        let text = "東京都に住む。京都も好き。กินข้าว"
        #expect(Self.found("京", in: text) == ["京", "京"])
        #expect(Self.found("京都", in: text) == ["京都", "京都"])
        #expect(Self.found("東京都", in: text) == ["東京都"])
        #expect(Self.found("กิน", in: text) == ["กิน"])
    }

    @Test func lengthsCountWordsAndUnspacedCharactersApart() {
        #expect(WordCounter.lengths("I like 東京 a lot") == (words: 4, characters: 2))
        #expect(WordCounter.lengths("私は猫が好き") == (words: 0, characters: 6))
        #expect(WordCounter.count("I like 東京 a lot") == 6)
    }

    @Test func titlesSortWithoutReplyPrefixesAndLeadingPunctuation() {
        func key(_ title: String) -> String { String(decoding: TitleSortKey.key(title), as: UTF8.self) }
        #expect(key("Re: Budget") == "budget")
        #expect(key("RE: Fwd: re[2]: Budget") == "budget")
        #expect(key("FW: budget") == "budget")
        #expect(key("\"Quoted\" title") == "quoted\" title")
        #expect(key("…and then") == "and then")
        #expect(key("Reading list") == "reading list")
        #expect(key("Fwdx: no") == "fwdx: no")
        #expect(key("???") == "???")
        let engine = EmbeddedEngine.load(
            documents: ["Re: Zebra", "\"Apple\"", "Mango", "Fwd: banana"].enumerated().map {
                CorpusLoader.Document(id: "\($0.offset).md", folderName: "t", bytes: Array("# \($0.element)\n\nText.".utf8))
            }, name: "t")
        let titles = engine.listing(sort: .title).map { engine.article(at: $0).title }
        #expect(titles == ["\"Apple\"", "Fwd: banana", "Mango", "Re: Zebra"])
    }

    @Test func aListInReverseKeepsExactMatchesFirst() {
        let list = ArticleList(ordered: [5, 6, 7, 8, 9], exactCount: 3).inReverse()
        #expect(Array(list) == [7, 6, 5, 9, 8])
        #expect(list.exactCount == 3)
        #expect(list.position(of: 5) == 2)
        #expect(list.position(of: 9) == 3)
        #expect(Array(list.filtered { $0 != 6 }) == [7, 5, 9, 8])
    }

    @Test func headerLinesComeFromTheFileStart() {
        let mail = "From: Ann <ann@example.org>\nSubject: Hello\n  again\nX-Mailer: \u{1B}[31mtest\n\nBody.\n"
        #expect(
            HeaderBlock.lines(ofFileStart: Array(mail.utf8))
                == ["From: Ann <ann@example.org>", "Subject: Hello again", "X-Mailer: test"])
        #expect(HeaderBlock.lines(ofFileStart: Array("# Title\n\nBody".utf8)) == nil)
        #expect(HeaderBlock.lines(ofFileStart: []) == nil)
    }
}
