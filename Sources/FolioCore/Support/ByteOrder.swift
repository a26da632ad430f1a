import Foundation

/// Byte order of UTF-8 text (how ids are ordered everywhere: engines and snapshots number articles
/// in it), compared with `memcmp` on the strings' own storage rather than byte by byte through
/// `String.UTF8View`: a million-record container is put into id order before its first paint.
enum ByteOrder {
    /// `a` comes before `b` in byte order.
    static func precedes(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// Negative, zero or positive as `a` comes before, equals or follows `b` in byte order.
    static func compare(_ a: String, _ b: String) -> Int {
        let order = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in compare(x, y) }
        }
        if let order, let order { return order }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : (a.utf8.elementsEqual(b.utf8) ? 0 : 1)
    }

    /// Negative, zero or positive as `a` comes before, equals or follows `b` in byte order.
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : Int(memcmp(a.baseAddress!, b.baseAddress!, common))
        return order != 0 ? order : a.count - b.count
    }

    /// The elements are in strictly increasing byte order of `key`.
    static func isIncreasing<C: Collection>(_ elements: C, by key: (C.Element) -> String) -> Bool {
        zip(elements, elements.dropFirst()).allSatisfy { precedes(key($0), key($1)) }
    }
}
