import Foundation

/// Number formats shared by every section, so the same quantity always reads the same way.
enum Format {
    /// Milliseconds with three decimals: per-keystroke latencies are often well under 1 ms.
    static func ms(_ seconds: Double) -> String { String(format: "%.3f", seconds * 1000) }

    /// Milliseconds with one decimal, for builds that take tens to thousands of ms.
    static func buildMs(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }

    static func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }

    static func mibPerSecond(_ bytes: Int, _ seconds: Double) -> String {
        seconds > 0 ? String(format: "%.1f MiB/s", Double(bytes) / 1_048_576 / seconds) : "-"
    }

    /// An integer with thousands separators (1,779), independent of the locale.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// folio ÷ FTS5: below 1 means folio is faster or smaller.
    static func ratio(_ folio: Double, _ fts: Double) -> String {
        fts > 0 ? String(format: "%.2f", folio / fts) : "-"
    }

    static func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }

    static func percent(_ fraction: Double) -> String { String(format: "%.0f%%", fraction * 100) }
}
