import Testing

@testable import FolioCore

/// MIME mail and Usenet messages: transfer encodings, charsets, encoded words, multiparts.
@Suite struct MIMEMessageTests {
    @Test func quotedPrintableBodyAndEncodedWordInTheSubject() throws {
        let article = try #require(try FixtureFiles.article("mail/quoted-printable.eml"))
        #expect(article.title == "Notes from the café meeting")
        #expect(article.author == "Ines Ward")
        #expect(article.date == DateParser.parse("2024-03-05"))
        #expect(
            article.body == """
                We met at the café on the corner and agreed that the long paragraph should be one line, even though the sender wrapped it.
                An equals sign is written = and a lone = stays.
                Trailing spaces go.
                """)
    }

    @Test func base64BodyAndAdjacentEncodedWordsAreJoined() throws {
        let article = try #require(try FixtureFiles.article("mail/base64.eml"))
        #expect(article.title == "Rota für den Garten")
        #expect(article.author == "Jürgen Müller")
        #expect(article.body == "The allotment committee agreed the new rota.\nEveryone waters on their own day.")
    }

    @Test func latin1EightBitBody() throws {
        let article = try #require(try FixtureFiles.article("mail/latin1-8bit.eml"))
        #expect(article.title == "Recette du gâteau")
        #expect(article.author == "René Blanc")
        #expect(article.body == "Il faut de la crème fraîche et un peu de sucre glacé.")
    }

    @Test func shiftJISBodyAndISO2022JPSubject() throws {
        let article = try #require(try FixtureFiles.article("mail/shift-jis.eml"))
        #expect(article.title == "天気予報")
        #expect(article.body == "東京の天気は晴れです。\n明日も晴れます。")
    }

    @Test func alternativePrefersThePlainText() throws {
        let article = try #require(try FixtureFiles.article("mail/alternative.eml"))
        #expect(article.title == "Choir practice moved")
        #expect(article.body == "Practice moves to the church hall on Thursday.")
    }

    @Test func htmlOnlyMessageIsReadThroughTheHTMLPath() throws {
        let article = try #require(try FixtureFiles.article("mail/html-only.eml"))
        #expect(article.title == "Spring fair")
        #expect(article.author == "fair@example.org")
        // The part's own h1 repeats the subject: it is not kept as the first line.
        #expect(article.body == "Stalls open at [ten](https://fair.example/map).\n\n- Cakes\n- Plants")
    }

    @Test func wrongAndUnknownCharsetsFallBackToTheFileDecoder() throws {
        let wrong = try #require(try FixtureFiles.article("mail/wrong-charset.eml"))
        #expect(wrong.body == "The label says Latin-1 but these bytes are UTF-8: São Paulo, “quoted”.")
        let unknown = try #require(try FixtureFiles.article("mail/unknown-charset.eml"))
        #expect(unknown.body == "Plain words with an accent: café.")
    }

    @Test func brokenBase64IsReadAsFarAsItGoes() throws {
        let article = try #require(try FixtureFiles.article("mail/broken-base64.eml"))
        #expect(article.body == "Broken padding still reads: über alles gut.")
    }

    @Test func missingClosingBoundaryAndAttachmentsListedByName() throws {
        let article = try #require(try FixtureFiles.article("mail/missing-end-boundary.eml"))
        #expect(article.title == "Minutes attached")
        #expect(
            article.body == """
                The minutes of Tuesday's meeting are attached.

                [attachment: minutes.pdf, 12 KB]
                [attachment: été.png, 8 bytes]
                """)
    }

    @Test func theDecodedStringPathReadsMIMEToo() throws {
        // What `ArticleParser.parse(text:)` gets when a caller decoded the message itself.
        let text = """
            Subject: =?utf-8?q?Text_path?=
            Content-Type: multipart/alternative; boundary=b

            --b
            Content-Type: text/html; charset=utf-8

            <p>Caf&eacute; &lt;script&gt; stays text</p>
            --b--
            """
        let article = ArticleParser.parse(id: "m", folderName: "mail", text: text)
        #expect(article.title == "Text path")
        #expect(article.body == "Café <script> stays text")
    }

    @Test func messagesWithoutMIMEHeadersKeepThePlainMailPath() throws {
        let article = try #require(
            Fixture.article("From: Kim <kim@example.org>\nSubject: =?iso-8859-1?q?Gr=FC=DFe?=\n\nBody =3D as written.\n"))
        #expect(article.title == "Grüße")
        #expect(article.body == "Body =3D as written.")
    }

    @Test func messageIDIsReadWithoutBrackets() throws {
        #expect(MailMessage.messageID(in: try FixtureFiles.bytes("mail/quoted-printable.eml")) == "qp-1@example.org")
        #expect(
            MailMessage.messageID(
                in: Array("From x@y Mon Jan  1 00:00:00 2024\nMessage-Id:\n <a\u{1B}[31m@b>\nSubject: s\n\nb".utf8)) == "a@b")
        #expect(MailMessage.messageID(in: Array("Subject: no id\nFrom: a\n\nbody".utf8)) == nil)
        #expect(MailMessage.messageID(in: Array("Just text: not a mail\n".utf8)) == nil)
    }

    @Test func quotedPrintableDecoding() {
        func decode(_ text: String) -> String {
            String(decoding: TransferEncoding.decodeQuotedPrintable(ArraySlice(text.utf8)), as: UTF8.self)
        }
        #expect(decode("caf=C3=A9 caf=c3=a9") == "café café")
        #expect(decode("soft =\r\nbreak and soft=  \nbreak") == "soft break and softbreak")
        #expect(decode("spaces at the end   \nnext") == "spaces at the end\nnext")
        #expect(decode("=ZZ bad = escape =4") == "=ZZ bad = escape =4")
        #expect(decode("ends with =") == "ends with ")
    }

    @Test func base64DecodingForgivesPaddingAndNoise() {
        func decode(_ text: String) -> String {
            String(decoding: TransferEncoding.decodeBase64(ArraySlice(text.utf8)), as: UTF8.self)
        }
        #expect(decode("aGVsbG8=") == "hello")
        #expect(decode("aGVsbG8") == "hello")
        #expect(decode("aGV\r\nsb G8=\n") == "hello")
        #expect(decode("aGk=aGk=") == "hihi")
        #expect(decode("a") == "")
        #expect(decode("!!!") == "")
    }

    @Test func encodedWords() {
        #expect(EncodedWords.decode("=?UTF-8?B?w6k=?= =?UTF-8?Q?t=C3=A9?=") == "été")
        #expect(EncodedWords.decode("Re: =?iso-8859-1?q?caf=E9?= today") == "Re: café today")
        #expect(EncodedWords.decode("=?utf-8*en?q?a_b?=") == "a b")
        #expect(EncodedWords.decode("=?utf-8?x?abc?= and =?broken") == "=?utf-8?x?abc?= and =?broken")
        #expect(EncodedWords.decode("plain") == "plain")
    }

    @Test func parametersWithQuotesContinuationsAndCharsets() {
        let parameters = MIMEParameters(
            "; name=\"a \\\"q\\\" b\"; title*0*=utf-8''%C3%A9t; title*1=\"e.txt\"; x=plain ; y*=''a%20b")
        #expect(parameters["name"] == "a \"q\" b")
        #expect(parameters["title"] == "ete.txt".replacingOccurrences(of: "ete", with: "éte"))
        #expect(parameters["x"] == "plain")
        #expect(parameters["y"] == "a b")
        #expect(parameters["missing"] == nil)
    }

    @Test func flowedTextJoinsSoftLines() {
        #expect(
            FlowedText.unflow("one \ntwo\n> quoted \n> more\n-- \nsig", deleteSpace: false) == "one two\n> quoted more\n-- \nsig")
        #expect(FlowedText.unflow("ab \ncd", deleteSpace: true) == "abcd")
    }

    @Test func nestedMultipartsStopAtADepth() throws {
        var message = "Subject: deep\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 0..<40 { message += "--b\(level)\nContent-Type: multipart/mixed; boundary=b\(level + 1)\n\n" }
        message += "--b40\nContent-Type: text/plain\n\ntoo deep to read\n"
        let article = try #require(Fixture.article(message))
        #expect(article.title == "deep")
        #expect(!article.body.contains("too deep"))
    }

    @Test func digestPartsAreMessagesAndForwardedMessagesAreRead() throws {
        let message = """
            Subject: Weekly digest
            MIME-Version: 1.0
            Content-Type: multipart/digest; boundary=d

            --d

            From: Pat <pat@example.org>
            Subject: First post

            Hello from the first post.
            --d
            Content-Type: message/rfc822

            Subject: Second post
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            U2Vjb25kIGJvZHku
            --d--
            """
        let article = try #require(Fixture.article(message))
        #expect(
            article.body == """
                From: Pat <pat@example.org>
                Subject: First post

                Hello from the first post.

                Subject: Second post

                Second body.
                """)
    }

    @Test func sizesOfAttachments() {
        #expect(MIMEBody.sizeText(512) == "512 bytes")
        #expect(MIMEBody.sizeText(12 * 1024 + 100) == "12 KB")
        #expect(MIMEBody.sizeText(3_565_158) == "3.4 MB")
    }
}
