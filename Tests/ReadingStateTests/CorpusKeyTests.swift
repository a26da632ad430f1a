import Foundation
import Testing

@testable import ReadingState

/// Corpus keys and the default state path.
struct CorpusKeyTests {
    @Test func folderKeysResolveLinksAndDots() throws {
        let folder = try TemporaryFolder()
        let articles = folder.file("articles")
        try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
        let link = folder.file("link")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: articles)
        let canonical = CorpusKey.folder(articles)
        #expect(CorpusKey.folder(articles + "/") == canonical)
        #expect(CorpusKey.folder(folder.file("articles/../articles/.")) == canonical)
        #expect(CorpusKey.folder(link) == canonical)
        #expect(canonical.value.hasPrefix("/"))
    }

    @Test func missingFolderIsMadeAbsoluteAndStandardised() {
        #expect(CorpusKey.folder("/no/such/./folder/../corpus").value == "/no/such/corpus")
        let relative = CorpusKey.folder("no-such-folder-\(UUID().uuidString)")
        #expect(relative.value.hasPrefix("/"))
    }

    @Test func builtinKeyIsNamed() {
        #expect(CorpusKey.builtin("articles") == CorpusKey("builtin:articles"))
        #expect(CorpusKey.builtin("articles").description == "builtin:articles")
    }

    @Test func defaultPathHonoursXDGStateHome() {
        let path = ReadingStateStore.defaultPath(environment: ["XDG_STATE_HOME": "/xdg/state", "HOME": "/home/r"])
        #expect(path == "/xdg/state/folio/state.sqlite")
    }

    @Test func defaultPathFallsBackToHome() {
        #expect(
            ReadingStateStore.defaultPath(environment: ["HOME": "/home/r"])
                == "/home/r/.local/state/folio/state.sqlite")
        // The XDG specification: an empty or relative XDG_STATE_HOME is ignored.
        #expect(
            ReadingStateStore.defaultPath(environment: ["XDG_STATE_HOME": "", "HOME": "/home/r"])
                == "/home/r/.local/state/folio/state.sqlite")
        #expect(
            ReadingStateStore.defaultPath(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/r"])
                == "/home/r/.local/state/folio/state.sqlite")
    }

    @Test func defaultPathWithoutHomeIsStillAbsolute() {
        #expect(ReadingStateStore.defaultPath(environment: [:]).hasPrefix("/"))
    }
}
