import Foundation

/// A tmux server of its own (`-L`), running a plain shell in one window of a given size, that a test
/// types into and reads back: the reader tested as a person uses it (Documentation/architecture.md §14).
final class TmuxSession {
    let socket = "folio-e2e-\(UUID().uuidString.prefix(8))"
    private let scratch: URL

    static var isAvailable: Bool { TmuxSession.which("tmux") != nil }

    init(width: Int, height: Int) throws {
        scratch = FileManager.default.temporaryDirectory.appending(path: "folio-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // A bare shell with a fixed prompt, so the screen before and after folio is predictable.
        try tmux([
            "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
            "env", "PS1=$ ", "TERM=tmux-256color", "LANG=C.UTF-8",
            // Index snapshots of throwaway corpora go to this session's scratch folder.
            "XDG_CACHE_HOME=\(scratch.path)/cache", "bash", "--norc", "--noprofile"
        ])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Types literal text (one send-keys per character when `slowly`, like a person typing).
    func type(_ text: String, slowly: Bool = false) throws {
        if slowly {
            for character in text { try tmux(["send-keys", "-l", String(character)]) }
        } else {
            try tmux(["send-keys", "-l", text])
        }
    }

    /// Waits for the shell's prompt, then types `commandLine` and Enter: how every test starts folio.
    func runInShell(_ commandLine: String) throws {
        try waitFor("the shell prompt") { $0.contains("$") }
        try type(commandLine + "\n")
    }

    /// Presses named keys ("Enter", "Escape", "C-c", "PageDown").
    func press(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen as text; with `escapes`, including the SGR sequences for styles.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p"] + (escapes ? ["-e"] : []))
    }

    /// Polls the screen until `condition` holds; on timeout, fails with the last screen in the message.
    @discardableResult
    func waitFor(
        _ description: String, timeout: TimeInterval = 15, escapes: Bool = false, _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(escapes: escapes)
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError.timeout("waiting for \(description); the screen was:\n\(last)")
    }

    /// Runs tmux with its standard streams on files and waits for that client only. Foundation's
    /// `Process.waitUntilExit` never returns here: the tmux server the client forks keeps a
    /// descriptor Foundation waits on (pipes do the same: Documentation/architecture.md §14), so spawn
    /// and waitpid by hand.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = scratch.appending(path: "out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let tmuxPath = Self.which("tmux") ?? "/usr/bin/tmux"
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let status = Self.spawn(
            tmuxPath, ["-u", "-L", socket, "-f", "/dev/null"] + arguments,
            environment: environment, output: output)
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw TmuxError.failed("tmux \(arguments.joined(separator: " ")) exited \(status): \(text)")
        }
        return text
    }

    /// posix_spawn with stdin on /dev/null and stdout+stderr into `output`; returns the exit status.
    static func spawn(_ path: String, _ arguments: [String], environment: [String: String], output: String) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        // Swift Testing's worker threads block signals, and a spawned child inherits the mask: the
        // tmux server and everything in its panes would then never see SIGTERM, SIGINT or Ctrl-Z.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, &attributes, argv, envp) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Runs `body` with a temporary output file path and returns what was written to it.
    static func capture(_ body: (String) -> Int32) -> Data {
        let path = FileManager.default.temporaryDirectory.appending(path: "folio-capture-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = body(path)
        return FileManager.default.contents(atPath: path) ?? Data()
    }

    static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case timeout(String)
    case failed(String)
    var description: String {
        switch self {
        case .timeout(let message), .failed(let message): message
        }
    }
}
