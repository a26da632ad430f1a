/// Drops the pages of many small regions of file mappings (article bodies) in few system calls:
/// the regions are sorted by address and merged where they touch, and only whole pages inside a
/// merged span are released. A body is smaller than a page, so released one at a time, nothing
/// would be; merged, a chunk of bodies written side by side goes in one call.
enum PageReleaser {
    static func release(_ regions: inout [UnsafeRawBufferPointer]) {
        for span in spans(&regions) {
            MappedFile.release(UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: span.lowerBound), count: span.count))
        }
        regions.removeAll(keepingCapacity: true)
    }

    /// The regions' addresses sorted and merged where one ends exactly where (or after) the next
    /// begins, never across a gap, which might be someone else's memory (a heap page dropped is
    /// zeroed). Sorts `regions` in place.
    static func spans(_ regions: inout [UnsafeRawBufferPointer]) -> [Range<Int>] {
        regions.removeAll { $0.isEmpty }
        guard !regions.isEmpty else { return [] }
        regions.sort { Int(bitPattern: $0.baseAddress) < Int(bitPattern: $1.baseAddress) }
        var spans: [Range<Int>] = []
        var start = Int(bitPattern: regions[0].baseAddress)
        var end = start + regions[0].count
        for region in regions.dropFirst() {
            let regionStart = Int(bitPattern: region.baseAddress)
            let regionEnd = regionStart + region.count
            if regionStart <= end {
                end = Swift.max(end, regionEnd)
            } else {
                spans.append(start..<end)
                (start, end) = (regionStart, regionEnd)
            }
        }
        spans.append(start..<end)
        return spans
    }
}
