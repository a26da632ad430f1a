import Foundation
import Synchronization

/// "folio: reading 43,000 of 100,000 files" on the terminal while a corpus with no snapshot is read
/// (seconds for a large one), before the reader takes the screen; cleared when it is done.
/// Written to stderr, only when stderr is a terminal, at most ten times a second.
final class LoadProgressLine: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lastWrite = Mutex<(time: UInt64, shown: Bool)>((0, false))
    /// "reading … files", or another stage ("writing … articles", `folio index`).
    private let verb: String
    private let unit: String

    init(verb: String = "reading", unit: String = "files") {
        self.verb = verb
        self.unit = unit
    }

    var update: @Sendable (Int, Int) -> Void {
        { [self] done, total in show(done, of: total) }
    }

    private func show(_ done: Int, of total: Int) {
        guard isTerminal else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        lastWrite.withLock { last in
            guard now - last.time > 100_000_000 else { return }
            last = (now, true)
            let line = "\rfolio: \(verb) \(done.formatted()) of \(total.formatted()) \(unit)"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Clears the line (spaces over it, then back to its start) if anything was shown.
    func finish() {
        lastWrite.withLock { last in
            guard last.shown else { return }
            FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 60) + "\r").utf8))
            last.shown = false
        }
    }
}
