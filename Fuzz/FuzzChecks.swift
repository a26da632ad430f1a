// Checks shared by both fuzzers (Scripts/fuzz.sh compiles this file into each of them).

/// Hit ranges are sorted, non-empty, inside the text, and on scalar boundaries.
func checkRanges(_ ranges: [Range<Int>], within text: String) {
    let utf8 = Array(text.utf8)
    var previousEnd = 0
    for range in ranges {
        precondition(range.lowerBound >= previousEnd, "hit ranges overlap or are unsorted: \(ranges)")
        precondition(range.lowerBound < range.upperBound && range.upperBound <= utf8.count, "hit range \(range) outside \(utf8.count) bytes")
        precondition(utf8[range.lowerBound] & 0xC0 != 0x80, "hit range \(range) starts inside a scalar")
        precondition(range.upperBound == utf8.count || utf8[range.upperBound] & 0xC0 != 0x80, "hit range \(range) ends inside a scalar")
        previousEnd = range.upperBound
    }
}
