extension Array {
    /// Puts the element at `order[i]` at position i, moving each element once, in place: a million
    /// articles put into id order without a second array of them (architecture.md §5).
    /// `order` must be a permutation of the indices.
    mutating func reorder(by order: [Int]) {
        precondition(order.count == count, "reorder: the order has \(order.count) places for \(count) elements")
        var placed = [Bool](repeating: false, count: count)
        withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in 0..<buffer.count where !placed[start] {
                guard order[start] != start else {
                    placed[start] = true
                    continue
                }
                // Walk the cycle through `start`: each place takes the element it wants, the last the first.
                let first = (base + start).move()
                var place = start
                while true {
                    placed[place] = true
                    let source = order[place]
                    precondition(source == start || !placed[source], "reorder: the order is not a permutation")
                    if source == start {
                        (base + place).initialize(to: first)
                        break
                    }
                    (base + place).moveInitialize(from: base + source, count: 1)
                    place = source
                }
            }
        }
    }
}
