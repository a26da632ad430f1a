/// The k-th smallest of a list of unsigned keys by radix passes, without sorting: a histogram of the
/// top 16 bits of every key finds the bucket that holds it, and each next 16 bits are counted only
/// among the keys left in that bucket. Linear whatever the keys' order (a heap of the k best
/// degrades to n log k when keys arrive best last, as documents stored in date order do).
enum RadixSelect {
    /// The smallest value `t` with at least `rank` keys ≤ `t`, and how many keys are < `t`.
    /// `rank` counts from 1 and must be within 1...keys.count.
    static func smallest<Key: FixedWidthInteger & UnsignedInteger>(
        rank: Int, of keys: UnsafeBufferPointer<Key>
    ) -> (value: Key, below: Int) {
        precondition(rank >= 1 && rank <= keys.count)
        let digitBits = Swift.min(16, Key.bitWidth)
        var histogram = [UInt32](repeating: 0, count: 1 << digitBits)
        // nil while every key is still in the running (often the top digits are all alike: no copy).
        var narrowed: [Key]? = nil
        var running = keys.count
        var value: Key = 0
        var below = 0
        var wanted = rank
        var shift = Key.bitWidth
        while shift > 0 {
            let width = Swift.min(digitBits, shift)
            shift -= width
            let mask = Key((1 << width) - 1)
            func withRunning<T>(_ body: (UnsafeBufferPointer<Key>) -> T) -> T {
                narrowed.map { $0.withUnsafeBufferPointer(body) } ?? body(keys)
            }
            histogram.withUnsafeMutableBufferPointer { counts in
                counts.update(repeating: 0)
                withRunning { running in
                    for key in running { counts[Int(truncatingIfNeeded: (key &>> shift) & mask)] &+= 1 }
                }
            }
            var digit = 0
            while Int(histogram[digit]) < wanted {
                wanted -= Int(histogram[digit])
                below += Int(histogram[digit])
                digit += 1
            }
            value |= Key(digit) &<< shift
            let inBucket = Int(histogram[digit])
            if shift > 0 && inBucket < running {
                let prefix = value &>> shift
                narrowed = withRunning { running in
                    var kept: [Key] = []
                    kept.reserveCapacity(inBucket)
                    for key in running where key &>> shift == prefix { kept.append(key) }
                    return kept
                }
                running = inBucket
            }
        }
        return (value, below)
    }
}
