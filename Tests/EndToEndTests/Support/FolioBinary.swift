import Foundation

/// The `folio` executable of this build: next to the test bundle, in whichever build folder ran it.
enum FolioBinary {
    static var url: URL? {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // .build/<triple>/debug/folioPackageTests.xctest (an executable on Linux), or inside a bundle.
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appending(path: "folio"))
            directory = directory.deletingLastPathComponent()
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(repository.appending(path: ".build/debug/folio"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath }
    }
}

/// A path for a throwaway reading-state database, and the removal of it with its WAL files.
enum ThrowawayState {
    static func path() -> String {
        FileManager.default.temporaryDirectory.appending(path: "folio-state-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
