import Testing

@testable import FolioCore

/// The chunk's term table and the document's: dense ids in order of first sight, found again by
/// their bytes however long, and emptied for reuse.
@Suite struct ChunkTermTableTests {
    /// Short terms, terms of exactly 8 and 16 bytes, and long ones sharing their first 16 bytes.
    static let terms: [[UInt8]] = {
        var words = [
            "a", "ab", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr",
            "abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyZ", "東京", "москва"
        ].map { Array($0.utf8) }
        for number in 0..<5_000 { words.append(Array("term\(number)".utf8)) }
        return words
    }()

    @Test func recordsAreOneCacheLine() {
        #expect(MemoryLayout<ChunkTermTable.Record>.stride == 64)
    }

    @Test func idsAreDenseStableAndFoundByBytes() {
        var table = ChunkTermTable(capacity: 16)  // grows many times on the way
        for round in 0..<2 {
            for (number, term) in Self.terms.enumerated() { #expect(id(term, in: &table) == number) }
            for (number, term) in Self.terms.enumerated().reversed() {
                #expect(id(term, in: &table) == number)
                #expect(Array(table.term(number)) == term)
            }
            #expect(table.count == Self.terms.count, "round \(round)")
            table.removeAll()
            #expect(table.count == 0)
        }
    }

    @Test func documentTermsCountTokensIntoPostings() {
        var terms = DocumentTerms()
        for round in 0..<2 {
            for term in Self.terms { _ = count(term, 1, in: &terms) }
            for term in Self.terms.prefix(20) { _ = count(term, 1 << 16, in: &terms) }
            #expect(terms.count == Self.terms.count)
            for (posting, term) in Self.terms.enumerated() {
                #expect(Array(terms.term(posting)) == term)
                #expect(terms.posting(posting).frequency == (posting < 20 ? 1 << 16 | 1 : 1), "round \(round)")
            }
            terms.removeAll()
        }
    }

    @Test func documentTermFrequenciesSaturate() {
        var terms = DocumentTerms()
        let word = Array("again".utf8)
        for _ in 0..<70_000 { _ = count(word, 1, in: &terms) }
        #expect(terms.posting(0).frequency == 0xFFFF)
    }

    private func id(_ term: [UInt8], in table: inout ChunkTermTable) -> Int {
        term.withUnsafeBufferPointer { buffer in
            let key = TermKey.key(buffer.baseAddress!, buffer.count)
            return table.id(for: buffer, key: key, hash: TermKey.hash(key: key, buffer))
        }
    }

    private func count(_ term: [UInt8], _ increment: UInt32, in terms: inout DocumentTerms) -> Int {
        term.withUnsafeBufferPointer { terms.count($0, increment: increment) }
    }
}
