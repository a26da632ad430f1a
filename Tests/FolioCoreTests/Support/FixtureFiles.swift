import Foundation

@testable import FolioCore

/// The hand-written pages and messages in `Tests/FolioCoreTests/Fixtures` (HTML, MIME mail).
enum FixtureFiles {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appending(path: name)))
    }

    /// The file loaded as the loader loads it, its id the file's name.
    static func article(_ name: String, folder: String = "fixture") throws -> Article? {
        let id = String(name.split(separator: "/").last ?? Substring(name))
        return Fixture.article(bytes: try bytes(name), id: id, folder: folder)
    }
}
