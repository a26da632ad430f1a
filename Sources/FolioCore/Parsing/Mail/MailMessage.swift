/// A MIME mail or Usenet message (RFC 2045–2047): a header block with `MIME-Version`,
/// `Content-Type` or `Content-Transfer-Encoding`, and a body `MIMEBody` decodes. Messages without
/// those headers are plain text after their header, which `MailHeader` reads.
///
/// Both entry points of `ArticleParser` come here: a file's raw bytes (each text part decoded from
/// its own charset) and an already-decoded String (text parts that were not transfer-encoded are
/// taken as they are). Everything decoded is normalised afterwards (Documentation/architecture.md §5).
public enum MailMessage {
    /// The `Message-ID` of the message in `bytes` without its angle brackets and spaces, normalised
    /// (safe to show); nil when the bytes do not start with a mail header or it has no Message-ID.
    public static func messageID(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard startsLikeMail(bytes),
            let (headers, _) = MIMEHeaders.parseMessage(ArraySlice(bytes)),
            let value = headers.value("message-id")
        else { return nil }
        let trimmed = value.filter { !$0.isWhitespace && $0 != "<" && $0 != ">" }
        let safe = TextNormalizer.normalize(trimmed)
        return safe.isEmpty ? nil : safe
    }

    public static func messageID(in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { messageID(in: $0) }
    }

    /// The article of a MIME message, or nil when `bytes` are not one (not a mail header, or a
    /// header without MIME fields). `bytesAreRaw`: the file's own bytes, not a decoded String's UTF-8.
    static func article(id: String, folderName: String, bytes: UnsafeBufferPointer<UInt8>, bytesAreRaw: Bool) -> Article? {
        guard startsLikeMail(bytes) else { return nil }
        let message = ArraySlice(bytes)
        guard let (headers, body) = MIMEHeaders.parseMessage(message), isMIME(headers) else { return nil }
        var fields = ArticleParser.Fields()
        for field in headers.fields {
            MailHeader.apply(field.name, TextNormalizer.normalize(field.value).replacingNewlines(), to: &fields)
        }
        let text = MIMEBody.text(headers: headers, body: body, bytesAreRaw: bytesAreRaw)
        let normalized = TextNormalizer.normalize(text)
        return ArticleParser.assemble(id: id, folderName: folderName, fields: fields, rest: Substring(normalized))
    }

    /// A header field name and its colon in the first 41 bytes, or an mbox `From ` line: most files
    /// are not mail, and this is all they cost.
    static func startsLikeMail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.starts(with: "From ".utf8) { return true }
        for byte in bytes.prefix(41) {
            if byte == UInt8(ascii: ":") { return true }
            if byte <= 0x20 || byte >= 0x7F { return false }
        }
        return false
    }

    /// MIME headers say how the body is encoded; without them it is plain text (RFC 2045 §4).
    static func isMIME(_ headers: MIMEHeaders) -> Bool {
        headers.fields.contains {
            $0.name == "mime-version" || $0.name == "content-type" || $0.name == "content-transfer-encoding"
        }
    }
}
