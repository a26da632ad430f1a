// FolioStateStress DB_PATH CORPUS_KEY PREFIX COUNT
//
// Marks COUNT articles PREFIX-0 … PREFIX-(COUNT-1) read and bookmarked in the state file, one write
// (one transaction) at a time, then exits 0. On any error it prints one line to stderr and exits 1.
// ReadingStateTests spawns two of these at once on one file: several folio processes (several SSH
// sessions of one user) marking articles at the same moment must not lose any mark.
import Foundation
import ReadingState

/// Prints `message` as one line on stderr and exits 1.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("FolioStateStress: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 5, let count = Int(arguments[4]), count >= 0 else {
    fail("usage: FolioStateStress DB_PATH CORPUS_KEY PREFIX COUNT")
}
let corpus = CorpusKey(arguments[2])
let prefix = arguments[3]
do {
    let store = try ReadingStateStore(path: arguments[1])
    for index in 0..<count {
        try store.setRead(true, corpus: corpus, id: "\(prefix)-\(index)")
        try store.setBookmarked(true, corpus: corpus, id: "\(prefix)-\(index)")
    }
} catch {
    fail(error.description)
}
