import Foundation

/// Order statistics over timing samples: nearest-rank percentiles and medians.
///
/// Medians rather than best-of everywhere: this is a shared, noisy 2-core machine, and a minimum
/// reports the luckiest run rather than what a user would see.
enum Stats {
    /// The nearest-rank percentile `p` (0...100) of `values`; 0 for no values.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        percentile(sorted: values.sorted(), p)
    }

    /// The nearest-rank percentile of already sorted values (the smallest value with at least
    /// p% of the samples at or below it), so p99 of 100 samples is the 99th, not an interpolation.
    static func percentile(sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// The median (the mean of the middle two for an even count); 0 for no values.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Count, p50, p90, p99 and max of one run's latencies, in seconds.
struct LatencySummary: Sendable {
    var count: Int
    var p50: Double
    var p90: Double
    var p99: Double
    var max: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        p50 = Stats.percentile(sorted: sorted, 50)
        p90 = Stats.percentile(sorted: sorted, 90)
        p99 = Stats.percentile(sorted: sorted, 99)
        max = sorted.last ?? 0
    }
}

/// Monotonic elapsed time since creation.
struct Stopwatch {
    private let start = DispatchTime.now().uptimeNanoseconds

    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}

/// CPU time this thread has used since creation: unlike wall time, it does not grow while other
/// processes hold the CPU, so it stays comparable when the shared machine is busy.
struct ThreadCPUStopwatch {
    private let start = Self.now()

    var seconds: Double { Self.now() - start }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
