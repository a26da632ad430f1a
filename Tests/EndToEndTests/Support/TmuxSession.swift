import Foundation

/// A tmux server of its own (`-L`), running a plain shell in one window of a given size, that a test
/// types into and reads back: the reader tested as a person uses it (DESIGN.md §7).
final class TmuxSession {
    let socket = "folio-e2e-\(UUID().uuidString.prefix(8))"
    private let scratch: URL

    static var isAvailable: Bool { TmuxSession.which("tmux") != nil }

    init(width: Int, height: Int) throws {
        scratch = FileManager.default.temporaryDirectory.appending(path: "folio-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // A bare shell with a fixed prompt, so the screen before and after folio is predictable.
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                  "env", "PS1=$ ", "TERM=tmux-256color", "LANG=C.UTF-8", "bash", "--norc", "--noprofile"])
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

    /// Runs tmux with its standard streams on files, never pipes: the tmux server inherits the
    /// client's descriptors, and a pipe it holds open would hang the test (DESIGN.md §7).
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = scratch.appending(path: "out-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.which("tmux") ?? "/usr/bin/tmux")
        process.arguments = ["-u", "-L", socket, "-f", "/dev/null"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw TmuxError.failed("tmux \(arguments.joined(separator: " ")): \(text)")
        }
        return text
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
