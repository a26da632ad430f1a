import Testing

@testable import FolioCore

/// Front-matter `tags` in their YAML forms (architecture.md §10: shown under the metadata).
@Suite struct FrontMatterTagsTests {
    static func tags(_ frontMatter: String) -> [String] {
        ArticleParser.parse(id: "a.md", folderName: "f", text: "---\ntitle: T\n\(frontMatter)---\nBody.\n").tags
    }

    @Test func flowBlockAndCommaLists() {
        #expect(Self.tags("tags: [rivers, 'survey', \"field notes\"]\n") == ["rivers", "survey", "field notes"])
        #expect(Self.tags("tags:\n  - rivers\n  - survey\nauthor: A\n") == ["rivers", "survey"])
        #expect(Self.tags("keywords: rivers, survey\n") == ["rivers", "survey"])
        #expect(Self.tags("tags: rivers\n") == ["rivers"])
    }

    @Test func noTagsAndEmptyLists() {
        #expect(Self.tags("").isEmpty)
        #expect(Self.tags("tags: []\n").isEmpty)
        // A list under another key is not tags.
        #expect(Self.tags("authors:\n  - A\n  - B\n").isEmpty)
    }

    @Test func tagsAreCapped() {
        let many = (0..<100).map { "t\($0)" }.joined(separator: ", ")
        #expect(Self.tags("tags: [\(many)]\n").count == FrontMatter.maximumTags)
        #expect(Self.tags("tags: [\(String(repeating: "x", count: 500))]\n").first?.count == FrontMatter.maximumTagLength)
    }

    @Test func theRestOfTheFrontMatterStillCounts() {
        let article = ArticleParser.parse(
            id: "a.md", folderName: "f", text: "---\ntags:\n  - a\ntitle: The title\ndate: 2024-01-02\n---\nBody.\n")
        #expect(article.title == "The title" && article.tags == ["a"] && article.date != nil)
    }
}
