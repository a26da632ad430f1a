import Foundation
import Testing

@testable import FolioCore

/// Whatever HTML and MIME decoding brings out (attributes, character references, base64 and
/// quoted-printable bodies, encoded words) goes through the same normalisation as file text:
/// no control character or escape sequence survives (Documentation/architecture.md §5). A raw
/// escape sequence goes whole ("pwned" marks their text); a reference to ESC is dropped by libxml2
/// as a browser drops it, and the printable rest stays text ("shown").
@Suite struct HostileMarkupTests {
    static let escape = "\u{1B}]0;pwned\u{07}\u{1B}[31m\u{9B}2J\u{202E}"

    private func expectSafe(_ article: Article?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let article else {
            Issue.record("no article", sourceLocation: sourceLocation)
            return
        }
        for (what, text) in [
            ("title", article.title), ("body", article.body), ("source", article.source), ("author", article.author ?? ""),
            ("url", article.url ?? "")
        ] {
            #expect(TerminalSafety.violations(text).isEmpty, "\(what): \(article)", sourceLocation: sourceLocation)
            #expect(!text.contains("pwned"), "\(what) kept an escape's text: \(text)", sourceLocation: sourceLocation)
        }
        #expect(!article.title.contains("\n"), sourceLocation: sourceLocation)
    }

    @Test func escapesInTitlesMetaTagsAttributesAndReferences() {
        let page = """
            <html><head><title>Title \(Self.escape) &#27;]0;shown&#7; &#x9b;31m</title>
            <meta property="og:title" content="OG \(Self.escape) &#x1b;[2J &#155;2J">
            <meta property="og:site_name" content="Site \(Self.escape)">
            <meta name="author" content="Author \(Self.escape) &#x1B;]2;shown&#x07;">
            <meta property="og:url" content="https://x.example/\(Self.escape)">
            <meta property="article:published_time" content="2024-01-01\(Self.escape)">
            </head><body><p title="\(Self.escape)">Text &#27;[31m red &#x9B;2J &#x202E; rev
            <a href="https://x.example/\u{1B}[2J">link \(Self.escape)</a></p>
            <pre>\(Self.escape) code &#27;]0;shown&#7;</pre><code>\(Self.escape)</code>
            <table><tr><td>\(Self.escape)</td></tr></table></body></html>
            """
        for id in ["page.html", "page.txt"] { expectSafe(Fixture.article(page, id: id)) }
    }

    @Test func escapesInBase64AndQuotedPrintableBodiesAndEncodedWordHeaders() {
        let payload = Data("Body \(Self.escape) end".utf8).base64EncodedString()
        let encodedSubject = "=?utf-8?b?" + Data("Subject \(Self.escape)".utf8).base64EncodedString() + "?="
        let message = """
            From: =?utf-8?q?Eve_=1B]0;pwned=07?= <eve@example.org>
            Subject: \(encodedSubject)
            Date: Mon, 1 Jan 2024 00:00:00 +0000
            Newsgroups: =?utf-8?q?group=1B[31m?=
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=x

            --x
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            \(payload)
            --x
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            QP =1B]0;pwned=07 =1B[2J =C2=9B31m =E2=80=AE
            --x
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            <p>HTML =1B]0;pwned=07 &#27;[31m &#x9b;2J &#27;]0;shown&#7;</p>
            --x
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="=?utf-8?q?file=1B]0;pwned=07.bin?="

            AAAA
            --x--
            """
        expectSafe(Fixture.article(message, id: "m.eml"))
        // The same message handed over as a decoded String (a message of an mbox file).
        expectSafe(ArticleParser.parse(id: "m", folderName: "mail", text: TextNormalizer.normalize(message)))
        #expect(
            MailMessage.messageID(in: Array("Message-ID: <\u{1B}]0;x\u{07}@y>\nSubject: s\n\nb".utf8)).map(
                TerminalSafety.violations) == [])
    }
}
