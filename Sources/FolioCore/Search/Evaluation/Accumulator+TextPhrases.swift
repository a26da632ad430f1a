/// The phrase check on the candidates' text, for the scan (`ScanPostings` keeps no positions).
extension Accumulator {
    /// Weighted counts per document of `documents` (0 for those not `alive`), as `keepPhrases` keeps
    /// them. Many candidates are checked on all cores (reading their text is most of a phrase search).
    /// Nil when `isCancelled` (asked every 256 candidates, from any of the workers) turns true.
    static func textCounts(
        _ matcher: PhraseMatcher, fields: Fields, articles: ArticleTable, documents: [Int32], alive: (Int) -> Bool,
        tokenizer: inout Tokenizer, isCancelled: () -> Bool
    ) -> [Float]? {
        func occurrences(_ range: Range<Int>, _ tokenizer: inout Tokenizer) -> [Float]? {
            var found = [Float](repeating: 0, count: range.count)
            for (offset, position) in range.enumerated() {
                if offset % 256 == 255 && isCancelled() { return nil }
                let document = Int(documents[position])
                guard alive(document) else { continue }
                found[offset] = articles.withTitleAndBody(at: document) { title, body in
                    let inTitle = fields.contains(.title) ? matcher.occurrenceCount(inBytes: title, tokenizer: &tokenizer) : 0
                    let inBody = fields.contains(.body) ? matcher.occurrenceCount(inBytes: body, tokenizer: &tokenizer) : 0
                    return BM25.frequency(body: inBody, title: inTitle, in: fields)
                }
            }
            return found
        }
        let parts =
            documents.count >= parallelPhraseCandidates
            ? Parallel.ranges(documents.count, parts: Parallel.workerCount) : [0..<documents.count]
        let results: [[Float]?] =
            parts.count == 1
            ? [occurrences(parts[0], &tokenizer)]
            : Parallel.map(parts.count) { part in
                var own = Tokenizer()
                return occurrences(parts[part], &own)
            }
        var found: [Float] = []
        found.reserveCapacity(documents.count)
        for result in results {
            guard let result else { return nil }
            found.append(contentsOf: result)
        }
        return found
    }

    /// From this many phrase candidates on, they are checked on all cores.
    static let parallelPhraseCandidates = 2048
}
