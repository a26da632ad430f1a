import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Carries curses' output to the terminal from a thread of its own, so that a terminal slow to take
/// it (an SSH visitor on a 2 KB/s link) never stops the run loop from reading keys.
///
/// ncurses writes each frame with blocking write(2) calls on its output descriptor and cannot be
/// given another writer. The pump points that descriptor (folio's own duplicate of stdout) at a
/// pipe, empties the pipe into memory as soon as bytes arrive, and passes them on as the terminal
/// takes them, through a non-blocking open of the terminal of its own. The run loop draws a new
/// frame only when `isBusy` is false: frames made while the last one is still going out are
/// never sent, only the latest state is, and the memory held is about one frame's output.
///
/// ncurses also sets terminal modes through that descriptor, which a pipe refuses: `bypass` points
/// it back at the terminal before endwin (quitting, suspending, running another program) and
/// `resume` at the pipe again after.
final class OutputPump: @unchecked Sendable {
    /// The descriptor curses writes to, and the terminal it was (blocking, as curses knew it).
    private let descriptor: Int32
    private let terminal: Int32
    /// The terminal itself, for what must reach it when the pump's thread cannot (a crash).
    var terminalDescriptor: Int32 { terminal }
    /// A non-blocking open of the same terminal: a description of its own, so stdin, stdout and
    /// the shell's descriptors stay blocking.
    private let writer: Int32
    private let pipeRead: Int32
    private let pipeWrite: Int32
    /// The run loop's commands to the thread: `discard`, or anything else (or closing) to stop.
    private let controlRead: Int32
    private let controlWrite: Int32
    /// Bytes taken from the pipe and not yet written; the pipe is read under this lock, so that
    /// `isBusy` never sees bytes neither in the pipe nor counted.
    private let pending = Mutex<Int>(0)
    private var thread = pthread_t()
    private(set) var isBypassed = false

    private static let discardCommand: UInt8 = 0x64
    private static let chunkSize = 1 << 16

    /// Starts pumping for `descriptor`; nil when it is no terminal or the terminal cannot be opened
    /// again (then curses writes to it directly, as before).
    init?(descriptor: Int32) {
        guard isatty(descriptor) == 1, let path = ttyname(descriptor) else { return nil }
        var data: [Int32] = [-1, -1]
        var control: [Int32] = [-1, -1]
        let writer = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        let terminal = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard writer >= 0, terminal >= 0, Self.makePipe(&data), Self.makePipe(&control) else {
            for opened in [writer, terminal] + data + control where opened >= 0 { close(opened) }
            return nil
        }
        _ = fcntl(data[0], F_SETFL, O_NONBLOCK)
        self.descriptor = descriptor
        self.terminal = terminal
        self.writer = writer
        (pipeRead, pipeWrite) = (data[0], data[1])
        (controlRead, controlWrite) = (control[0], control[1])
        guard startThread() else {
            for opened in [writer, terminal] + data + control { close(opened) }
            return nil
        }
        dup2(pipeWrite, descriptor)
    }

    /// Whether output of the last frame has not all reached the terminal yet.
    var isBusy: Bool {
        pending.withLock { count in
            var waiting: Int32 = 0
            return count > 0 || (ioctl(pipeRead, UInt(FIONREAD), &waiting) == 0 && waiting > 0)
        }
    }

    /// Points curses' descriptor back at the terminal, after waiting up to `milliseconds` for the
    /// output still on its way; what a slow terminal has not taken by then is dropped (the screen
    /// is about to be left or repainted whole).
    func bypass(waitingMilliseconds milliseconds: Int) {
        guard !isBypassed else { return }
        if !drain(milliseconds: milliseconds) { discard() }
        dup2(terminal, descriptor)
        isBypassed = true
    }

    /// Points curses' descriptor at the pump again.
    func resume() {
        guard isBypassed else { return }
        dup2(pipeWrite, descriptor)
        isBypassed = false
    }

    /// Ends the thread (dropping what it still holds) and leaves curses' descriptor on the terminal.
    func stop() {
        bypass(waitingMilliseconds: 0)
        var stop: UInt8 = 0x73
        _ = write(controlWrite, &stop, 1)
        pthread_join(thread, nil)
        for opened in [writer, terminal, pipeRead, pipeWrite, controlRead, controlWrite] { close(opened) }
    }

    /// Waits until all output has gone out, at most `milliseconds`; whether it has.
    @discardableResult
    func drain(milliseconds: Int) -> Bool {
        var waited = 0
        while isBusy {
            guard waited < milliseconds else { return false }
            usleep(1_000)
            waited += 1
        }
        return true
    }

    /// Drops the output still in the pipe and in the thread's hands.
    private func discard() {
        var command = Self.discardCommand
        _ = write(controlWrite, &command, 1)
        drain(milliseconds: 1_000)
    }

    /// A pipe whose ends close on exec (no program folio starts holds on to them).
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private func startThread() -> Bool {
        let context = Unmanaged.passRetained(self).toOpaque()
        // Signals stay with the run loop's thread, where they cut its waits short.
        var all = sigset_t()
        var previous = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, &previous)
        let created = pthread_create(
            &thread, nil,
            { context in
                Unmanaged<OutputPump>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, context)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        if created != 0 { Unmanaged<OutputPump>.fromOpaque(context).release() }
        return created == 0
    }

    /// The thread: read the pipe whenever it has bytes, write them whenever the terminal takes them.
    private func run() {
        var buffer: [UInt8] = []
        var start = 0
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        var terminalGone = false
        while true {
            var fds = [
                pollfd(fd: controlRead, events: Int16(POLLIN), revents: 0),
                pollfd(fd: pipeRead, events: Int16(POLLIN), revents: 0),
                pollfd(fd: terminalGone ? -1 : writer, events: start < buffer.count ? Int16(POLLOUT) : 0, revents: 0)
            ]
            guard poll(&fds, 3, -1) >= 0 || errno == EINTR else { return }
            if fds[0].revents != 0 {
                var command: UInt8 = 0
                guard read(controlRead, &command, 1) == 1, command == Self.discardCommand else { return }
                pending.withLock { count in
                    while read(pipeRead, &chunk, chunk.count) > 0 {}
                    count = 0
                }
                buffer = []
                start = 0
                continue
            }
            if fds[1].revents != 0 {
                let count = pending.withLock { count -> Int in
                    let got = read(pipeRead, &chunk, chunk.count)
                    if got > 0 && !terminalGone { count += got }
                    return got
                }
                if count == 0 { return }  // every writer is closed
                if count > 0 && !terminalGone { buffer.append(contentsOf: chunk[0..<count]) }
            }
            let writable = fds[2].revents
            if writable & Int16(POLLOUT) != 0 && start < buffer.count {
                let written = buffer[start...].withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
                if written > 0 {
                    start += written
                    pending.withLock { $0 -= written }
                } else if written < 0 && errno != EAGAIN && errno != EINTR {
                    terminalGone = true
                }
            } else if writable & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                terminalGone = true
            }
            if terminalGone && start < buffer.count {
                pending.withLock { $0 = 0 }
                start = buffer.count
            }
            if start == buffer.count && start > 0 {
                // A frame has gone out: keep the memory of an ordinary one, not of a huge one.
                buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
                start = 0
            }
        }
    }
}
