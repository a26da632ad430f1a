import Foundation

@testable import FolioCore

/// The BBC News dataset beside the repository (`../shared/corpus/bbc-fulltext/`), when it is there.
enum BBCCorpus {
    /// Resolved from this file's path: Tests/FolioCoreTests/Support/ → the repository root → ../shared.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/bbc-fulltext").standardizedFileURL

    static var isPresent: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent("business").path, isDirectory: &isFolder)
            && isFolder.boolValue
    }

    /// Loaded and indexed once for every test that uses it.
    static let store: Result<EmbeddedEngine, CorpusError> = Result { () throws(CorpusError) in
        try EmbeddedEngine.load(path: root.path)
    }
}
