/// Choosing the candidates of `ProximityBonus` (Documentation/architecture.md §6): the `count`
/// best of a search's matches, on every key of a query of two words or more.
extension ProximityBonus {
    /// Indices into `scored` of its `count` best (score descending, then document ascending).
    ///
    /// The scores are counted into `buckets` between the lowest and the highest; the highest buckets
    /// that hold `count` give a floor, and only the matches above it are ordered. Two passes over
    /// tens of thousands of matches cost less than keeping a heap of a thousand, whose insertions
    /// come in document order, not score order.
    static func best(_ count: Int, of scored: [QueryEvaluator.Scored]) -> [Int] {
        guard scored.count > count else { return Array(scored.indices) }
        var low = Float.infinity
        var high = -Float.infinity
        for match in scored {
            low = Swift.min(low, match.score)
            high = Swift.max(high, match.score)
        }
        guard high > low, (high - low).isFinite else { return heapBest(count, of: scored) }
        let scale = Float(buckets) / (high - low)
        func bucket(_ score: Float) -> Int { Swift.min(buckets - 1, Swift.max(0, Int((score - low) * scale))) }
        var histogram = [Int](repeating: 0, count: buckets)
        for match in scored { histogram[bucket(match.score)] += 1 }
        var floor = buckets - 1
        var kept = histogram[floor]
        while kept < count && floor > 0 {
            floor -= 1
            kept += histogram[floor]
        }
        var chosen: [Int] = []
        chosen.reserveCapacity(kept)
        for index in scored.indices where bucket(scored[index].score) >= floor { chosen.append(index) }
        // One bucket holding most of the matches (many equal scores): the heap is cheaper than a sort.
        guard chosen.count <= 4 * count else { return heapBest(count, of: scored) }
        chosen.sort {
            scored[$0].score != scored[$1].score ? scored[$0].score > scored[$1].score : scored[$0].document < scored[$1].document
        }
        return Array(chosen.prefix(count))
    }

    static let buckets = 1024

    /// `best` by a heap of the best so far: for a pool of many equal scores, which the buckets cannot split.
    static func heapBest(_ count: Int, of scored: [QueryEvaluator.Scored]) -> [Int] {
        func isBetter(_ x: Int, _ y: Int) -> Bool {
            scored[x].score != scored[y].score ? scored[x].score > scored[y].score : scored[x].document < scored[y].document
        }
        guard scored.count > count else { return Array(scored.indices) }
        // A min-heap of the best so far: its root is the worst kept.
        var heap: [Int] = []
        heap.reserveCapacity(count)
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { return }
                var worst = left
                if left + 1 < heap.count && isBetter(heap[worst], heap[left + 1]) { worst = left + 1 }
                guard isBetter(heap[parent], heap[worst]) else { return }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
        for index in scored.indices {
            if heap.count < count {
                heap.append(index)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard isBetter(heap[parent], heap[child]) else { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            } else if isBetter(index, heap[0]) {
                heap[0] = index
                siftDown(0)
            }
        }
        return heap
    }
}
