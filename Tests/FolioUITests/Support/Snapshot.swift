import Foundation
import TerminalCore
import Testing

/// Screen snapshots as text files (Documentation/architecture.md §14): the rows between `|…|` so trailing blanks show,
/// then each row's styles as runs of `Style.code`.
///
/// Set `SNAPSHOT_RECORD=1` to write the files again. Recording (or a missing file) fails the test,
/// so a snapshot is never accepted without someone looking at it.
enum Snapshot {
    /// The text form of a grid, as stored in `__Snapshots__/<name>.txt`.
    static func text(of grid: ScreenGrid) -> String {
        var lines = ["\(grid.width)x\(grid.height)"]
        for row in 0..<grid.height { lines.append("|" + grid.text(ofRow: row) + "|") }
        lines.append("styles")
        for row in 0..<grid.height { lines.append(String(format: "%2d ", row) + styleRuns(of: grid, row: row)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "R*3 BR*10 .*67": each run of cells with one style, as `code*count`.
    static func styleRuns(of grid: ScreenGrid, row: Int) -> String {
        var runs: [(code: String, count: Int)] = []
        for column in 0..<grid.width {
            let code = grid[row, column].style.code
            if let last = runs.last, last.code == code {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((code, 1))
            }
        }
        return runs.map { "\($0.code)*\($0.count)" }.joined(separator: " ")
    }

    /// Compares `grid` with the stored snapshot `name`, recording it when asked or missing.
    static func expect(
        _ grid: ScreenGrid, named name: String, filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        let file = folder.appendingPathComponent("\(name).txt")
        let actual = text(of: grid)
        let isRecording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"].map { !$0.isEmpty && $0 != "0" } ?? false
        let stored = try? String(contentsOf: file, encoding: .utf8)
        if isRecording || stored == nil {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
                Issue.record(
                    "\(stored == nil ? "No snapshot: recorded" : "Recorded") \(file.path); check it, then run again without SNAPSHOT_RECORD",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not record \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let stored, stored != actual else { return }
        Issue.record(
            "Snapshot \(name) differs (re-record with SNAPSHOT_RECORD=1 if the change is intended):\n\(diff(stored, actual))",
            sourceLocation: sourceLocation)
    }

    /// The differing lines, stored then actual.
    static func diff(_ stored: String, _ actual: String) -> String {
        let old = stored.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? String(old[index]) : "<none>"
            let b = index < new.count ? String(new[index]) : "<none>"
            if a != b { lines.append("line \(index + 1):\n  stored: \(a)\n  actual: \(b)") }
        }
        return lines.joined(separator: "\n")
    }
}
