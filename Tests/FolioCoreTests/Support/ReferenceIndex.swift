@testable import FolioCore

/// The index's columns built the plainest way, for comparing with `IndexBuilder`: every document's
/// tokens into one dictionary from term to its postings, then the index's encodings (`VarInt` gaps
/// and frequencies, `PositionBlock`s). Slow and obviously right.
struct ReferenceIndex: Equatable {
    var termBytes: [UInt8] = []
    var termOffsets: [UInt32] = [0]
    var documentFrequency: [UInt32] = []
    var postingsStart: [Int] = [0]
    var postings: [UInt8] = []
    var positionsStart: [Int] = [0]
    var positions: [UInt8] = []
    var documentLength: [Float] = []

    init(_ articles: [Article]) {
        var byTerm: [[UInt8]: [(document: Int, title: [UInt32], body: [UInt32])]] = [:]
        var tokenizer = Tokenizer()
        for (document, article) in articles.enumerated() {
            var found: [[UInt8]: (title: [UInt32], body: [UInt32])] = [:]
            var titleTokens: UInt32 = 0
            var bodyTokens: UInt32 = 0
            tokenizer.tokenize(article.title) { token, _, _ in
                found[Array(token), default: ([], [])].title.append(titleTokens)
                titleTokens += 1
            }
            tokenizer.tokenize(article.body) { token, _, _ in
                found[Array(token), default: ([], [])].body.append(bodyTokens)
                bodyTokens += 1
            }
            for (term, positions) in found { byTerm[term, default: []].append((document, positions.title, positions.body)) }
            documentLength.append(Float(bodyTokens) + BM25.titleWeight * Float(titleTokens))
        }
        for term in byTerm.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            termBytes += term
            termOffsets.append(UInt32(termBytes.count))
            let list = byTerm[term]!.sorted { $0.document < $1.document }
            documentFrequency.append(UInt32(list.count))
            var previous = -1
            for posting in list {
                let saturated = { (count: Int) in UInt32(Swift.min(count, Int(PositionBlock.saturated))) }
                for value in [UInt32(posting.document - previous), saturated(posting.body.count), saturated(posting.title.count)]
                {
                    Self.append(value, to: &postings)
                }
                previous = posting.document
                var block = [UInt8](repeating: 0, count: 5 * (posting.title.count + posting.body.count) + 10)
                let size = posting.title.withUnsafeBufferPointer { title in
                    posting.body.withUnsafeBufferPointer { body in
                        block.withUnsafeMutableBufferPointer {
                            PositionBlock.write(title: title, body: body, to: $0.baseAddress!)
                        }
                    }
                }
                positions += block.prefix(size)
            }
            postingsStart.append(postings.count)
            positionsStart.append(positions.count)
        }
    }

    /// The same columns of a built index.
    init(columnsOf index: SearchIndex) {
        termBytes = Array(index.terms.bytes)
        termOffsets = Array(index.terms.offsets)
        documentFrequency = Array(index.documentFrequency)
        postingsStart = Array(index.postingsStart)
        postings = Array(index.postings)
        positionsStart = Array(index.positionsStart)
        positions = Array(index.positions)
        documentLength = Array(index.documentLength)
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
