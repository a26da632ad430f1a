import Foundation
import ReadingState
import Testing

/// Several folio processes (several SSH sessions of one user) write one state file at once.
/// Serialized: the timings mean something only when these processes have the machine's cores.
@Suite(.serialized)
struct MultiProcessTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// Two processes each mark 1,000 different articles at the same time, on a file neither has
    /// created yet: all 2,000 marks are there afterwards.
    @Test(.timeLimit(.minutes(1)))
    func twoProcessesMarkingAtOnceLoseNothing() throws {
        let tool = try #require(ChildProcess.stressTool, "FolioStateStress not found next to the test runner")
        let path = folder.file("shared/state.sqlite")
        let corpus = "/shared/articles"
        let started = Date()
        let children = try ["first", "second"].map { prefix in
            try ChildProcess(tool, [path, corpus, prefix, "1000"], outputPath: folder.file("\(prefix).out"))
        }
        let results = children.map { $0.wait() }
        let elapsed = Date().timeIntervalSince(started)
        for result in results {
            #expect(result.status == 0, "FolioStateStress failed: \(result.output)")
        }
        #expect(elapsed < 20, "two processes took \(elapsed) s")

        let states = try ReadingStateStore(path: path).states(corpus: CorpusKey(corpus))
        #expect(states.count == 2_000)
        #expect(states.values.allSatisfy { $0 == ArticleState(isRead: true, isBookmarked: true) })
        for prefix in ["first", "second"] {
            #expect((0..<1_000).allSatisfy { states["\(prefix)-\($0)"] != nil })
        }
    }

    /// Several processes opening one new file at the same moment all get the schema. Without the
    /// retries in `openPool` and `StateSchema.migrate`, some failed with "database is locked"
    /// (the switch to WAL) or "table article already exists" (a second run of "v1").
    @Test(.timeLimit(.minutes(1)))
    func processesCreatingOneFileAtOnceAllSucceed() throws {
        let tool = try #require(ChildProcess.stressTool)
        for round in 0..<10 {
            let path = folder.file("round-\(round)/state.sqlite")
            let children = try (0..<4).map { index in
                try ChildProcess(tool, [path, "/c", "p\(index)", "3"], outputPath: folder.file("\(round)-\(index).out"))
            }
            for result in children.map({ $0.wait() }) {
                #expect(result.status == 0, "FolioStateStress failed: \(result.output)")
            }
            #expect(try ReadingStateStore(path: path).states(corpus: CorpusKey("/c")).count == 12)
        }
    }

    /// A user without write permission on someone else's state file (the real read-only case,
    /// which root cannot reproduce with file modes) gets one line and exit status 1, not a crash.
    @Test(.enabled(if: getuid() == 0 && ChildProcess.which("setpriv") != nil, "runs the tool as nobody"))
    func userWithoutWritePermissionGetsOneLine() throws {
        let setpriv = try #require(ChildProcess.which("setpriv"))
        let tool = try #require(ChildProcess.stressTool)
        let path = folder.file("state.sqlite")
        try ReadingStateStore(path: path).setRead(true, corpus: CorpusKey("/c"), id: "kept")
        // nobody may enter the folder and read the file, but not write either.
        chmod(folder.path, 0o755)

        let child = try ChildProcess(
            setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", tool, path, "/c", "nobody", "3"],
            outputPath: folder.file("nobody.out"))
        let result = child.wait()
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.output.hasPrefix("FolioStateStress: state "), "\(result.output)")
        #expect(result.output.contains("readonly database"), "\(result.output)")
        #expect(try ReadingStateStore(path: path).states(corpus: CorpusKey("/c")).keys.sorted() == ["kept"])
    }
}
