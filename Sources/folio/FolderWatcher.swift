import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Watches the corpus folder while the reader runs (Documentation/architecture.md §4): inotify on
/// every folder under the root, on a thread of its own. A burst of changes (an editor's save, a
/// `git pull`, a copy of many files) becomes one reload once it has been quiet for `quietPeriod`.
/// Where inotify cannot watch every folder (`fs.inotify.max_user_watches` used up, more folders
/// than `watchLimit`, no inotify) it falls back to asking for a reload every `fallbackPeriod`;
/// the reload itself stats the folder and reads it again only when it changed.
final class FolderWatcher: Sendable {
    /// How long the folder must be quiet after a change before a reload is asked for.
    static let quietPeriod: Duration = .milliseconds(300)
    /// The reload period when the folder cannot be watched.
    static let fallbackPeriod: Duration = .seconds(60)
    /// At most this many watched folders, whatever the system allows: each takes kernel memory.
    static let watchLimit = 8_192

    private static let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE)

    private struct Shared {
        var isChanged = false
        var isStopped = false
        var isPolling = false
    }

    private let shared = Mutex(Shared())

    init(root: String) {
        let thread = Thread { [self] in watch(root) }
        thread.name = "folio.watch"
        thread.qualityOfService = .utility
        thread.start()
    }

    /// True once after a change (or each fallback period): the run loop then reloads.
    func takeChange() -> Bool {
        shared.withLock { shared in
            defer { shared.isChanged = false }
            return shared.isChanged
        }
    }

    /// Whether the folder is re-checked periodically instead of watched.
    var isPolling: Bool { shared.withLock { $0.isPolling } }

    /// Ends the thread (within its poll interval).
    func stop() { shared.withLock { $0.isStopped = true } }

    private var isStopped: Bool { shared.withLock { $0.isStopped } }

    private func watch(_ root: String) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return poll() }
        defer { close(descriptor) }
        var watches = WatchTable(descriptor: descriptor)
        guard watches.addTree(root) else { return poll() }
        var lastChange: ContinuousClock.Instant?
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            if Glibc.poll(&request, 1, 100) > 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    lastChange = .now
                    guard watches.apply(buffer[0..<count]) else { return poll() }
                }
            }
            if let changed = lastChange, changed.duration(to: .now) >= Self.quietPeriod {
                lastChange = nil
                shared.withLock { $0.isChanged = true }
            }
        }
    }

    /// The fallback: a reload every `fallbackPeriod`.
    private func poll() {
        shared.withLock { $0.isPolling = true }
        var last = ContinuousClock.now
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.25)
            guard last.duration(to: .now) >= Self.fallbackPeriod else { continue }
            last = .now
            shared.withLock { $0.isChanged = true }
        }
    }

    /// The watched folders by watch descriptor, so a folder created later is watched too.
    private struct WatchTable {
        let descriptor: Int32
        var paths: [Int32: String] = [:]

        /// Watches `folder` and every folder under it (not following links; hidden folders such as
        /// `.git` are left out: the corpus skips them too). False when a watch could not be added.
        mutating func addTree(_ folder: String) -> Bool {
            var pending = [folder]
            while let current = pending.popLast() {
                guard paths.count < FolderWatcher.watchLimit else { return false }
                let watch = inotify_add_watch(descriptor, current, FolderWatcher.events | UInt32(IN_ONLYDIR))
                if watch < 0 {
                    // Gone or unreadable meanwhile: nothing to watch there. Out of watches: fall back.
                    if errno == ENOSPC || errno == ENOMEM { return false }
                    continue
                }
                paths[watch] = current
                pending += Self.subfolders(of: current)
            }
            return true
        }

        /// Follows a batch of events: new folders are watched. False on a queue overflow (events
        /// were lost) or when a new folder cannot be watched.
        mutating func apply(_ bytes: ArraySlice<UInt8>) -> Bool {
            var offset = bytes.startIndex
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= bytes.endIndex {
                let event = bytes[offset..<(offset + header)].withUnsafeBytes { $0.loadUnaligned(as: inotify_event.self) }
                let nameBytes = bytes[(offset + header)..<min(bytes.endIndex, offset + header + Int(event.len))]
                offset += header + Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { return false }
                if event.mask & UInt32(IN_IGNORED) != 0 { paths[event.wd] = nil }
                let isNewFolder = event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
                guard isNewFolder, let parent = paths[event.wd] else { continue }
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                guard !name.isEmpty, !name.hasPrefix(".") else { continue }
                if !addTree(parent + "/" + name) { return false }
            }
            return true
        }

        private static func subfolders(of folder: String) -> [String] {
            guard let directory = opendir(folder) else { return [] }
            defer { closedir(directory) }
            var folders: [String] = []
            while let entry = readdir(directory) {
                guard entry.pointee.d_type == UInt8(DT_DIR) else { continue }
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                folders.append(folder + "/" + name)
            }
            return folders
        }
    }
}
