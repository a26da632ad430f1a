/// Groups raw terms by English stem, once per distinct term (not per token), after the dictionary
/// is known: stemming a few hundred thousand distinct words costs far less than every token.
enum StemGrouper {
    static func group(_ terms: SortedTerms) -> (stems: SortedTerms, groupStart: [UInt32], groupTerms: [UInt32]) {
        let parts = Parallel.ranges(terms.count, parts: Parallel.workerCount)
        let stemmed: [[[UInt8]]] = Parallel.map(parts.count) { part in
            parts[part].map { SearchIndex.stem(terms.term($0)) }
        }
        var stemOfTerm: [[UInt8]] = []
        stemOfTerm.reserveCapacity(terms.count)
        for part in stemmed { stemOfTerm.append(contentsOf: part) }
        // Only terms whose stem differs from themselves need a group entry beyond their own; but one
        // uniform table keeps look-ups simple, and it is small next to the postings.
        var order = Array(0..<UInt32(terms.count))
        order.sort { a, b in
            let x = stemOfTerm[Int(a)]
            let y = stemOfTerm[Int(b)]
            return x.lexicographicallyPrecedes(y) || (x == y && a < b)
        }
        var stemBytes: [UInt8] = []
        var stemOffsets: [UInt32] = [0]
        var groupStart: [UInt32] = []
        var previous: [UInt8]? = nil
        for (position, term) in order.enumerated() {
            let stem = stemOfTerm[Int(term)]
            if stem != previous {
                stemBytes.append(contentsOf: stem)
                stemOffsets.append(UInt32(stemBytes.count))
                groupStart.append(UInt32(position))
                previous = stem
            }
        }
        groupStart.append(UInt32(order.count))
        return (SortedTerms(bytes: stemBytes, offsets: stemOffsets), groupStart, order)
    }
}
