import Foundation

/// Runs a program in the foreground of the terminal and waits for it, the way `system()` does:
/// folio ignores SIGINT and SIGQUIT meanwhile (Ctrl-C belongs to the pager, not to folio) and the
/// child gets the default actions back. Not Foundation.Process: it needs neither pipes nor a run loop.
enum ChildProcess {
    /// Runs `/bin/sh -c script name arguments…`; stdin from `standardInput` (a file) when given.
    /// Returns the exit status (128 + signal when it was killed), or nil when it could not start.
    static func runShell(_ script: String, arguments: [String] = [], standardInput: String? = nil) -> Int32? {
        run(["/bin/sh", "-c", script] + arguments, standardInput: standardInput)
    }

    /// Runs `command[0]` (looked up in PATH when it has no slash) with the rest as its arguments,
    /// with no shell between: an argument (a link's address) is never read as shell syntax.
    static func run(_ command: [String], standardInput: String? = nil) -> Int32? {
        guard let program = command.first else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let standardInput { posix_spawn_file_actions_addopen(&actions, 0, standardInput, O_RDONLY, 0) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        var oldInterrupt = sigaction()
        var oldQuit = sigaction()
        sigaction(SIGINT, &ignore, &oldInterrupt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        defer {
            sigaction(SIGINT, &oldInterrupt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
        }

        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in environment { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, program, &actions, &attributes, argv, environment) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return nil }
        }
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
