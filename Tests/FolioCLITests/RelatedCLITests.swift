import Testing

/// `folio search --related ID`: the articles most like one article, ranked, itself left out.
@Suite struct RelatedCLITests {
    @Test func theOtherArticlesAreListedAndTheArticleItselfIsNot() throws {
        let id = FolioCLITests.ids[0]
        let output = try FolioProcess.run(["search", "--related", id, "--format", "tsv"])
        #expect(output.status == 0, "\(output.stderr)")
        let ids = output.stdoutLines.map { String($0.prefix { $0 != "\t" }) }
        #expect(!ids.isEmpty && !ids.contains(id))
        #expect(Set(ids).isSubset(of: Set(FolioCLITests.ids)))
        let one = try FolioProcess.run(["search", "--related", id, "--limit", "1", "--format", "tsv"])
        #expect(one.stdoutLines == Array(output.stdoutLines.prefix(1)))
    }

    @Test func anUnknownIDOrAQueryBesideItIsAUsageError() throws {
        let unknown = try FolioProcess.run(["search", "--related", "nope.txt"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no article with id nope.txt"))
        let both = try FolioProcess.run(["search", "--related", FolioCLITests.ids[0], "ashes", "/tmp"])
        #expect(both.status == 2)
        let neither = try FolioProcess.run(["search"])
        #expect(neither.status == 2)
    }
}
