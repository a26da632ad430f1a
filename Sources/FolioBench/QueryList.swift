import Foundation

/// The benchmark's queries: one a line in a text file; blank lines are ignored.
enum QueryList {
    /// The default list, `Benchmarks/queries.txt`, looked for in the working directory (where
    /// `swift run` starts) and then beside this source file, so it is found from anywhere in a checkout.
    static func defaultPath() -> String? {
        let candidates = [
            FileManager.default.currentDirectoryPath + "/Benchmarks/queries.txt",
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Benchmarks/queries.txt").path
        ]
        return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    static func load(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
