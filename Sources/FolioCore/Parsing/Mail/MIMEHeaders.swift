import Foundation

/// The header block of a mail message or of one MIME part, read from bytes: `Name: value` lines,
/// folded lines unfolded (RFC 5322 §2.2.3), ending at the first empty line.
struct MIMEHeaders {
    /// Names in lower case, values unfolded and decoded as `TextDecoder` decodes a file (valid UTF-8,
    /// else Windows-1252), RFC 2047 encoded words still encoded.
    var fields: [(name: String, value: String)] = []

    /// A message header longer than this is not a header (real ones, with every Received line, stay far below).
    static let maximumLines = 2_000

    /// The first value of a field (`name` in lower case).
    func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    var contentType: MIMEContentType { MIMEContentType(value("content-type")) }

    var transferEncoding: TransferEncoding { TransferEncoding(header: value("content-transfer-encoding")) }

    /// A part's header: lines up to the first empty one. A line that is neither a field nor a
    /// continuation ends the header early (the part then has no blank line: its text starts there).
    static func parsePart(_ bytes: ArraySlice<UInt8>) -> (headers: MIMEHeaders, body: ArraySlice<UInt8>) {
        var headers = MIMEHeaders()
        var cursor = bytes.startIndex
        var lines = 0
        while cursor < bytes.endIndex {
            let (line, next) = Self.line(in: bytes, from: cursor)
            if line.isEmpty { return (headers, bytes[next...]) }
            lines += 1
            guard lines <= maximumLines, headers.append(line) else { return (headers, bytes[cursor...]) }
            cursor = next
        }
        return (headers, bytes[bytes.endIndex...])
    }

    /// A whole message's header, or nil when the bytes do not start with a mail header: the first
    /// line must be a field (after an mbox `From ` line, if any), and the fields must include one of
    /// `MailHeader.recognisedKeys`, as for `MailHeader.split`.
    static func parseMessage(_ bytes: ArraySlice<UInt8>) -> (headers: MIMEHeaders, body: ArraySlice<UInt8>)? {
        var start = bytes.startIndex
        if bytes.starts(with: "From ".utf8) { start = Self.line(in: bytes, from: start).next }
        let (firstLine, _) = Self.line(in: bytes, from: start)
        guard let colon = firstLine.firstIndex(of: UInt8(ascii: ":")), isFieldName(firstLine[..<colon]) else { return nil }
        var headers = MIMEHeaders()
        var cursor = start
        var lines = 0
        while cursor < bytes.endIndex {
            let (line, next) = Self.line(in: bytes, from: cursor)
            if line.isEmpty { break }
            lines += 1
            guard lines <= maximumLines, headers.append(line) else { return nil }
            cursor = next
        }
        let keys = Set(headers.fields.map(\.name))
        guard !keys.isDisjoint(with: MailHeader.recognisedKeys) else { return nil }
        if headers.fields.count == 1 && keys.isDisjoint(with: MailHeader.standaloneKeys) { return nil }
        let body = cursor < bytes.endIndex ? bytes[Self.line(in: bytes, from: cursor).next...] : bytes[bytes.endIndex...]
        return (headers, body)
    }

    /// Adds a field line or a continuation; false when the line is neither.
    private mutating func append(_ line: ArraySlice<UInt8>) -> Bool {
        if line.first == 0x20 || line.first == 0x09 {
            guard !fields.isEmpty else { return false }
            fields[fields.count - 1].value += " " + Self.text(line).trimmingCharacters(in: .whitespaces)
            return true
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), Self.isFieldName(line[..<colon]) else { return false }
        let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
        let value = Self.text(line[(colon + 1)...]).trimmingCharacters(in: .whitespaces)
        fields.append((name, value))
        return true
    }

    /// Header names are printable ASCII without spaces or colons (RFC 5322 ftext).
    static func isFieldName(_ name: ArraySlice<UInt8>) -> Bool {
        !name.isEmpty && name.count <= 76 && name.allSatisfy { $0 > 32 && $0 < 127 }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { TextDecoder.decode($0).text }
    }

    /// The line starting at `start` without its line end (LF or CRLF), and where the next one starts.
    static func line(in bytes: ArraySlice<UInt8>, from start: Int) -> (line: ArraySlice<UInt8>, next: Int) {
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
        var lineEnd = end
        if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        return (bytes[start..<lineEnd], end < bytes.endIndex ? end + 1 : end)
    }
}

/// A `Content-Type` value: `text/plain; charset="iso-8859-1"; format=flowed`.
struct MIMEContentType {
    /// `type/subtype` in lower case; `text/plain` when the header is missing or unreadable (RFC 2045 §5.2).
    var mediaType: String
    var parameters: MIMEParameters

    init(_ value: String?) {
        guard let value else {
            mediaType = "text/plain"
            parameters = MIMEParameters("")
            return
        }
        let semicolon = value.firstIndex(of: ";") ?? value.endIndex
        let type = value[..<semicolon].trimmingCharacters(in: .whitespaces).lowercased()
        mediaType = type.contains("/") ? type : "text/plain"
        parameters = MIMEParameters(value[semicolon...])
    }

    var isMultipart: Bool { mediaType.hasPrefix("multipart/") }
    var isText: Bool { mediaType.hasPrefix("text/") }
    var charset: String? { parameters["charset"] }
}
