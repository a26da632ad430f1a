import Testing

@testable import FolioCore

private typealias Pair = EditDistanceTests.Case

private let distanceTable: [Pair] = [
    // Identical and empty
    Pair("", "", 0, 0),
    Pair("reader", "reader", 0, 0),
    Pair("reader", "reader", 2, 0),
    Pair("", "a", 1, 1),
    Pair("ab", "", 2, 2),
    Pair("", "abc", 2, nil),
    // Insert, delete, substitute
    Pair("folio", "folios", 1, 1),
    Pair("folios", "folio", 1, 1),
    Pair("article", "artcle", 1, 1),
    Pair("search", "searsh", 1, 1),
    Pair("search", "searsh", 0, nil),
    Pair("kitten", "sitting", 3, 3),
    Pair("kitten", "sitting", 2, nil),
    Pair("xfolio", "folio", 1, 1),
    // Adjacent transposition counts 1; OSA never edits a substring twice
    Pair("teh", "the", 1, 1),
    Pair("recieve", "receive", 1, 1),
    Pair("ab", "ba", 1, 1),
    Pair("abcd", "badc", 2, 2),
    Pair("ca", "abc", 3, 3),
    Pair("ca", "abc", 2, nil),
    // Over the bound
    Pair("swift", "swiftly", 1, nil),
    Pair("abc", "xyz", 2, nil),
    Pair("abcdef", "badcfe", 2, nil),
    Pair("abcdefgh", "hgfedcba", 4, nil),
    Pair("abc", "abd", -1, nil),
    // Non-ASCII: distances count Unicode scalars, not bytes
    Pair("café", "cafe", 1, 1),
    Pair("cafe", "café", 1, 1),
    Pair("café", "café", 0, 0),
    Pair("naïve", "naive", 1, 1),
    Pair("über", "uber", 1, 1),
    Pair("straße", "strasse", 2, 2),
    Pair("日本語", "日本", 1, 1),
    Pair("日本語", "本日語", 1, 1),
    Pair("日本語", "", 2, nil),
    Pair("😀a", "a😀", 1, 1),
    Pair("é", "abcd", 3, nil)
]

@Suite struct EditDistanceTests {
    /// One row of the distance table: two terms, the bound, and the expected answer (nil: over the bound).
    struct Case: Sendable, CustomTestStringConvertible {
        let a: String, b: String, bound: Int, expected: Int?
        init(_ a: String, _ b: String, _ bound: Int, _ expected: Int?) {
            (self.a, self.b, self.bound, self.expected) = (a, b, bound, expected)
        }
        var testDescription: String { "\"\(a)\" / \"\(b)\" ≤ \(bound) → \(expected.map(String.init) ?? "nil")" }
    }

    @Test(arguments: distanceTable)
    func table(_ row: Case) {
        #expect(EditDistance.within(Array(row.a.utf8), Array(row.b.utf8), maxDistance: row.bound) == row.expected)
        // The distance is symmetric, and both overloads agree.
        let swapped = Array(row.b.utf8).withUnsafeBufferPointer { b in
            Array(row.a.utf8).withUnsafeBufferPointer { a in EditDistance.within(b, a, maxDistance: row.bound) }
        }
        #expect(swapped == row.expected)
    }

    @Test func invalidUTF8IsComparedBytewise() {
        // A lone continuation byte and a truncated sequence are one unit each, equal only to themselves.
        #expect(EditDistance.within([0x61, 0x80], [0x61, 0x80], maxDistance: 0) == 0)
        #expect(EditDistance.within([0x61, 0x80], [0x61, 0x81], maxDistance: 1) == 1)
        #expect(EditDistance.within([0xE2, 0x82], [0x61], maxDistance: 2) == 2)
        // An overlong "/" (C0 AF) is two bad bytes, not "/".
        #expect(EditDistance.within([0xC0, 0xAF], [0x2F], maxDistance: 1) == nil)
    }

    /// Random pairs of short strings, ASCII and not, against a plain full-matrix OSA, for bounds 0...3.
    @Test(arguments: [
        (seed: UInt64(1), alphabet: ["a", "b", "c"]),
        (seed: UInt64(2), alphabet: ["a", "b", "c", "d", "e", "f", "g", "h"]),
        (seed: UInt64(3), alphabet: ["a", "b", "é", "ü"]),
        (seed: UInt64(4), alphabet: ["x", "日", "本", "😀", "e\u{301}"])
    ])
    func agreesWithReference(seed: UInt64, alphabet: [String]) {
        var random = SplitMix64(seed: seed)
        var mismatches: [String] = []
        for _ in 0..<3000 {
            let a = Self.randomTerm(&random, alphabet)
            let b = Self.randomTerm(&random, alphabet)
            let bound = Int(random.next() % 4)
            let full = Self.referenceDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
            let expected = full <= bound ? full : nil
            let actual = EditDistance.within(Array(a.utf8), Array(b.utf8), maxDistance: bound)
            if actual != expected { mismatches.append("\(a) / \(b) ≤ \(bound): \(String(describing: actual)) ≠ \(full)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    private static func randomTerm(_ random: inout SplitMix64, _ alphabet: [String]) -> String {
        let length = Int(random.next() % 9)
        var term = ""
        for _ in 0..<length { term += alphabet[Int(random.next() % UInt64(alphabet.count))] }
        return term
    }

    /// Textbook optimal-string-alignment distance over the whole (m+1)×(n+1) matrix.
    private static func referenceDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
