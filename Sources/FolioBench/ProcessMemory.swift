import Foundation

/// This process's resident memory, read from `/proc/self/status` (Linux).
enum ProcessMemory {
    /// Peak resident set size (VmHWM) in bytes, or nil where /proc is not available.
    static var peakResidentBytes: Int? { field("VmHWM:") }

    /// Current resident set size (VmRSS) in bytes.
    static var residentBytes: Int? { field("VmRSS:") }

    /// Sets VmHWM back to the current VmRSS (Linux ≥ 4.0, `clear_refs` value 5), so the next
    /// `peakResidentBytes` is the peak of what runs in between: the index build alone, after loading.
    /// False where that is not possible.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// CPU seconds (user + system) of every thread of this process so far.
    static var cpuSeconds: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Reads a line such as "VmHWM:\t  123456 kB" (a tab, then spaces, before the number).
    private static func field(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let number = line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first
            return number.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }
}
