import Testing

@testable import FolioCore

/// The index build's memory helpers: pages handed back, buffers grown, work shared by workers.
@Suite struct PageBufferTests {
    @Test func releasedPagesReadAsZeroAndTheRestIsKept() {
        let page = PageBuffer.pageSize
        let buffer = PageBuffer(count: 10 * page)
        buffer.base.update(repeating: 7, count: buffer.count)
        // From the middle of page 1 to the middle of page 5: pages 2, 3 and 4 go, 1 and 5 stay.
        // It says where to go on from: the end of page 4, so that page 5 goes once it is all read.
        #expect(buffer.release((page + 100)..<(5 * page + 100)) == 5 * page)
        for offset in stride(from: 0, to: buffer.count, by: 512) {
            let released = offset >= 2 * page && offset < 5 * page
            #expect(buffer.base[offset] == (released ? 0 : 7), "offset \(offset)")
        }
        #expect(buffer.release(0..<0) == 0)
        #expect(buffer.release((3 * page + 1)..<(3 * page + 2)) == 3 * page + 1, "nothing released: start again there")
        #expect(buffer.base[0] == 7)
        // Going on from there takes page 5 whole, and page 6 up to where its bytes are read.
        #expect(buffer.release((5 * page)..<(6 * page + 10)) == 6 * page)
        #expect(buffer.base[5 * page + 8] == 0 && buffer.base[6 * page] == 7)
    }

    @Test func growableBufferKeepsItsContentAndAlignment() {
        var buffer = GrowableBuffer<UInt32>(capacity: 4, alignment: 64)
        for value in 0..<1_000 {
            buffer.reserve(value + 1)
            buffer.base[value] = UInt32(value)
            #expect(Int(bitPattern: buffer.base) % 64 == 0)
        }
        #expect((0..<1_000).allSatisfy { buffer.base[$0] == UInt32($0) })
    }

    @Test func parallelMapWithStateKeepsOrderAndReusesState() {
        // Each worker's state counts the items it took: together they took each item once.
        final class Counter: @unchecked Sendable { var items = 0 }
        let results = Parallel.map(1_000, state: { Counter() }) { counter, index -> (Int, Counter) in
            counter.items += 1
            return (index * 3, counter)
        }
        #expect(results.map(\.0) == (0..<1_000).map { $0 * 3 })
        let counters = Dictionary(results.map { (ObjectIdentifier($0.1), $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(counters.count <= Parallel.workerCount)
        #expect(counters.values.reduce(0) { $0 + $1.items } == 1_000)
    }
}
