import CXapian
import FolioCore

/// One shard opened for writing: the Swift owner of the shim's `fx_writer`, used by one thread.
final class XapianWriter {
    private let handle: OpaquePointer

    init(path: String) throws(XapianFailure) {
        var handle: OpaquePointer?
        try XapianFailure.check(fx_writer_open(path, &handle))
        guard let handle else { throw XapianFailure("\(path): could not be opened for writing") }
        self.handle = handle
    }

    deinit { fx_writer_close(handle) }

    /// Every stored article id with its fingerprint.
    func fingerprints() throws(XapianFailure) -> [String: [UInt8]] {
        final class Box { var found: [String: [UInt8]] = [:] }
        let box = Box()
        let error = withExtendedLifetime(box) {
            fx_writer_each_unique(handle, "Q", XapianSlot.fingerprint, Unmanaged.passUnretained(box).toOpaque()) {
                context, term, termLength, value, valueLength in
                let box = Unmanaged<Box>.fromOpaque(context!).takeUnretainedValue()
                let id = term!.withMemoryRebound(to: UInt8.self, capacity: termLength) {
                    String(decoding: UnsafeBufferPointer(start: $0 + 1, count: termLength - 1), as: UTF8.self)
                }
                let fingerprint = value!.withMemoryRebound(to: UInt8.self, capacity: valueLength) {
                    Array(UnsafeBufferPointer(start: $0, count: valueLength))
                }
                box.found[id] = fingerprint
            }
        }
        try XapianFailure.check(error)
        return box.found
    }

    /// Writes `article`, replacing the stored one with its id unless `isNew`.
    func replace(
        _ article: Article, isNew: Bool, data: [UInt8], fingerprint: [UInt8], tokenizer: inout Tokenizer,
        stems: inout StemCache
    ) throws(XapianFailure) {
        let terms = XapianTerms(article, tokenizer: &tokenizer, stems: &stems)
        let unique = XapianPrefix.id + Array(article.id.utf8)
        let titleKey = Array(article.title.lowercased().utf8) + [0] + Array(article.id.utf8)
        let sourceKey = Array(article.source.lowercased().utf8)
        let dateOrder = XapianSlot.dateOrderValue(article.date, titleKey: titleKey)
        // In slot order (`XapianSlot`).
        let values = [
            XapianSlot.dateValue(article.date), titleKey, sourceKey, fingerprint, dateOrder, sourceKey + [0] + dateOrder
        ]
        let error = unique.withUnsafeBytes { unique in
            data.withUnsafeBytes { data in
                terms.bytes.withUnsafeBytes { termBytes in
                    withValuePointers(values) { pointers, lengths in
                        fx_writer_replace(
                            handle, isNew ? 1 : 0, unique.baseAddress, unique.count, data.baseAddress, data.count,
                            termBytes.baseAddress,
                            termBytes.count, terms.positions, terms.wdfs, terms.count, pointers, lengths, values.count)
                    }
                }
            }
        }
        try XapianFailure.check(error)
    }

    func delete(id: String) throws(XapianFailure) {
        let unique = XapianPrefix.id + Array(id.utf8)
        try XapianFailure.check(unique.withUnsafeBytes { fx_writer_delete(handle, $0.baseAddress, $0.count) })
    }

    func commit() throws(XapianFailure) { try XapianFailure.check(fx_writer_commit(handle)) }
}

/// Calls `body` with C pointers to each of `values` and their lengths.
private func withValuePointers<R>(
    _ values: [[UInt8]], _ body: (UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> R
) -> R {
    let joined = values.flatMap { $0 }
    let lengths = values.map(\.count)
    return joined.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { characters in
            var pointers: [UnsafePointer<CChar>?] = []
            var offset = 0
            for length in lengths {
                pointers.append(characters.baseAddress.map { UnsafePointer($0 + offset) })
                offset += length
            }
            return pointers.withUnsafeBufferPointer { body($0.baseAddress!, lengths) }
        }
    }
}
