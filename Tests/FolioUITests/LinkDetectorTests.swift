import Testing

@testable import FolioUI

/// Finding and checking addresses in article text (architecture.md §10).
@Suite("LinkDetector")
struct LinkDetectorTests {
    static func urls(_ text: String) -> [String] { LinkDetector.links(in: text).map(\.url) }

    @Test func trailingPunctuationBelongsToTheSentence() {
        #expect(
            Self.urls("See https://example.org/a. And http://x.org/b, or https://y.org/c!") == [
                "https://example.org/a", "http://x.org/b", "https://y.org/c"
            ])
        #expect(Self.urls("\"https://example.org/q?x=1\"") == ["https://example.org/q?x=1"])
    }

    @Test func parenthesesCloseOnlyWhatTheyOpened() {
        #expect(Self.urls("(see https://example.org/a)") == ["https://example.org/a"])
        #expect(Self.urls("https://en.example.org/wiki/Pike_(fish) is a fish") == ["https://en.example.org/wiki/Pike_(fish)"])
        #expect(Self.urls("[https://example.org/b]") == ["https://example.org/b"])
    }

    @Test func angleBracketsAndMailto() {
        #expect(
            Self.urls("<https://example.org/c> and <mailto:a@example.org>") == [
                "https://example.org/c", "mailto:a@example.org"
            ])
        #expect(Self.urls("HTTPS://EXAMPLE.ORG") == ["HTTPS://EXAMPLE.ORG"])
    }

    @Test func rangesAreUTF8OffsetsOfTheText() {
        let text = "café https://example.org/é"
        let match = LinkDetector.links(in: text)[0]
        #expect(text.utf8Slice(match.range) == "https://example.org/é")
    }

    @Test func notAddresses() {
        #expect(Self.urls("xhttps://example.org https:// mailto: ftp://example.org file:///etc/passwd").isEmpty)
        #expect(Self.urls("javascript:alert(1) data:text/html,hi").isEmpty)
    }

    @Test func hostileAddressesAreRefused() {
        #expect(LinkDetector.checked("javascript:alert(1)") == nil)
        #expect(LinkDetector.checked("https://example.org/\u{1B}]8;;x") == nil)
        #expect(LinkDetector.checked("https://example.org/\u{07}") == nil)
        #expect(LinkDetector.checked("https://example.org/\u{9B}2J") == nil)
        #expect(LinkDetector.checked("https://example.org/a b") == nil)
        #expect(LinkDetector.checked("https://example.org/\u{202E}gpj.exe") == nil)
        #expect(LinkDetector.checked("https://example.org/" + String(repeating: "a", count: 3000)) == nil)
        #expect(LinkDetector.checked("https://example.org/ok") == "https://example.org/ok")
        // Control characters end a bare address before they can reach it.
        #expect(Self.urls("https://example.org/a\u{1B}[31m") == ["https://example.org/a"])
    }
}
