/// The fixed header and section table of a snapshot (layout in `SnapshotFormat`).
struct SnapshotHeader {
    var fingerprint: UInt64
    var fileLength: Int
    var entries: [SnapshotFormat.TableEntry]

    func encoded() -> [UInt8] {
        var bytes = SnapshotFormat.magic
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        put(SnapshotFormat.version)
        put(SnapshotFormat.byteOrderMark)
        put(fingerprint)
        put(UInt64(fileLength))
        put(UInt64(0))
        put(UInt32(entries.count))
        put(UInt32(0))
        var table: [UInt8] = []
        for entry in entries {
            withUnsafeBytes(of: entry.section.rawValue.littleEndian) { table.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(entry.section.elementSize).littleEndian) { table.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt64(entry.offset).littleEndian) { table.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt64(entry.count).littleEndian) { table.append(contentsOf: $0) }
            withUnsafeBytes(of: entry.checksum.littleEndian) { table.append(contentsOf: $0) }
        }
        put(XXH64.hash(bytes + table))
        put(UInt64(0))
        return bytes + table
    }

    /// Reads and checks the header and table of a mapped file against the corpus it should describe;
    /// with no `expectedFingerprint`, whatever corpus state it was written for (checked later).
    static func decode(_ file: UnsafeRawBufferPointer, expectedFingerprint: UInt64?) -> Result<SnapshotHeader, SnapshotProblem> {
        func load<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            T(littleEndian: file.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        guard file.count >= SnapshotFormat.headerSize else { return .failure(.truncated) }
        guard file.prefix(8).elementsEqual(SnapshotFormat.magic) else { return .failure(.foreign) }
        guard load(12, UInt32.self) == SnapshotFormat.byteOrderMark else { return .failure(.foreign) }
        let version = load(8, UInt32.self)
        guard version == SnapshotFormat.version else { return .failure(.otherVersion(version)) }
        let fileLength = Int(truncatingIfNeeded: load(24, UInt64.self))
        guard fileLength == file.count else { return .failure(fileLength > file.count ? .truncated : .damaged("length")) }
        let sectionCount = Int(load(40, UInt32.self))
        let tableEnd = SnapshotFormat.headerSize + sectionCount * SnapshotFormat.tableEntrySize
        guard sectionCount <= 256, tableEnd <= file.count else { return .failure(.damaged("section table")) }
        let checked = Array(file[0..<48]) + Array(file[SnapshotFormat.headerSize..<tableEnd])
        guard XXH64.hash(checked) == load(48, UInt64.self) else { return .failure(.damaged("header checksum")) }
        let fingerprint = load(16, UInt64.self)
        if let expectedFingerprint, fingerprint != expectedFingerprint { return .failure(.stale) }
        var entries: [SnapshotFormat.TableEntry] = []
        for number in 0..<sectionCount {
            let at = SnapshotFormat.headerSize + number * SnapshotFormat.tableEntrySize
            guard let section = SnapshotFormat.Section(rawValue: load(at, UInt32.self)),
                Int(load(at + 4, UInt32.self)) == section.elementSize
            else { return .failure(.damaged("unknown section")) }
            let offset = Int(truncatingIfNeeded: load(at + 8, UInt64.self))
            let count = Int(truncatingIfNeeded: load(at + 16, UInt64.self))
            guard offset >= tableEnd, offset % SnapshotFormat.alignment == 0, count >= 0,
                count <= (file.count - offset) / section.elementSize
            else { return .failure(.damaged("section \(section) out of bounds")) }
            entries.append(.init(section: section, offset: offset, count: count, checksum: load(at + 24, UInt64.self)))
        }
        return .success(SnapshotHeader(fingerprint: fingerprint, fileLength: fileLength, entries: entries))
    }
}
