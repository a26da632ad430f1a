import Foundation

/// Where one record (a JSON line, a CSV row, an mbox message) lies in a container's bytes, and the
/// line it starts on (1-based: what the editor is sent to, and a JSON Lines or CSV article's id).
struct RecordSpan: Sendable {
    var start: Int
    var end: Int
    var line: Int
}

/// Splits a container's bytes into records without copying them. JSON Lines and mbox files are
/// split on all cores: the bytes are cut into parts at line starts, each part walks its own lines,
/// and line numbers are made whole afterwards from each part's count (architecture.md §5).
enum RecordSplitter {
    /// Below this a file is walked on one core: starting threads costs more than it saves.
    static let parallelThreshold = 4 << 20

    /// Every line that is not blank (spaces, tabs and CRs only), with its end before the newline.
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [RecordSpan] {
        walk(bytes) { start, end, line, spans in
            var index = start
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
            if index < end { spans.append(RecordSpan(start: start, end: end, line: line)) }
        }
    }

    /// Every mbox message: from a `From ` line at the start of the file or after a blank line, to
    /// the next such line (or the end of the file: a truncated last message is kept as it is).
    static func mboxMessages(_ bytes: UnsafeBufferPointer<UInt8>) -> [RecordSpan] {
        var spans = walk(bytes) { start, end, line, spans in
            guard end - start >= 5, isFromLine(bytes, start), start == 0 || followsBlankLine(bytes, start) else { return }
            spans.append(RecordSpan(start: start, end: 0, line: line))
        }
        for index in spans.indices { spans[index].end = index + 1 < spans.count ? spans[index + 1].start : bytes.count }
        return spans
    }

    static func isFromLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        start + 5 <= bytes.count && bytes[start] == 0x46 && bytes[start + 1] == 0x72 && bytes[start + 2] == 0x6F
            && bytes[start + 3] == 0x6D && bytes[start + 4] == 0x20
    }

    /// The line before `start` is empty ("\n\n" or "\n\r\n" just before it).
    private static func followsBlankLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        (start >= 2 && bytes[start - 2] == 0x0A) || (start >= 3 && bytes[start - 2] == 0x0D && bytes[start - 3] == 0x0A)
    }

    /// Calls `visit(lineStart, lineEnd, lineNumber, &spans)` for every line, in parts on all cores
    /// for a big file, and returns the spans in file order with line numbers counted from the start.
    private static func walk(
        _ bytes: UnsafeBufferPointer<UInt8>, _ visit: (Int, Int, Int, inout [RecordSpan]) -> Void
    ) -> [RecordSpan] {
        let count = bytes.count
        let parts = count < parallelThreshold ? 1 : Parallel.workerCount * 4
        let ranges = Parallel.ranges(count, parts: parts)
        let results = Parallel.map(ranges.count) { part -> (spans: [RecordSpan], lines: Int) in
            let range = ranges[part]
            var position = lineStart(atOrAfter: range.lowerBound, in: bytes)
            var spans: [RecordSpan] = []
            var lines = 0
            while position < range.upperBound {
                let newline = memchr(bytes.baseAddress! + position, 0x0A, count - position)
                let end = newline.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! } ?? count
                lines += 1
                visit(position, end, lines, &spans)
                position = end + 1
            }
            return (spans, lines)
        }
        var spans: [RecordSpan] = []
        spans.reserveCapacity(results.reduce(0) { $0 + $1.spans.count })
        var linesBefore = 0
        for result in results {
            for var span in result.spans {
                span.line += linesBefore
                spans.append(span)
            }
            linesBefore += result.lines
        }
        return spans
    }

    /// The first line start at or after `offset`.
    private static func lineStart(atOrAfter offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard offset > 0 else { return 0 }
        guard offset < bytes.count else { return bytes.count }
        if bytes[offset - 1] == 0x0A { return offset }
        guard let newline = memchr(bytes.baseAddress! + offset, 0x0A, bytes.count - offset) else { return bytes.count }
        return UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! + 1
    }
}
