extension Parallel {
    /// The indices 0..<count sorted by `areInIncreasingOrder`, on all cores: each core sorts a part,
    /// then the parts are merged. Made for a strict total order (ties broken by id), where any sort
    /// gives the one same result; `areInIncreasingOrder` is called from several threads at once.
    static func sortedIndices(_ count: Int, by areInIncreasingOrder: (Int, Int) -> Bool) -> [Int] {
        let parts = count < 4096 ? 1 : workerCount
        let ranges = ranges(count, parts: parts)
        var runs = map(ranges.count) { part in Array(ranges[part]).sorted(by: areInIncreasingOrder) }
        while runs.count > 1 {
            let pairs = (runs.count + 1) / 2
            runs = map(pairs) { pair in
                pair * 2 + 1 < runs.count
                    ? merged(runs[pair * 2], runs[pair * 2 + 1], by: areInIncreasingOrder) : runs[pair * 2]
            }
        }
        return runs.first ?? []
    }

    /// Two sorted runs as one (the first run's element first on a tie).
    static func merged(_ a: [Int], _ b: [Int], by areInIncreasingOrder: (Int, Int) -> Bool) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if areInIncreasingOrder(b[j], a[i]) {
                result.append(b[j])
                j += 1
            } else {
                result.append(a[i])
                i += 1
            }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }
}
