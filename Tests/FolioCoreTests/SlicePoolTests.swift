import Testing

@testable import FolioCore

/// Many byte lists growing at once in one pool read back whole, in order, with their sizes.
@Suite struct SlicePoolTests {
    @Test func listsReadBackAsWritten() {
        var random = SplitMix64(seed: 9)
        var pool = SlicePool()
        var scratch = GrowableBuffer<UInt8>()
        for round in 0..<2 {
            var cursors = [SlicePool.Cursor](repeating: SlicePool.Cursor(), count: 40)
            var expected = [[UInt8]](repeating: [], count: 40)
            for step in 0..<3_000 {
                let list = Int.random(in: 0..<40, using: &random)
                // Mostly short appends, now and then one longer than a slice.
                let count = step % 97 == 0 ? Int.random(in: 100...5_000, using: &random) : Int.random(in: 1...12, using: &random)
                let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
                if step % 2 == 0 {
                    bytes.withUnsafeBufferPointer { pool.append($0.baseAddress!, count: count, to: &cursors[list]) }
                } else {
                    pool.append(atMost: count + 3, to: &cursors[list], scratch: &scratch) { target in
                        for (offset, byte) in bytes.enumerated() { target[offset] = byte }
                        return count
                    }
                }
                expected[list] += bytes
            }
            for list in 0..<40 {
                #expect(SlicePool.count(cursors[list]) == expected[list].count, "round \(round) list \(list)")
                var copied = [UInt8](repeating: 0, count: expected[list].count)
                copied.withUnsafeMutableBufferPointer { pool.copy(cursors[list], to: $0.baseAddress!) }
                #expect(copied == expected[list])
            }
            pool.removeAll()
        }
    }

    @Test func anEmptyListHoldsNothing() {
        let pool = SlicePool()
        #expect(SlicePool.count(SlicePool.Cursor()) == 0)
        var nothing: UInt8 = 7
        pool.copy(SlicePool.Cursor(), to: &nothing)
        #expect(nothing == 7)
    }
}
