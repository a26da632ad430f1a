import Foundation

/// Writes a store (its articles and built index) as a snapshot file.
///
/// The file is written under a temporary name and renamed into place, so a reader maps either the
/// old complete file or the new complete one, never a file being written (a mapped file that shrank
/// would kill its readers). No fsync: a file cut short by a crash fails its checksum and is rebuilt.
/// The rename replaces whatever was at the path (a file not trusted, a symlink, a FIFO) without
/// writing through it; the caller has checked the folder (`SnapshotCache.prepare`).
enum SnapshotWriter {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ store: EmbeddedEngine, index: SearchIndex, fingerprint: UInt64, to path: String) throws(WriteError) {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try writeFile(store, index: index, fingerprint: fingerprint, to: temporary)
            guard rename(temporary, path) == 0 else {
                throw WriteError(description: "cannot rename into \(path): \(Self.reason())")
            }
        } catch {
            unlink(temporary)
            throw (error as? WriteError) ?? WriteError(description: "\(error)")
        }
    }

    private static func writeFile(_ store: EmbeddedEngine, index: SearchIndex, fingerprint: UInt64, to path: String) throws {
        // Readable by this user only: the text of a corpus others may not read must not become readable here.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(description: "cannot create \(path): \(reason())") }
        defer { close(descriptor) }
        let output = BufferedOutput(descriptor: descriptor)
        let columns = SnapshotArticles.columns(of: store.articles)
        let reportJSON = (try? JSONEncoder().encode(store.report)).map { [UInt8]($0) } ?? []
        let average = [index.averageDocumentLength]

        typealias Writer = (BufferedOutput) throws -> Void
        func column<T: BitwiseCopyable>(_ values: Column<T>) -> (Int, Writer) {
            (values.count, { (output: BufferedOutput) throws in try values.withUnsafeBytes { try output.write($0) } })
        }
        func array<T: BitwiseCopyable>(_ values: [T]) -> (Int, Writer) {
            (values.count, { (output: BufferedOutput) throws in try values.withUnsafeBytes { try output.write($0) } })
        }
        let textCount = Int(columns.fieldStart.last ?? 0)
        let sections: [(SnapshotFormat.Section, (Int, Writer))] = [
            (.termBytes, column(index.terms.bytes)), (.termOffsets, column(index.terms.offsets)),
            (.documentFrequency, column(index.documentFrequency)), (.postingsStart, column(index.postingsStart)),
            (.postings, column(index.postings)), (.positionsStart, column(index.positionsStart)),
            (.positions, column(index.positions)), (.stemBytes, column(index.stems.bytes)),
            (.stemOffsets, column(index.stems.offsets)), (.groupStart, column(index.groupStart)),
            (.groupTerms, column(index.groupTerms)), (.documentLength, column(index.documentLength)),
            (.lengthNorm, column(index.lengthNorm)), (.lengthOrder, column(index.termsByLength.order)),
            (.lengthStart, column(index.termsByLength.start)), (.averageLength, array(average)),
            (.articleFieldStart, array(columns.fieldStart)), (.articleFlags, array(columns.flags)),
            (.articleDates, array(columns.dates)), (.articleWordCounts, array(columns.wordCounts)),
            (
                .articleText,
                (
                    textCount,
                    { (output: BufferedOutput) throws in
                        try SnapshotArticles.writeText(of: store.articles) { try output.write($0) }
                    }
                )
            ),
            (.dateKey, column(store.dateKey)), (.titleRank, column(store.titleRank)),
            (.dateOrder, array(store.listing(sort: .date).map { Int32($0) })), (.ageByTitle, column(store.ordering.ageByTitle)),
            (.representative, column(store.identicalCopies.representative)),
            (.report, array(reportJSON))
        ]
        // Lay out the table, then the sections in order, each aligned.
        var entries: [SnapshotFormat.TableEntry] = []
        var offset = SnapshotFormat.aligned(SnapshotFormat.headerSize + sections.count * SnapshotFormat.tableEntrySize)
        let firstSection = offset
        for (section, (count, _)) in sections {
            entries.append(.init(section: section, offset: offset, count: count))
            offset = SnapshotFormat.aligned(offset + count * section.elementSize)
        }
        let fileLength = offset
        try output.write(zeros: firstSection)
        for (number, (section, (count, writeSection))) in sections.enumerated() {
            let before = output.position
            try writeSection(output)
            guard output.position - before == count * section.elementSize else {
                throw WriteError(
                    description:
                        "section \(section) wrote \(output.position - before) bytes, expected \(count * section.elementSize)")
            }
            let next = number + 1 < entries.count ? entries[number + 1].offset : fileLength
            try output.write(zeros: next - output.position)
        }
        try output.flush()
        // The checksums are computed over the file as written (mapped back: it is in the page cache),
        // each block's pages released once hashed, so the writer never holds the text, the index and
        // the whole snapshot in memory at once.
        switch MappedFile.map(path: path) {
        case .failure(let problem): throw WriteError(description: "cannot read back \(path): \(problem)")
        case .success(let mapped):
            for number in entries.indices {
                entries[number].checksum = XXH64.blockChecksum(mapped.bytes(of: entries[number]), afterBlock: MappedFile.release)
            }
        }
        let header = SnapshotHeader(fingerprint: fingerprint, fileLength: fileLength, entries: entries)
        let bytes = header.encoded()
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard written == bytes.count else { throw WriteError(description: "cannot write \(path): \(reason())") }
    }

    static func reason() -> String { String(cString: strerror(errno)) }
}

/// Sequential writes through a 1 MiB buffer, counting the bytes.
final class BufferedOutput {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var position = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        position += bytes.count
        if buffer.count + bytes.count > (1 << 20) { try flush() }
        if bytes.count >= (1 << 20) { try writeAll(bytes) } else { buffer.append(contentsOf: bytes) }
    }

    func write(zeros count: Int) throws {
        guard count > 0 else { return }
        let zeros = [UInt8](repeating: 0, count: count)
        try zeros.withUnsafeBytes { try write($0) }
    }

    func flush() throws {
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        try pending.withUnsafeBytes { try writeAll($0) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let result = Foundation.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if result < 0 {
                if errno == EINTR { continue }
                throw SnapshotWriter.WriteError(description: "cannot write the snapshot: \(SnapshotWriter.reason())")
            }
            done += result
        }
    }
}
