import Testing

@testable import FolioCore

/// "Did you mean"'s memo answers what the dictionary scan answers, before and after it is emptied.
@Suite struct NearestTermMemoTests {
    static let store = Fixture.store([
        ("a.txt", "Teddy\n\nA therapy teddy by the window."),
        ("b.txt", "Volcano\n\nThe volcano erupted at dawn.")
    ])

    @Test func answersAsTheScanDoes() {
        let resolver = TermResolver(index: Self.store.index)
        let memo = NearestTermMemo()
        for (word, isPrefix) in [("voclano", false), ("tedy", false), ("windw", true), ("zzzzqqq", false), ("2021", false)] {
            let bytes = Array(word.utf8)
            let scanned = resolver.nearestTerm(to: bytes, isPrefix: isPrefix)
            #expect(memo.nearestTerm(to: bytes, isPrefix: isPrefix, resolver: resolver) == scanned, "\(word)")
            #expect(memo.nearestTerm(to: bytes, isPrefix: isPrefix, resolver: resolver) == scanned, "\(word), kept")
        }
        #expect(memo.nearestTerm(to: Array("voclano".utf8), isPrefix: false, resolver: resolver) == Array("volcano".utf8))
        #expect(memo.nearestTerm(to: Array("2021".utf8), isPrefix: false, resolver: resolver) == nil)
    }

    @Test func emptiedWhenFullAndStillRight() {
        let resolver = TermResolver(index: Self.store.index)
        let memo = NearestTermMemo()
        for number in 0...NearestTermMemo.limit {
            _ = memo.nearestTerm(to: Array("word\(number)".utf8), isPrefix: false, resolver: resolver)
        }
        #expect(memo.nearestTerm(to: Array("tedy".utf8), isPrefix: false, resolver: resolver) == Array("teddy".utf8))
    }
}
