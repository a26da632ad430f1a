/// An article body: a String of its own, or valid UTF-8 inside a mapped snapshot.
///
/// Snapshot bytes were normalised before they were written and their checksum was verified when the
/// file was mapped, so they are used as they are; a String is made only when a caller asks for one.
struct ArticleText: @unchecked Sendable, Hashable {
    private enum Storage {
        case string(String)
        /// Bytes owned by `owner` (the mapped file), alive as long as this value is.
        case mapped(UnsafePointer<UInt8>, count: Int, owner: AnyObject)
    }

    private let storage: Storage

    init(_ string: String) { storage = .string(string) }

    init(mapped base: UnsafePointer<UInt8>, count: Int, owner: AnyObject) {
        storage = .mapped(base, count: count, owner: owner)
    }

    var string: String {
        switch storage {
        case .string(let string): string
        case .mapped(let base, let count, let owner):
            withExtendedLifetime(owner) { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
        }
    }

    /// The bytes, when they lie in a shared file mapping whose pages may be dropped once read
    /// (`PageReleaser`); nil for a String of its own.
    var fileBackedRegion: UnsafeRawBufferPointer? {
        guard case .mapped(let base, let count, let owner) = storage, owner is FileBackedMemory else { return nil }
        return UnsafeRawBufferPointer(start: base, count: count)
    }

    var utf8Count: Int {
        switch storage {
        case .string(let string): string.utf8.count
        case .mapped(_, let count, _): count
        }
    }

    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .string(let string):
            var copy = string
            return copy.withUTF8(body)
        case .mapped(let base, let count, let owner):
            return withExtendedLifetime(owner) { body(UnsafeBufferPointer(start: base, count: count)) }
        }
    }

    func withUTF8Throwing<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case .string(let string):
            var copy = string
            return try copy.withUTF8(body)
        case .mapped(let base, let count, let owner):
            return try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
        }
    }

    static func == (a: ArticleText, b: ArticleText) -> Bool {
        a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
    }

    func hash(into hasher: inout Hasher) {
        withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
