import Foundation

/// Turns a MIME message body into article text (RFC 2045/2046): transfer encodings and charsets
/// decoded, `multipart/alternative` read as its plain-text version (else its HTML one, through
/// `HTMLArticle`), `multipart/mixed` as its text parts in order, nested multiparts followed, and
/// every attachment listed by name and size at the end: `[attachment: report.pdf, 12 KB]`.
///
/// The text is not yet normalised; `MailMessage` normalises it (Documentation/architecture.md §5).
struct MIMEBody {
    /// Multiparts nested deeper than this are not read (real mail nests three or four levels).
    static let maximumDepth = 12
    /// More parts than this in one multipart are not read (a damaged or hostile boundary).
    static let maximumParts = 500

    /// Whether identity-encoded bytes are still in their charset (a file's bytes) or are already
    /// UTF-8 text (a message handed over as a decoded String).
    let bytesAreRaw: Bool
    private(set) var texts: [String] = []
    private(set) var attachments: [String] = []

    init(bytesAreRaw: Bool) { self.bytesAreRaw = bytesAreRaw }

    /// The text of a message whose header is `headers` and body `body`.
    static func text(headers: MIMEHeaders, body: ArraySlice<UInt8>, bytesAreRaw: Bool) -> String {
        var reader = MIMEBody(bytesAreRaw: bytesAreRaw)
        reader.read(headers: headers, body: body, depth: 0)
        var text = reader.texts.joined(separator: "\n\n")
        if !reader.attachments.isEmpty {
            text += (text.isEmpty ? "" : "\n\n") + reader.attachments.joined(separator: "\n")
        }
        return text
    }

    mutating func read(headers: MIMEHeaders, body: ArraySlice<UInt8>, depth: Int, defaultType: String? = nil) {
        let contentType =
            headers.value("content-type") == nil && defaultType != nil
            ? MIMEContentType(defaultType) : headers.contentType
        let disposition = headers.value("content-disposition").map { MIMEContentDisposition($0) }
        let name = disposition?.fileName ?? contentType.parameters["name"]
        let isAttachment = disposition?.isAttachment == true
        switch contentType.mediaType {
        case _ where contentType.isMultipart:
            guard depth < Self.maximumDepth, let boundary = contentType.parameters["boundary"], !boundary.isEmpty else {
                // A multipart without a boundary cannot be split: read it as the text it holds.
                if depth < Self.maximumDepth { appendText(decodedText(body, headers: headers, charset: nil)) }
                return
            }
            let parts = Self.split(body, boundary: boundary).prefix(Self.maximumParts).map(MIMEHeaders.parsePart)
            readMultipart(contentType.mediaType, parts: parts, depth: depth)
        case "text/html" where !isAttachment && (name == nil || texts.isEmpty):
            let html = decodedBytes(body, headers: headers)
            let isRaw = bytesAreRaw || headers.transferEncoding != .identity
            appendText(HTMLArticle.text(fromBytes: html, charset: contentType.charset, bytesAreRaw: isRaw))
        case "message/rfc822" where !isAttachment && depth < Self.maximumDepth:
            readForwardedMessage(decodedBytes(body, headers: headers), depth: depth)
        case _ where contentType.isText && !isAttachment && (name == nil || texts.isEmpty):
            var text = decodedText(body, headers: headers, charset: contentType.charset)
            // Plain text reads like a plain file, character references included (`ArticleParser`).
            text = HTMLCharacterReferences.decoded(text) ?? text
            if contentType.parameters["format"]?.lowercased() == "flowed" {
                text = FlowedText.unflow(text, deleteSpace: contentType.parameters["delsp"]?.lowercased() == "yes")
            }
            appendText(text)
        case "application/pgp-signature", "application/pkcs7-signature", "application/x-pkcs7-signature":
            return  // a signature is not something a reader opens
        default:
            guard let label = name ?? (isAttachment ? contentType.mediaType : nil) else { return }
            let size = Self.decodedSize(body, encoding: headers.transferEncoding)
            attachments.append("[attachment: \(label.replacingOccurrences(of: "\n", with: " ")), \(Self.sizeText(size))]")
        }
    }

