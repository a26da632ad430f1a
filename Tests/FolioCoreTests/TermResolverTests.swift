import Testing

@testable import FolioCore

/// Query terms → index term ids: stems, prefixes, and the typo tier's dictionary scan, whose
/// shortcuts (a length window, a first-or-last-letter test) must find what a full scan finds.
@Suite struct TermResolverTests {
    static let store = Fixture.store(
        Fixture.builtinFiles + [
            ("unicode.txt", "Unicode\n\nCafé crème brûlée naïveté Ελλάδα Москва Straße façade résumé 東京都 ﬁnancial")
        ])

    private var resolver: TermResolver { TermResolver(index: Self.store.index) }

    private func terms(_ ids: [Int]) -> Set<String> {
        Set(ids.map { String(decoding: Self.store.index.terms.term($0), as: UTF8.self) })
    }

    /// Every dictionary term within the allowed distance, by brute force.
    private func bruteForce(_ word: [UInt8]) -> Set<String> {
        let allowed = TermResolver.allowedTypos(for: word)
        guard allowed > 0 else { return [] }
        let index = Self.store.index
        return terms(
            (0..<index.termCount).filter { id in
                let term = index.terms.term(id)
                return term != word && EditDistance.within(word, term, maxDistance: allowed) != nil
            })
    }

    @Test func typoNeighboursMatchABruteForceScan() {
        var random = SplitMix64(seed: 42)
        let index = Self.store.index
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzéσж".unicodeScalars)
        var checked = 0
        for id in 0..<index.termCount {
            var scalars = Array(String(decoding: index.terms.term(id), as: UTF8.self).unicodeScalars)
            guard scalars.count >= 4 else { continue }
            // Up to two random edits of a real term, so there are neighbours to find.
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let at = Int.random(in: 0..<scalars.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: scalars.remove(at: at)
                case 1: scalars.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &random)], at: at)
                default: scalars[at] = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                }
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            let word = Array(String(text).utf8)
            #expect(terms(resolver.typoNeighbours(of: word)) == bruteForce(word), "\(String(text))")
            checked += 1
        }
        #expect(checked > 500)
    }

    @Test(arguments: [
        "ashes", "theraphy", "emotinal", "Cafe", "creme", "brulee", "naivete", "ελαδα", "mosква", "strase", "facades", "resume",
        "fnancial"
    ])
    func typoNeighboursOfNamedWords(word: String) {
        let folded = Array(Tokenizer.strings(word)[0].utf8)
        #expect(terms(resolver.typoNeighbours(of: folded)) == bruteForce(folded))
    }

    @Test func knownTypos() {
        #expect(terms(resolver.typoNeighbours(of: Array("theraphy".utf8))).contains("therapy"))
        #expect(terms(resolver.typoNeighbours(of: Array("resumes".utf8))) == ["resume"])
        #expect(terms(resolver.typoNeighbours(of: Array("caf".utf8))).isEmpty)  // 3 letters: none
    }

    @Test func stemsAndPrefixes() {
        #expect(terms(resolver.resolve(Query.Term(tokens: [Array("ash".utf8)]))[0]).isSuperset(of: ["ashes"]))
        #expect(terms(resolver.resolve(Query.Term(tokens: [Array("travelling".utf8)]))[0]).isSuperset(of: ["travels"]))
        let prefix = terms(resolver.resolve(Query.Term(tokens: [Array("ther".utf8)], isPrefix: true))[0])
        #expect(prefix.isSuperset(of: ["therapy", "there"]))
        #expect(prefix.allSatisfy { $0.hasPrefix("ther") })
    }
}

extension TermResolverTests {
    /// One or two letters are held to the postings budget even when few words start with them (a
    /// small vocabulary of frequent words); three letters or more keep a small range whole, so a
    /// word being typed keeps every completion.
    @Test func shortPrefixesAreAlwaysHeldToTheBudget() {
        let over = { TermResolver.prefixPostingsBudget + 1 }
        #expect(!TermResolver.takesWholeRange(prefix: Array("i".utf8), words: 20, postings: over))
        #expect(!TermResolver.takesWholeRange(prefix: Array("in".utf8), words: 10, postings: over))
        #expect(!TermResolver.takesWholeRange(prefix: Array("東".utf8), words: 5, postings: over))  // one letter, three bytes
        #expect(TermResolver.takesWholeRange(prefix: Array("gov".utf8), words: 20, postings: over))
        #expect(TermResolver.takesWholeRange(prefix: Array("zü".utf8), words: 300, postings: { 1_000 }))
        #expect(!TermResolver.takesWholeRange(prefix: Array("gov".utf8), words: 65, postings: over))
    }
}
