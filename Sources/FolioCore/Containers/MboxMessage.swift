/// One message of an mbox file: its bytes without the `From ` separator line and with mboxrd
/// quoting undone (`>From ` → `From `, `>>From ` → `>From `), and its Message-ID. The message is
/// then parsed like a mail file (`ArticleParser`'s mail header path, MIME included).
enum MboxMessage {
    /// The bytes of the message in `span` (which starts at its `From ` line).
    static func bytes(of span: RecordSpan, in file: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var position = span.start
        // The separator line is the mbox's, not the message's.
        while position < span.end, file[position] != 0x0A { position += 1 }
        position += 1
        var message: [UInt8] = []
        message.reserveCapacity(max(0, span.end - position))
        while position < span.end {
            var end = position
            while end < span.end, file[end] != 0x0A { end += 1 }
            var start = position
            if file[start] == UInt8(ascii: ">") {
                var quotes = start
                while quotes < end, file[quotes] == UInt8(ascii: ">") { quotes += 1 }
                if RecordSplitter.isFromLine(file, quotes), quotes + 5 <= end { start += 1 }
            }
            message.append(contentsOf: UnsafeBufferPointer(rebasing: file[start..<min(end + 1, span.end)]))
            position = end + 1
        }
        return message
    }

    /// The Message-ID in the message's header block, without its angle brackets; nil when there is
    /// none (or it is empty). Read here from the header lines rather than from the parser, which
    /// keeps only the fields an article shows. A folded value (on the next line) is read too.
    static func messageID(in message: [UInt8]) -> [UInt8]? {
        let key = Array("message-id:".utf8)
        var position = 0
        while position < message.count {
            var end = position
            while end < message.count, message[end] != 0x0A { end += 1 }
            var line = message[position..<end]
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { return nil }
            if line.count >= key.count, zip(line.prefix(key.count), key).allSatisfy({ ($0 | 0x20) == $1 || $0 == $1 }) {
                var value = Array(line.dropFirst(key.count))
                if value.allSatisfy({ $0 == 0x20 || $0 == 0x09 }), end + 1 < message.count,
                    message[end + 1] == 0x20 || message[end + 1] == 0x09
                {
                    var next = end + 1
                    while next < message.count, message[next] != 0x0A { next += 1 }
                    value = Array(message[(end + 1)..<next])
                }
                var trimmed = value[...].drop { $0 == 0x20 || $0 == 0x09 }
                while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed = trimmed.dropLast() }
                if trimmed.first == UInt8(ascii: "<"), trimmed.last == UInt8(ascii: ">"), trimmed.count >= 2 {
                    trimmed = trimmed.dropFirst().dropLast()
                }
                return trimmed.isEmpty ? nil : Array(trimmed)
            }
            position = end + 1
        }
        return nil
    }

    /// Whether a file's first line is an mbox separator: `From `, an address, then a date (a year
    /// and a time), as in `From jane@example.org Thu Jan  1 12:00:00 2015`.
    static func startsMbox(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 5, bytes.starts(with: "From ".utf8) else { return false }
        let line = bytes.prefix(300).prefix { $0 != 0x0A }
        let words = line.split(separator: 0x20)
        guard words.count >= 4, !words[1].contains(UInt8(ascii: ":")) else { return false }
        let hasYear = words.contains { $0.count == 4 && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        let hasTime = words.contains { word in word.filter { $0 == UInt8(ascii: ":") }.count == 2 }
        return hasYear && hasTime
    }
}