    private mutating func readMultipart(
        _ mediaType: String, parts: [(headers: MIMEHeaders, body: ArraySlice<UInt8>)], depth: Int
    ) {
        switch mediaType {
        case "multipart/alternative":
            // Versions of one text, simplest first: plain text if there is one, else HTML, else the
            // richest version (often a multipart/related around the HTML).
            let types = parts.map(\.headers.contentType)
            let chosen =
                types.firstIndex { $0.mediaType == "text/plain" }
                ?? types.firstIndex { $0.mediaType == "text/html" }
                ?? types.lastIndex { $0.isMultipart } ?? types.indices.first
            if let chosen { read(headers: parts[chosen].headers, body: parts[chosen].body, depth: depth + 1) }
        case "multipart/related":
            // The first part is the document; the rest are its images and styles.
            if let root = parts.first { read(headers: root.headers, body: root.body, depth: depth + 1) }
        default:
            let defaultType = mediaType == "multipart/digest" ? "message/rfc822" : nil
            for part in parts { read(headers: part.headers, body: part.body, depth: depth + 1, defaultType: defaultType) }
        }
    }

    /// An attached message's header lines (From, Date, Subject) and its text, in place.
    private mutating func readForwardedMessage(_ bytes: [UInt8], depth: Int) {
        let slice = ArraySlice(bytes)
        let (headers, body) = MIMEHeaders.parsePart(slice)
        var lines: [String] = []
        for key in ["from", "date", "subject"] {
            if let value = headers.value(key) {
                lines.append(key.prefix(1).uppercased() + key.dropFirst() + ": " + EncodedWords.decode(value))
            }
        }
        if !lines.isEmpty { appendText(lines.joined(separator: "\n")) }
        read(headers: headers, body: body, depth: depth + 1)
    }

    /// Adds a part's text without the blank lines around it (the parts are joined by one).
    private mutating func appendText(_ text: String) {
        guard text.contains(where: { !$0.isWhitespace }) else { return }
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
        while let newline = trimmed.firstIndex(of: "\n"), trimmed[..<newline].allSatisfy(\.isWhitespace) {
            trimmed = trimmed[trimmed.index(after: newline)...]
        }
        texts.append(String(trimmed))
    }

    /// The part's bytes with its transfer encoding undone.
    private func decodedBytes(_ body: ArraySlice<UInt8>, headers: MIMEHeaders) -> [UInt8] {
        headers.transferEncoding.decode(body)
    }

    /// The part's text: transfer encoding undone, then its charset decoded, unless the bytes are
    /// already text (identity-encoded in a String the caller decoded).
    private func decodedText(_ body: ArraySlice<UInt8>, headers: MIMEHeaders, charset: String?) -> String {
        let encoding = headers.transferEncoding
        let bytes = encoding.decode(body)
        if !bytesAreRaw && encoding == .identity { return String(decoding: bytes, as: UTF8.self) }
        return CharsetDecoder.decode(bytes, charset: charset)
    }

    /// The parts between `--boundary` lines; the preamble before the first and the epilogue after
    /// `--boundary--` are dropped. Without a closing line the last part runs to the end.
    static func split(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int? = nil
        var cursor = body.startIndex
        while cursor < body.endIndex {
            let (line, next) = MIMEHeaders.line(in: body, from: cursor)
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                let closing = rest.starts(with: "--".utf8)
                let tail = closing ? rest.dropFirst(2) : rest
                if tail.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    // The line end before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
                    if let start = partStart { parts.append(body[start..<Self.trimmingLineEnd(body, before: cursor)]) }
                    if closing { return parts }
                    partStart = next
                }
            }
            cursor = next
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }

    private static func trimmingLineEnd(_ body: ArraySlice<UInt8>, before index: Int) -> Int {
        var end = index
        if end > body.startIndex, body[end - 1] == 0x0A { end -= 1 }
        if end > body.startIndex, body[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// An attachment's size without decoding it: base64 holds three bytes per four characters.
    static func decodedSize(_ body: ArraySlice<UInt8>, encoding: TransferEncoding) -> Int {
        guard encoding == .base64 else { return body.count }
        return body.reduce(0) { $0 + (TransferEncoding.base64Value($1) == nil ? 0 : 1) } * 3 / 4
    }

    /// `512 bytes`, `12 KB`, `3.4 MB`.
    static func sizeText(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) KB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}

/// A `Content-Disposition` value: `attachment; filename="report.pdf"`.
struct MIMEContentDisposition {
    var isAttachment: Bool
    var fileName: String?

    init(_ value: String) {
        let semicolon = value.firstIndex(of: ";") ?? value.endIndex
        isAttachment = value[..<semicolon].trimmingCharacters(in: .whitespaces).lowercased() == "attachment"
        fileName = MIMEParameters(value[semicolon...])["filename"]
    }
}
