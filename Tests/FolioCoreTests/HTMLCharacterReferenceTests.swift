import Testing

@testable import FolioCore

/// `&#163;`, `&#x20AC;`, `&eacute;` … decoded at load; references to controls never are.
@Suite struct HTMLCharacterReferenceTests {
    private func decoded(_ text: String) -> String { HTMLCharacterReferences.decoded(text) ?? text }

    @Test(arguments: [
        ("&#163;1.8m", "£1.8m"), ("&#x20AC;5", "€5"), ("&#X20ac;", "€"), ("Fish &amp; chips", "Fish & chips"),
        ("Caf&eacute;", "Café"), ("a&nbsp;b", "a\u{00A0}b"), ("&quot;Hi&quot;", "\"Hi\""), ("&lt;b&gt;", "<b>"),
        ("it&rsquo;s", "it’s"), ("wait&hellip;", "wait…"), ("1&ndash;2&mdash;3", "1–2—3"), ("&apos;", "'"),
        ("&#146;", "’"), ("&#128;", "€"), ("&#x9B;", "›"), ("&AElig;&yuml;&copy;&trade;&euro;", "Æÿ©™€"), ("&#128512;", "😀")
    ])
    func decodesWellFormedReferences(input: String, expected: String) {
        #expect(decoded(input) == expected)
    }

    @Test(arguments: [
        "AT&T", "a & b", "&", "&;", "&#;", "&#x;", "&amp", "&#163", "&nosuchname;", "&Amp;", "&eacutex;",
        "&#12345678;", "&#x1234567;", "R&D;", "&abcdefghijklmnop;"
    ])
    func leavesWhatIsNotAWellFormedReference(input: String) {
        #expect(HTMLCharacterReferences.decoded(input) == nil)
    }

    @Test(arguments: [
        "&#27;[2J", "&#x1b;[31m", "&#X1B;", "&#0;", "&#7;", "&#9;", "&#13;", "&#127;", "&#x9D;", "&#129;", "&#157;",
        "&#8238;", "&#x202E;", "&#x2066;", "&#8206;", "&rlm;", "&lrm;", "&#xFEFF;", "&#xD800;", "&#55296;",
        "&#x110000;", "&#1114112;", "&#xFFFE;", "&#x2028;", "&#1564;"
    ])
    func neverDecodesAControlOrBidiCharacter(input: String) {
        #expect(HTMLCharacterReferences.decoded(input) == nil)
    }

    @Test func decodesOnceSoAnEscapedReferenceStaysText() {
        #expect(decoded("&amp;#27;[2J") == "&#27;[2J")
        #expect(decoded("&amp;amp;") == "&amp;")
    }

    @Test func loadedArticleHasNoControlFromAReference() throws {
        let article = try #require(Fixture.article("Title &#27;[2J&#x1b;&#8238;\n\nBody &#x9d;31m &#163;5 &#7;\n"))
        #expect(article.title == "Title &#27;[2J&#x1b;&#8238;")
        #expect(article.body == "Body &#x9d;31m £5 &#7;")
        let all = article.title + article.body
        #expect(!all.unicodeScalars.contains { VisibleControls.needsEscape($0) && $0 != "\n" })
    }

    @Test func loadedArticleDecodesTitleAndBody() throws {
        let article = try #require(
            Fixture.article("&#163;1.8m fine for Viacom\n\nViacom paid &#163;1.8m to Caf&eacute; owners.\n"))
        #expect(article.title == "£1.8m fine for Viacom")
        #expect(article.body == "Viacom paid £1.8m to Café owners.")
    }

    @Test func combiningMarkFromAReferenceIsComposed() throws {
        let article = try #require(Fixture.article("Cafe&#x301;\n\nBody\n"))
        #expect(article.title == "Caf\u{00E9}")
        #expect(article.title.unicodeScalars.count == 4)
    }

    @Test func textWithoutAmpersandIsNotCopied() {
        #expect(HTMLCharacterReferences.decoded("Plain text with no references at all.") == nil)
    }
}

/// The BBC dataset has `&#163;` and `&#233;` in titles and bodies: none survives loading.
@Suite(.enabled(if: BBCCorpus.isPresent, "no BBC corpus at ../shared/corpus/bbc-fulltext"))
struct BBCCorpusReferenceTests {
    @Test func noTitleOrBodyKeepsANumericReference() throws {
        let store = try BBCCorpus.store.get()
        #expect(store.articles.count > 1000)
        #expect(!store.articles.contains { $0.title.contains("&#") })
        #expect(!store.articles.contains { $0.body.contains("&#") })
        let viacom = try #require(store.articles.first { $0.id == "entertainment/199.txt" })
        #expect(viacom.title == "£1.8m indecency fine for Viacom")
        #expect(viacom.body.contains("(£1.8m)"))
    }
}
