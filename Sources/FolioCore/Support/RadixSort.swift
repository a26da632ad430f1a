/// A stable least-significant-digit radix sort of 64-bit keys carrying a 32-bit payload: 11 bits a
/// pass, and a pass skipped when every key has the same digit there (high bits often are). For
/// result lists of 100,000s of matches this is several times faster than a comparison sort.
enum RadixSort {
    static func sort(keys: inout [UInt64], payloads: inout [UInt32]) {
        precondition(keys.count == payloads.count)
        let count = keys.count
        guard count > 1 else { return }
        if count < 256 {
            // Small lists: the comparison sort wins, and is stable too.
            let order = (0..<count).sorted { keys[$0] < keys[$1] }
            keys = order.map { keys[$0] }
            payloads = order.map { payloads[$0] }
            return
        }
        var otherKeys = [UInt64](repeating: 0, count: count)
        var otherPayloads = [UInt32](repeating: 0, count: count)
        let bits = 11, buckets = 1 << 11, mask = UInt64(buckets - 1)
        var counts = [Int](repeating: 0, count: buckets)
        var shift: UInt64 = 0
        while shift < 64 {
            for index in 0..<buckets { counts[index] = 0 }
            keys.withUnsafeBufferPointer { source in
                for key in source { counts[Int((key >> shift) & mask)] += 1 }
            }
            // Every key has the same digit here: this pass would not move anything.
            if counts[Int((keys[0] >> shift) & mask)] == count {
                shift += UInt64(bits)
                continue
            }
            var total = 0
            for index in 0..<buckets {
                let size = counts[index]
                counts[index] = total
                total += size
            }
            keys.withUnsafeBufferPointer { sourceKeys in
                payloads.withUnsafeBufferPointer { sourcePayloads in
                    otherKeys.withUnsafeMutableBufferPointer { targetKeys in
                        otherPayloads.withUnsafeMutableBufferPointer { targetPayloads in
                            for index in 0..<count {
                                let key = sourceKeys[index]
                                let digit = Int((key >> shift) & mask)
                                let position = counts[digit]
                                counts[digit] = position + 1
                                targetKeys[position] = key
                                targetPayloads[position] = sourcePayloads[index]
                            }
                        }
                    }
                }
            }
            swap(&keys, &otherKeys)
            swap(&payloads, &otherPayloads)
            shift += UInt64(bits)
        }
    }
}
