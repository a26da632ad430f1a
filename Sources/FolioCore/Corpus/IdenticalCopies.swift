/// Articles whose title and body are the same bytes (Documentation/architecture.md §5): each group
/// is listed once, by its first article in id order (its representative), and the others are its
/// copies. Text is compared after normalisation at load, so copies that differ only in line endings,
/// controls or Unicode form still fold.
///
/// Found once per corpus (when read from files: one pass hashing every article's text on all cores;
/// from a snapshot: the saved `representative` column, no text read), never per keystroke. Lists
/// fold copies with one look-up per match (`fold`).
struct IdenticalCopies: Sendable {
    /// Per article, the number of its group's representative (itself when it has no copy).
    let representative: Column<Int32>
    /// Per representative with copies, the copies' numbers in id order.
    private let copiesByRepresentative: [Int32: [Int32]]

    /// Per article, whether it has a copy (it or another is its group's representative).
    private let isGrouped: [Bool]

    /// How many articles are copies of an earlier one (folded out of every list).
    let foldedCount: Int

    /// True when some article has a copy: only then do lists pay for folding.
    var isEmpty: Bool { copiesByRepresentative.isEmpty }

    init(representative: Column<Int32>) {
        self.representative = representative
        var copies: [Int32: [Int32]] = [:]
        var grouped = [Bool](repeating: false, count: representative.count)
        var folded = 0
        for (article, first) in representative.enumerated() where Int(first) != article {
            copies[first, default: []].append(Int32(article))
            grouped[article] = true
            grouped[Int(first)] = true
            folded += 1
        }
        copiesByRepresentative = copies
        isGrouped = grouped
        foldedCount = folded
    }

    /// Finds the copies among `articles`: a hash of each article's title and body, then, for equal
    /// hashes, a comparison of the bytes, so a hash collision never folds two different articles.
    init(_ articles: ArticleTable) {
        // In chunks, each one's text let go once hashed (`ArticleTable.releaseText`): bodies in a
        // spill file or snapshot would otherwise all stay resident after this pass.
        var hashes: [UInt64] = []
        hashes.reserveCapacity(articles.count)
        for start in stride(from: 0, to: articles.count, by: Self.hashChunk) {
            let chunk = start..<min(articles.count, start + Self.hashChunk)
            hashes += Parallel.map(chunk.count) { offset in
                articles.withTitleAndBody(at: chunk.lowerBound + offset) { title, body in Self.hash(title: title, body: body) }
            }
            articles.releaseText(chunk)
        }
        var representative = (0..<articles.count).map { Int32($0) }
        var firstByHash: [UInt64: [Int32]] = [:]
        firstByHash.reserveCapacity(articles.count)
        for (position, hash) in hashes.enumerated() {
            let earlier = firstByHash[hash, default: []]
            if let match = earlier.first(where: { Self.sameText(articles, Int($0), position) }) {
                representative[position] = match
            } else {
                firstByHash[hash, default: []].append(Int32(position))
            }
        }
        self.init(representative: Column(representative))
    }

    /// Articles hashed between two releases of their text's pages.
    static let hashChunk = 4_096

    /// Keeps one match of each group of identical articles: the first tier's (exact, then typo, then
    /// partial) with the lowest number. That is the representative whenever it matches; a query on
    /// a field copies may differ in (`source:`, `author:`, dates) can match only a later copy, which
    /// then stands for the group rather than the group going missing.
    func fold(
        _ exact: inout [QueryEvaluator.Scored], _ fuzzy: inout [QueryEvaluator.Scored],
        _ partial: inout [QueryEvaluator.Scored]
    ) {
        guard !isEmpty else { return }
        let grouped = isGrouped
        let representative = self.representative
        var kept: [Int32: (tier: Int, document: Int32)] = [:]
        func keep(_ matches: [QueryEvaluator.Scored], tier: Int) {
            for match in matches where grouped[Int(match.document)] {
                let group = representative[Int(match.document)]
                if let earlier = kept[group], earlier.tier < tier || earlier.document < match.document { continue }
                kept[group] = (tier, match.document)
            }
        }
        keep(exact, tier: 0)
        keep(fuzzy, tier: 1)
        keep(partial, tier: 2)
        guard !kept.isEmpty else { return }
        let isFolded = { (match: QueryEvaluator.Scored) in
            grouped[Int(match.document)] && kept[representative[Int(match.document)]]?.document != match.document
        }
        exact.removeAll(where: isFolded)
        fuzzy.removeAll(where: isFolded)
        partial.removeAll(where: isFolded)
    }

    /// The other articles of `article`'s group (its representative included, itself left out), in
    /// id order; empty for an article without copies.
    func copies(of article: Int) -> [Int] {
        guard representative.indices.contains(article) else { return [] }
        let first = representative[article]
        guard let copies = copiesByRepresentative[first] else { return [] }
        return ([first] + copies).map(Int.init).filter { $0 != article }
    }

    /// XXH64 of the body, seeded by the title's hash and length (so title and body cannot trade bytes).
    static func hash(title: UnsafeBufferPointer<UInt8>, body: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let titleHash = XXH64.hash(UnsafeRawBufferPointer(title))
        return XXH64.hash(UnsafeRawBufferPointer(body), seed: titleHash ^ UInt64(title.count))
    }

    private static func sameText(_ articles: ArticleTable, _ a: Int, _ b: Int) -> Bool {
        articles.withTitleAndBody(at: a) { titleA, bodyA in
            articles.withTitleAndBody(at: b) { titleB, bodyB in
                titleA.elementsEqual(titleB) && bodyA.elementsEqual(bodyB)
            }
        }
    }
}
