import Foundation
import Testing

/// `folio search` on the built-in articles: partial matches in the table and JSON, and "did you
/// mean" on standard error when nothing matches.
extension FolioCLITests {
    @Test func partialMatchesNameTheirMissingWord() throws {
        let output = try folio("search", "ashes zebra", "--format", "json")
        #expect(output.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row["missing"] as? String == "zebra")
            #expect(row["fuzzy"] as? Bool == true)
        }
        let table = try folio("search", "ashes zebra", environment: ["NO_COLOR": "1"])
        #expect(table.stdoutLines.contains { $0.hasPrefix("    -zebra ") })
        // Exact rows have no missing field.
        let exact = try folio("search", "ashes", "--format", "json")
        let exactRows = try #require(try JSONSerialization.jsonObject(with: Data(exact.stdout.utf8)) as? [[String: Any]])
        #expect(exactRows.allSatisfy { $0["missing"] == nil })
    }

    @Test func nothingFoundSuggestsTheNearestQuery() throws {
        // Words of 4 letters or more are found by the typo tier already: "did you mean" is for the rest.
        let output = try folio("search", "jck")
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderrLines == ["folio: no matches; did you mean \"jack\"?"])
        // Nothing near: no suggestion.
        #expect(try folio("search", "zzzzqqq").stderr.isEmpty)
    }
}
