import Foundation

/// Reads CSV (RFC 4180: fields in double quotes may hold commas, newlines and doubled quotes) and
/// TSV (the same with tabs) from a file's bytes: the header row names the fields, every other row
/// is a record.
///
/// Written here rather than taken from SwiftCSV or CSV.swift (both on the package list): those read
/// a whole String, a second copy of a file that may be a gigabyte, and cannot hand rows to several
/// cores; this reads the mapped bytes in place and only copies the fields an article uses.
struct CSVRecordReader {
    let delimiter: UInt8

    /// One field's bytes: `quoted` fields may hold doubled quotes to undo.
    struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
    }

    /// The rows of `bytes` in order (the header first), each with the line it starts on. A row
    /// whose quoted field is never closed is returned in `unclosed`, and reading goes on at the
    /// line after its start, so one stray quote costs one row, not the rest of the file.
    func rows(_ bytes: UnsafeBufferPointer<UInt8>) -> (rows: [RecordSpan], unclosed: [RecordSpan]) {
        var rows: [RecordSpan] = []
        var unclosed: [RecordSpan] = []
        var position = 0
        var line = 1
        var fields: [Field] = []
        while position < bytes.count {
            let (next, closed) = row(bytes, from: position, into: &fields)
            if closed {
                if !(fields.count == 1 && fields[0].start == fields[0].end && !fields[0].quoted) {
                    rows.append(RecordSpan(start: position, end: next, line: line))
                }
                line += Self.newlines(bytes, position, next)
                position = next
            } else {
                unclosed.append(RecordSpan(start: position, end: bytes.count, line: line))
                guard let newline = memchr(bytes.baseAddress! + position, 0x0A, bytes.count - position) else { break }
                position = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! + 1
                line += 1
            }
        }
        return (rows, unclosed)
    }

    private static func newlines(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var count = 0
        var position = start
        while position < end, let found = memchr(bytes.baseAddress! + position, 0x0A, end - position) {
            count += 1
            position = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! + 1
        }
        return count
    }

    /// Reads the row at `start` into `fields`; returns where the next row starts, and false when a
    /// quoted field runs to the end of the file unclosed.
    func row(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into fields: inout [Field]) -> (next: Int, closed: Bool) {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        var index = start
        while true {
            if index < count, bytes[index] == 0x22 {
                index += 1
                let fieldStart = index
                var fieldEnd = index
                while true {
                    guard let quote = memchr(bytes.baseAddress! + index, 0x22, count - index) else { return (count, false) }
                    let at = UnsafePointer(quote.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress!
                    if at + 1 < count, bytes[at + 1] == 0x22 {
                        index = at + 2
                        continue
                    }
                    fieldEnd = at
                    index = at + 1
                    break
                }
                // Anything between the closing quote and the delimiter (`"a"b`) is dropped.
                while index < count, bytes[index] != delimiter, bytes[index] != 0x0A { index += 1 }
                fields.append(Field(start: fieldStart, end: fieldEnd, quoted: true))
            } else {
                let fieldStart = index
                while index < count, bytes[index] != delimiter, bytes[index] != 0x0A { index += 1 }
                var fieldEnd = index
                if fieldEnd > fieldStart, bytes[fieldEnd - 1] == 0x0D { fieldEnd -= 1 }
                fields.append(Field(start: fieldStart, end: fieldEnd, quoted: false))
            }
            if index >= count { return (count, true) }
            if bytes[index] == 0x0A { return (index + 1, true) }
            index += 1
        }
    }

    /// A field's text: doubled quotes undone, decoded as the loader decodes files.
    static func text(of field: Field, in bytes: UnsafeBufferPointer<UInt8>, invalidUTF8: inout Bool) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.quoted, slice.contains(0x22) else { return decoded(slice, invalidUTF8: &invalidUTF8) }
        var unquoted: [UInt8] = []
        unquoted.reserveCapacity(slice.count)
        var previousWasQuote = false
        for byte in slice {
            if byte == 0x22 && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = byte == 0x22
            unquoted.append(byte)
        }
        return unquoted.withUnsafeBufferPointer { decoded($0, invalidUTF8: &invalidUTF8) }
    }

    private static func decoded(_ bytes: UnsafeBufferPointer<UInt8>, invalidUTF8: inout Bool) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        invalidUTF8 = true
        return TextDecoder.decode(bytes).text
    }

    /// The record of one data row: each field named by the header's field at its position.
    static func record(
        _ fields: [Field], roles: [(role: FieldNames.Role, rank: Int)?], in bytes: UnsafeBufferPointer<UInt8>
    ) -> RecordFields {
        var record = RecordFields()
        for (field, role) in zip(fields, roles) {
            guard let role else { continue }
            let text = Self.text(of: field, in: bytes, invalidUTF8: &record.hadInvalidUTF8)
            if role.role == .date, let date = RecordFields.epochDate(text.utf8) {
                record.numericDate = record.numericDate ?? date
            }
            record.offer(text, role: role.role, rank: role.rank)
        }
        return record
    }
}
