import Foundation
import Testing

@testable import FolioCore

/// The editor hand-off's file and line for an id.
@Suite struct ArticleLocationTests {
    @Test func idsLeadToTheirFileAndLine() throws {
        let folder = try TemporaryDirectory()
        let jsonl = try folder.write("sub/news.jsonl", bytes: Array("{}\n".utf8))
        let text = try folder.write("sub/a.txt", bytes: Array("A\n".utf8))
        let mail = try folder.write("box/cur/1.M1.h:2,S", bytes: Array("Subject: x\n\ny\n".utf8))
        try folder.write("box/new/.keep", bytes: [])
        try folder.write("box/tmp/.keep", bytes: [])
        #expect(ArticleLocation.of(id: "sub/news.jsonl/12", root: folder.path) == ArticleLocation(path: jsonl, line: 12))
        #expect(ArticleLocation.of(id: "sub/a.txt", root: folder.path) == ArticleLocation(path: text))
        #expect(ArticleLocation.of(id: "box/1.M1.h", root: folder.path) == ArticleLocation(path: mail))
        #expect(ArticleLocation.of(id: "sub/news.jsonl/a@b/c", root: folder.path) == ArticleLocation(path: jsonl))
        #expect(ArticleLocation.of(id: "sub/gone.txt", root: folder.path) == nil)
        #expect(ArticleLocation.of(id: "news.jsonl/3", root: jsonl) == ArticleLocation(path: jsonl, line: 3))
    }
}
