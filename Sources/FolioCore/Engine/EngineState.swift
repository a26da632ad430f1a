/// How far an engine is from answering searches at full speed.
public enum EngineState: Sendable, Equatable {
    case ready
    /// Building its index: searches are answered by reading every article meanwhile (the same
    /// matches, no typo tier, slower; `SearchResults.byScan`).
    case indexing(progress: Double)
    /// Checking an index it opened before searching it: searches wait for the check (a fraction of a
    /// second) rather than scan.
    case checking(progress: Double)

    /// How far it is, 0...1; nil once ready.
    public var progress: Double? {
        switch self {
        case .ready: nil
        case .indexing(let progress), .checking(let progress): progress
        }
    }
}

/// What `folio stats` shows of an engine beside the load report.
public struct EngineStatistics: Sendable, Equatable {
    /// Distinct terms in its dictionary.
    public var termCount: Int
    /// Bytes its index takes, not counting the article text.
    public var indexBytes: Int
    /// Where its index came from or goes (a snapshot file, a server), in words.
    public var storage: String

    public init(termCount: Int, indexBytes: Int, storage: String) {
        self.termCount = termCount
        self.indexBytes = indexBytes
        self.storage = storage
    }
}
