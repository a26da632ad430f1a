import Foundation

/// This process's resident memory, read from `/proc/self/status` (Linux).
enum ProcessMemory {
    /// Peak resident set size (VmHWM) in bytes, or nil where /proc is not available.
    static var peakResidentBytes: Int? { field("VmHWM:") }

    /// Current resident set size (VmRSS) in bytes.
    static var residentBytes: Int? { field("VmRSS:") }

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
