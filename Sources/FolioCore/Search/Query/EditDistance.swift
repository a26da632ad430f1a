/// Optimal-string-alignment (Damerau–Levenshtein with adjacent transpositions) distance, bounded.
///
/// Optimal string alignment counts insertions, deletions, substitutions and swaps of two adjacent
/// characters, each costing 1, with no substring edited twice ("ca" → "abc" is 3, not 2 as in the
/// unrestricted Damerau distance). It is the usual typo distance and needs only three DP rows.
///
/// Inputs are UTF-8 bytes of already-folded terms. Distances count Unicode scalars, so "café"/"cafe" is 1:
/// pure ASCII pairs (nearly every pair) run on the bytes directly; any other pair is first decoded to
/// scalars in a stack buffer. Scalars are not grapheme clusters: a decomposed "e\u{301}" is two
/// characters, which is why callers pass folded (NFC or diacritic-free) terms. Invalid UTF-8 bytes count
/// as one character each and never equal a real scalar.
///
/// Built to scan a whole term dictionary on each keystroke: length difference above the bound returns
/// at once, common prefix and suffix are skipped, only the diagonal band of width 2·maxDistance+1 is
/// computed, a row whose minimum exceeds the bound stops the scan, and nothing is heap-allocated.
public enum EditDistance {
    /// Returns the distance between `a` and `b` if it is <= maxDistance, else nil.
    public static func within(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, maxDistance: Int) -> Int? {
        guard maxDistance >= 0 else { return nil }
        // A string never has more scalars than bytes, and an ASCII one has exactly as many: so when one
        // side is ASCII and the other is shorter in bytes by more than the bound, no decoding can help.
        let aIsASCII = isASCII(a)
        if aIsASCII, a.count - b.count > maxDistance { return nil }
        let bIsASCII = isASCII(b)
        if bIsASCII, b.count - a.count > maxDistance { return nil }
        if aIsASCII && bIsASCII {
            return bounded(a, b, maxDistance)
        }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: a.count) { aScalars in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: b.count) { bScalars in
                let aCount = decodeScalars(a, into: aScalars)
                let bCount = decodeScalars(b, into: bScalars)
                return bounded(
                    UnsafeBufferPointer(rebasing: aScalars[..<aCount]),
                    UnsafeBufferPointer(rebasing: bScalars[..<bCount]),
                    maxDistance)
            }
        }
    }

    /// Returns the distance between `a` and `b` if it is <= maxDistance, else nil (array convenience).
    public static func within(_ a: [UInt8], _ b: [UInt8], maxDistance: Int) -> Int? {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in within(a, b, maxDistance: maxDistance) }
        }
    }

    // MARK: - Core

    /// The banded OSA dynamic programme over any code units, `a` and `b` already in comparable units.
    ///
    /// Row i holds d[i][j] = distance(a[..<i], b[..<j]) only for |i − j| <= k: a cell off that band is
    /// at least |i − j| > k, so reading it as k + 1 can only change results that exceed k anyway.
    private static func bounded<Unit: FixedWidthInteger>(
        _ a: UnsafeBufferPointer<Unit>, _ b: UnsafeBufferPointer<Unit>, _ k: Int
    ) -> Int? {
        guard abs(a.count - b.count) <= k else { return nil }
        // Matching ends cost nothing in some optimal alignment (a swap across the boundary would have
        // to swap two equal units), so only the differing middle needs the DP.
        var start = 0
        var aEnd = a.count
        var bEnd = b.count
        while start < aEnd, start < bEnd, a[start] == b[start] { start += 1 }
        while aEnd > start, bEnd > start, a[aEnd - 1] == b[bEnd - 1] {
            aEnd -= 1
            bEnd -= 1
        }
        // Rows run over the shorter side; the band has the same width either way.
        var rows = UnsafeBufferPointer(rebasing: a[start..<aEnd])
        var columns = UnsafeBufferPointer(rebasing: b[start..<bEnd])
        if rows.count > columns.count { swap(&rows, &columns) }
        let m = rows.count
        let n = columns.count
        if m == 0 { return n }  // n <= k: the length check above still holds
        if k == 0 { return nil }  // something differs and nothing is allowed

        let outside = k + 1  // stands for every cell off the band
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (n + 1)) { storage in
            // Three rotating rows: i − 2 (for swaps), i − 1, and i.
            var beforePrevious = storage.baseAddress!
            var previous = beforePrevious + (n + 1)
            var current = previous + (n + 1)

            let firstHigh = min(n, k)
            for j in 0...firstHigh { previous[j] = j }
            if firstHigh < n { previous[firstHigh + 1] = outside }

            for i in 1...m {
                let low = max(1, i - k)
                let high = min(n, i + k)
                // The cell left of the band: column 0 (i deletions) when the band reaches it (then i <= k + 1).
                current[low - 1] = low == 1 ? i : outside
                var rowMinimum = current[low - 1]
                let unit = rows[i - 1]
                for j in low...high {
                    let other = columns[j - 1]
                    var cell = Swift.min(
                        previous[j - 1] + (unit == other ? 0 : 1),
                        Swift.min(previous[j], current[j - 1]) + 1)
                    if i > 1, j > 1, unit == columns[j - 2], rows[i - 2] == other {
                        cell = Swift.min(cell, beforePrevious[j - 2] + 1)
                    }
                    current[j] = cell
                    rowMinimum = Swift.min(rowMinimum, cell)
                }
                // The next row's band reaches one column further right; it must read "outside" there.
                if high < n { current[high + 1] = outside }
                // Safe to stop: each cell of the next row derives from this row, or (a swap) from a cell
                // of the row before whose diagonal successor in this row is no larger plus one.
                if rowMinimum > k { return nil }
                (beforePrevious, previous, current) = (previous, current, beforePrevious)
            }
            let distance = previous[n]
            return distance <= k ? distance : nil
        }
    }

    // MARK: - UTF-8

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var union: UInt8 = 0
        for byte in bytes { union |= byte }
        return union < 0x80
    }

    /// Decodes UTF-8 into scalar values; returns how many were written (never more than `bytes.count`).
    /// A byte that does not start a well-formed sequence becomes its own unit, 0x8000_0000 | byte,
    /// which no scalar equals: bad input still compares consistently, and never crashes.
    private static func decodeScalars(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt32>) -> Int
    {
        var index = 0
        var count = 0
        while index < bytes.count {
            let lead = bytes[index]
            var unit = lead < 0x80 ? UInt32(lead) : 0x8000_0000 | UInt32(lead)
            var width = 1
            if lead >= 0xC2, lead <= 0xF4 {
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                if index + length <= bytes.count {
                    var value = UInt32(lead & (0xFF >> (length + 1)))
                    var wellFormed = true
                    for offset in 1..<length {
                        let next = bytes[index + offset]
                        guard next & 0xC0 == 0x80 else {
                            wellFormed = false
                            break
                        }
                        value = value << 6 | UInt32(next & 0x3F)
                    }
                    // Reject overlong forms so that two different byte strings never decode alike.
                    let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x1_0000
                    if wellFormed, value >= smallest, value <= 0x10_FFFF {
                        unit = value
                        width = length
                    }
                }
            }
            output[count] = unit
            count += 1
            index += width
        }
        return count
    }
}
