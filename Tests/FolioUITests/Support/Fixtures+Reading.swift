import FolioCore
import Foundation

extension Fixtures {
    /// `Tests/Fixtures/reading`: a Markdown article with every kind of block, and a mail reply with
    /// quotes two deep and a signature (hand-written).
    static let readingFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reading")

    static let reading: EmbeddedEngine = EmbeddedEngine.load(
        documents: ["field-notes.md", "mail-reply.txt"].map { name in
            let bytes = (try? Data(contentsOf: readingFolder.appendingPathComponent(name))).map(Array.init) ?? []
            return CorpusLoader.Document(id: name, folderName: "reading", bytes: bytes)
        },
        name: "reading")
}
