import FolioCore
import Foundation
import Testing

@testable import FolioXapian

/// What the reader shows while a query is typed over Xapian (architecture.md §9): the first rows
/// before the count. They are the rows the whole search gives, in its order; a count Xapian could
/// only estimate is settled to the exact one with every row reachable, and one it knew (a single
/// word: its frequency) is exact at once.
@Suite(.enabled(if: XapianFailure.isAvailable, "folio built without the Xapian trait"))
struct XapianFirstRowsTests {
    @Test func firstRowsAreTheSearchsAndTheirCountSettlesToItsCount() throws {
        let fixture = try XapianFixture(count: 1_500)
        defer { fixture.remove() }
        let xapian = try XapianEngine(path: fixture.stub)
        var estimated = 0
        let texts = XapianParityTests.queries + XapianParityTests.prefixes + ["river bank", "market harbour", "the"]
        for sort in ListOrder.allCases {
            for text in texts {
                let query = QueryParser.parse(text, mode: .incremental)
                let whole = xapian.search(query, sort: sort)
                let first = try #require(xapian.searchFirst(query, sort: sort, isCancelled: { false }))
                let shown = min(XapianRows.windowSize, whole.list.count)
                #expect(
                    first.list.matches(in: 0..<shown).map(\.article) == whole.list.matches(in: 0..<shown).map(\.article),
                    "\(text) \(sort)")
                guard let estimate = first.list.estimatedCount else {
                    #expect(first.list.count == whole.list.count, "\(text): a count given as exact is the count")
                    continue
                }
                estimated += 1
                #expect(first.list.count <= whole.list.count, "\(text): only rows that exist")
                #expect(estimate >= first.list.count, "\(text) \(sort)")
                let settled = try #require(xapian.settled(first, isCancelled: { false }), "\(text) \(sort)")
                #expect(settled.list.estimatedCount == nil)
                #expect(settled.list.count == whole.list.count, "\(text) \(sort)")
                #expect(settled.list.allMatches().map(\.article) == whole.list.allMatches().map(\.article), "\(text) \(sort)")
                #expect(xapian.settled(settled, isCancelled: { false }) == nil, "counted once")
            }
        }
        #expect(estimated > 0, "no query had its count estimated: the settling went untested")
        // One word: Xapian knows how many articles hold it, so that count is exact from the start.
        let word = try #require(xapian.searchFirst(QueryParser.parse("river", mode: .complete), sort: .relevance) { false })
        #expect(word.list.estimatedCount == nil)
    }
}
