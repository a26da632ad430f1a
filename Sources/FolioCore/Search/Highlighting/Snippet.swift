/// A short passage of an article around its hits, on one line, with the hits' ranges in it.
public struct Snippet: Sendable, Equatable, Codable {
    public var text: String
    /// UTF-8 byte ranges of the hits within `text`.
    public var hits: [Range<Int>]

    public init(text: String, hits: [Range<Int>]) {
        self.text = text
        self.hits = hits
    }
}

extension HitMatcher {
    /// The window of about `length` bytes of `body` holding the most distinct hits (the first such
    /// window), cut at word boundaries, whitespace folded to single spaces, "…" where text was cut.
    func snippet(of body: String, length: Int = 160) -> Snippet {
        let hits = ranges(in: body)
        let utf8 = Array(body.utf8)
        if utf8.isEmpty { return Snippet(text: "", hits: []) }
        var windowStart = 0
        if !hits.isEmpty {
            var bestCount = 0
            var right = 0
            for left in hits.indices {
                while right < hits.count && hits[right].upperBound - hits[left].lowerBound <= length { right += 1 }
                if right - left > bestCount {
                    bestCount = right - left
                    windowStart = hits[left].lowerBound
                }
            }
            // Some context before the first hit, when the window has room for it.
            let covered = hits.filter { $0.lowerBound >= windowStart }.prefix(bestCount)
            let used = (covered.last?.upperBound ?? windowStart) - windowStart
            windowStart = Swift.max(0, windowStart - Swift.max(0, (length - used) / 3))
        }
        var start = Self.wordStart(in: utf8, atOrBefore: windowStart)
        var end = Swift.min(utf8.count, start + length)
        end = Self.wordEnd(in: utf8, atOrAfter: end, limit: Swift.min(utf8.count, end + 24))
        if start > 0 && start < windowStart - 40 { start = windowStart }
        return Self.fold(utf8, start..<end, hits: hits, cutBefore: start > 0, cutAfter: end < utf8.count)
    }

    static func wordStart(in bytes: [UInt8], atOrBefore position: Int) -> Int {
        var index = Swift.min(position, bytes.count)
        // Move back to the start of a word, and never into the middle of a UTF-8 sequence.
        while index > 0 && bytes[index - 1] != 0x20 && bytes[index - 1] != 0x0A && position - index < 24 { index -= 1 }
        while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }

    static func wordEnd(in bytes: [UInt8], atOrAfter position: Int, limit: Int) -> Int {
        var index = position
        while index < limit && bytes[index] != 0x20 && bytes[index] != 0x0A { index += 1 }
        while index < bytes.count && index > 0 && bytes[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }

    /// Copies bytes in `range`, folding runs of spaces and newlines to one space, moving hit ranges along.
    static func fold(_ bytes: [UInt8], _ range: Range<Int>, hits: [Range<Int>], cutBefore: Bool, cutAfter: Bool) -> Snippet {
        var output: [UInt8] = cutBefore ? Array("…".utf8) : []
        var map = [Int](repeating: 0, count: range.count + 1)  // source offset → output offset
        var lastWasSpace = cutBefore
        for position in range {
            map[position - range.lowerBound] = output.count
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x0A {
                if !lastWasSpace { output.append(0x20) }
                lastWasSpace = true
            } else {
                output.append(byte)
                lastWasSpace = false
            }
        }
        map[range.count] = output.count
        while output.last == 0x20 { output.removeLast() }
        let textEnd = output.count
        if cutAfter { output += Array("…".utf8) }
        let moved: [Range<Int>] = hits.compactMap { hit in
            let lower = Swift.max(hit.lowerBound, range.lowerBound)
            let upper = Swift.min(hit.upperBound, range.upperBound)
            guard lower < upper else { return nil }
            let start = map[lower - range.lowerBound]
            let end = Swift.min(map[upper - range.lowerBound], textEnd)
            return start < end ? start..<end : nil
        }
        return Snippet(text: String(decoding: output, as: UTF8.self), hits: moved)
    }
}
