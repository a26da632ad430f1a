import Foundation

/// `xapian-tcpsrv` over one database on 127.0.0.1, in a process group of its own so that stopping
/// it stops the children it forks per connection too; `stop` (or deinit) leaves no process behind.
final class TCPServer {
    static let program = ["/usr/bin/xapian-tcpsrv", "/usr/local/bin/xapian-tcpsrv"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    let port: UInt16
    let database: String
    private var pid: pid_t = 0

    /// Starts a server on `port` (a free one when nil) and waits until it accepts connections.
    init(database: String, port: UInt16? = nil) throws {
        self.database = database
        self.port = try port ?? Self.freePort()
        try start()
    }

    deinit { stop() }

    var stubLine: String { "remote tcp 127.0.0.1 \(port)" }

    func start() throws {
        guard let program = Self.program else { throw ServerError("xapian-tcpsrv is not installed") }
        let arguments = [program, "--port", "\(port)", "--interface", "127.0.0.1", "--quiet", database]
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes: posix_spawnattr_t = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, program, &actions, &attributes, argv, environ)
        guard status == 0 else { throw ServerError("could not start xapian-tcpsrv: \(status)") }
        pid = child
        for _ in 0..<200 {
            if Self.accepts(port) { return }
            usleep(25_000)
        }
        stop()
        throw ServerError("xapian-tcpsrv did not listen on \(port)")
    }

    /// Kills the server and every child it forked, and reaps it.
    func stop() {
        guard pid > 0 else { return }
        kill(-pid, SIGCONT)
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        pid = 0
        // The forked children are reparented; give them a moment to die of the signal.
        for _ in 0..<40 where Self.accepts(port) { usleep(25_000) }
    }

    /// Freezes the server (a host that accepts connections and never answers) or thaws it.
    func freeze(_ frozen: Bool) {
        guard pid > 0 else { return }
        kill(-pid, frozen ? SIGSTOP : SIGCONT)
    }

    /// A port nothing listens on right now (bound to port 0 and released).
    static func freePort() throws -> UInt16 {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ServerError("no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw ServerError("no free port") }
        return UInt16(bigEndian: address.sin_port)
    }

    static func accepts(_ port: UInt16) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
