/// What a snapshot must match to be used: the snapshot format, the load options, and every file of
/// the corpus as the scan saw it (id, size, modification and change times, inode) plus what the scan
/// skipped. Any file added, removed, rewritten, renamed, chmod-ed or touched gives another value.
enum CorpusFingerprint {
    static func of(root: String, candidates: [CorpusScanner.Candidate], scanReport: LoadReport, options: LoadOptions) -> UInt64 {
        var hasher = FingerprintHasher()
        hasher.combine(Int(SnapshotFormat.version))
        hasher.combine(root)
        hasher.combine(options.maxFileSize)
        for fileExtension in options.articleExtensions.sorted() { hasher.combine(fileExtension) }
        if options.followLinks { hasher.combine("follow-links") }
        hasher.combine(options.fieldNames.fingerprintText)
        hasher.combine(options.maxDecompressedSize)
        hasher.combine(candidates.count)
        for candidate in candidates {
            hasher.combine(candidate.id)
            hasher.combine(UInt64(bitPattern: candidate.size))
            hasher.combine(UInt64(bitPattern: candidate.modifiedNanoseconds))
            hasher.combine(UInt64(bitPattern: candidate.changedNanoseconds))
            hasher.combine(candidate.inode)
        }
        for (reason, count) in scanReport.skipped.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            hasher.combine(reason.rawValue)
            hasher.combine(count)
        }
        return hasher.finalize()
    }
}
