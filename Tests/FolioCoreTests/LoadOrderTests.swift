import Foundation
import Testing

@testable import FolioCore

/// A big container is split on all cores and its articles put into id order on all cores
/// (architecture.md §5): the result must be what one core walking the file and sorting would give.
@Suite struct LoadOrderTests {
    /// The spans of `RecordSplitter.lines`, found the slow way: one line at a time from the start.
    static func serialLines(_ bytes: [UInt8]) -> [RecordSpan] {
        var spans: [RecordSpan] = []
        var start = 0
        var line = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            line += 1
            if bytes[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                spans.append(RecordSpan(start: start, end: end, line: line))
            }
            start = end + 1
        }
        return spans
    }

    /// Lines of many lengths (some far longer than others, so part boundaries land inside records),
    /// CRLF endings, blank and whitespace-only lines, and lines that are not JSON.
    static func mixedJSONLines(count: Int) -> [UInt8] {
        var text = ""
        var random = SplitMix64(seed: 7)
        for number in 1...count {
            let length = Int(random.next() % 400)
            let padding = String(repeating: "word ", count: length)
            switch number % 50 {
            case 0: text += "not json at all \(number)\r\n"
            case 17: text += "   \t\r\n"
            case 33: text += "\n"
            default: text += #"{"title": "Record \#(number)", "text": "Body \#(number) \#(padding)"}"# + "\r\n"
            }
        }
        return Array(text.utf8)
    }

    @Test func theParallelSplitFindsTheSameLinesAsOneCore() {
        let bytes = Self.mixedJSONLines(count: 6_000)
        #expect(bytes.count > RecordSplitter.parallelThreshold)
        let parallel = bytes.withUnsafeBufferPointer { RecordSplitter.lines($0) }
        let serial = Self.serialLines(bytes)
        #expect(parallel.count == serial.count)
        #expect(parallel.map(\.start) == serial.map(\.start))
        #expect(parallel.map(\.end) == serial.map(\.end))
        #expect(parallel.map(\.line) == serial.map(\.line))
        // Every part boundary the split used lies inside some record, and that record is whole.
        let parts = Parallel.ranges(bytes.count, parts: Parallel.workerCount * 4).dropFirst().map(\.lowerBound)
        for boundary in parts {
            let straddling = parallel.first { $0.start < boundary && boundary < $0.end }
            if let straddling {
                #expect(bytes[straddling.start] == UInt8(ascii: "{") || bytes[straddling.start] == UInt8(ascii: "n"))
                #expect(straddling.end == bytes.count || bytes[straddling.end] == 0x0A)
            }
        }
    }

    @Test func aBigCRLFFileLoadsEveryRecordWithInvalidLinesCounted() throws {
        let folder = try TemporaryDirectory()
        let count = 6_000
        try folder.write("crlf.jsonl", bytes: Self.mixedJSONLines(count: count))
        let (articles, report) = try CorpusLoader().load(path: folder.path)
        let invalid = count / 50
        let blank = (1...count).filter { $0 % 50 == 17 || $0 % 50 == 33 }.count
        #expect(report.skipped[.notJSON] == invalid)
        #expect(articles.count == count - invalid - blank)
        #expect(report.formats[.jsonLines] == FormatCount(articles: count - invalid - blank, skipped: invalid))
        #expect(articles.allSatisfy { !$0.title.contains("\r") && !$0.body.contains("\r") })
        #expect(ContainerLoaderTests.article("crlf.jsonl/49", in: articles)?.title == "Record 49")
        #expect(ContainerLoaderTests.article("crlf.jsonl/50", in: articles) == nil)
        #expect(ContainerLoaderTests.article("crlf.jsonl/5999", in: articles)?.title == "Record 5999")
        #expect(articles.map(\.id) == articles.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func containersAndFilesTogetherAreInIDOrder() throws {
        let folder = try TemporaryDirectory()
        var lines = ""
        for number in 1...120 { lines += #"{"title": "Line \#(number)", "text": "Text \#(number)."}"# + "\n" }
        try folder.write("b.jsonl", bytes: Array(lines.utf8))
        try folder.write("a.jsonl", bytes: Array(lines.utf8))
        try folder.write("b.jsonl.txt", bytes: Array("A file\n\nIts body.\n".utf8))
        try folder.write("a/c.txt", bytes: Array("Nested\n\nIts body.\n".utf8))
        let (articles, _) = try CorpusLoader().load(path: folder.path)
        let ids = articles.map(\.id)
        #expect(ids.count == 242)
        #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(ids.first == "a.jsonl/1")
        #expect(ids.contains("a/c.txt") && ids.contains("b.jsonl.txt"))
        #expect(ContainerLoaderTests.article("b.jsonl/100", in: articles)?.title == "Line 100")
    }

    @Test func parallelSortedIndicesMatchOneCoresSort() {
        var random = SplitMix64(seed: 3)
        for count in [0, 1, 2, 4095, 4096, 10_001] {
            let keys = (0..<count).map { _ in Int(random.next() % 500) }
            let order: (Int, Int) -> Bool = { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            #expect(Parallel.sortedIndices(count, by: order) == Array(0..<count).sorted(by: order))
        }
    }

    @Test func reorderPutsEachElementWhereTheOrderSays() {
        var random = SplitMix64(seed: 11)
        for count in [0, 1, 2, 3, 1000] {
            let values = (0..<count).map { "value \($0) " + String(repeating: "x", count: $0 % 40) }
            var order = Array(0..<count)
            for index in order.indices.reversed() where index > 0 {
                order.swapAt(index, Int(random.next() % UInt64(index + 1)))
            }
            var reordered = values
            reordered.reorder(by: order)
            #expect(reordered == order.map { values[$0] })
        }
    }

    @Test func byteOrderAgreesWithUTF8Order() {
        let words = [
            "", "a", "a/1", "a/10", "a/9", "a/100000000000000000", "a/99999999999999999", "é", "e\u{301}", "z",
            "news.jsonl/1000000", "news.jsonl/999999", "日本", "\u{FFFD}", "A", "a\u{0}"
        ]
        for a in words {
            for b in words {
                let expected = a.utf8.lexicographicallyPrecedes(b.utf8)
                #expect(ByteOrder.precedes(a, b) == expected, "\(a) < \(b)")
                #expect((ByteOrder.compare(a, b) == 0) == a.utf8.elementsEqual(b.utf8))
            }
        }
    }
}
