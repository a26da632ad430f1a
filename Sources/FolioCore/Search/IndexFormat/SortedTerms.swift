/// Terms in byte order in one flat arena: binary search gives exact look-ups and prefix ranges
/// (every term starting with "ash" is one contiguous range), with no per-term object.
struct SortedTerms: Sendable {
    let bytes: Column<UInt8>
    /// Start of term i; term i ends at offsets[i + 1].
    let offsets: Column<UInt32>

    init(bytes: Column<UInt8>, offsets: Column<UInt32>) {
        self.bytes = bytes
        self.offsets = offsets
    }

    init(bytes: [UInt8], offsets: [UInt32]) {
        self.init(bytes: Column(bytes), offsets: Column(offsets))
    }

    var count: Int { offsets.count - 1 }

    func term(_ id: Int) -> [UInt8] { Array(bytes[Int(offsets[id])..<Int(offsets[id + 1])]) }

    func length(_ id: Int) -> Int { Int(offsets[id + 1] - offsets[id]) }

    /// The id of exactly `term`, if present.
    func find(_ term: [UInt8]) -> Int? {
        guard !term.isEmpty else { return nil }
        let position = lowerBound(term, prefixOnly: false)
        guard position < count, length(position) == term.count else { return nil }
        return withTerm(position) { $0.elementsEqual(term) } ? position : nil
    }

    /// Ids of all terms that start with `prefix` (a contiguous range).
    func prefixRange(_ prefix: [UInt8]) -> Range<Int> {
        guard !prefix.isEmpty else { return 0..<count }
        let start = lowerBound(prefix, prefixOnly: false)
        let end = lowerBound(prefix, prefixOnly: true)
        return start..<Swift.max(start, end)
    }

    /// First term >= key; with `prefixOnly`, the first term that is > key and does not start with it.
    private func lowerBound(_ key: [UInt8], prefixOnly: Bool) -> Int {
        bytes.withUnsafeBufferPointer { arena in
            key.withUnsafeBufferPointer { keyBuffer in
                var low = 0
                var high = count
                while low < high {
                    let middle = (low + high) / 2
                    let start = Int(offsets[middle])
                    let termLength = Int(offsets[middle + 1]) - start
                    var order = compareBytes(arena.baseAddress! + start, termLength, keyBuffer.baseAddress!, key.count)
                    if prefixOnly && termLength >= key.count
                        && compareBytes(arena.baseAddress! + start, key.count, keyBuffer.baseAddress!, key.count) == 0
                    {
                        order = -1  // the term starts with the key: still inside the prefix range
                    }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return low
            }
        }
    }

    func withTerm<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { arena in
            let start = Int(offsets[id])
            return body(UnsafeBufferPointer(rebasing: arena[start..<Int(offsets[id + 1])]))
        }
    }
}
