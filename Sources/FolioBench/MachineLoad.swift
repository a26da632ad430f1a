import Foundation

/// How busy the machine was, printed with the results: on a shared 2-core machine a load average
/// above the core count means other work competed for the CPU and the wall times are inflated.
enum MachineLoad {
    /// "1.23 (2 cores)" from the 1-minute load average in /proc/loadavg, or nil without /proc.
    static func summary() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
            let oneMinute = text.split(separator: " ").first
        else { return nil }
        return "\(oneMinute) (\(ProcessInfo.processInfo.activeProcessorCount) cores)"
    }
}
