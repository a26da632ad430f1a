import Foundation
import Synchronization

/// The in-process engine, folio's default `SearchEngine`: an inverted index of a `Corpus` held in
/// memory (built on all cores, or mapped from a snapshot), with everything around it: the index built
/// once in the background while searches fall back to a scan of the articles, a snapshot's
/// remaining check, the snapshot written once the index is built, the typo tier, list ordering and
/// highlights. Any thread may search at once.
public final class EmbeddedEngine: Sendable {
    let corpus: Corpus
    let indexSlot: IndexSlot
    /// Sort keys computed once: date ordinal (Int.min for none) and position in title order.
    let dateKey: Column<Int>
    let titleRank: Column<Int32>
    /// Radix ordering of results on those keys.
    let ordering: ResultOrdering
    /// The corpus-sized arrays each search borrows (`SearchScratch`).
    let scratchShelf = ScratchShelf()
    /// The list with no query, per order (`list(sort:)`).
    let listings = Mutex<[ListOrder: ArticleList]>([:])
    /// "Did you mean"'s answers so far (`NearestTermMemo`).
    let nearestTerms = NearestTermMemo()
    /// Where the index is to be saved once built, when a cache is in use and had no usable snapshot.
    private let snapshotTarget: SnapshotTarget?
    private let snapshotState: Mutex<SnapshotStatus>
    /// The folder state the engine was read in (`CorpusFingerprint`): the one its snapshot was written
    /// for, or the scan's it was read from; nil for articles handed over in memory.
    let snapshotFingerprint: UInt64?
    /// For an engine painted from a snapshot before all of it was checked: the rest of the check, run
    /// in place of an index build (`buildIndex`); searches wait for it, which takes far less than
    /// a scan would.
    private let remainingCheck: SnapshotRemainingCheck?
    /// The list with no query, newest first, when a snapshot saved it (ordering every article
    /// before the first paint is what the snapshot saves).
    let dateOrder: Column<Int32>?
    /// Articles with the same title and text, listed once (`IdenticalCopies`).
    let identicalCopies: IdenticalCopies

    /// Articles already in memory: indexed now, on all cores.
    public convenience init(articles: [Article], report: LoadReport = LoadReport(), name: String = "corpus") {
        self.init(articles: articles, report: report, name: name, indexNow: true)
    }

    init(
        articles: [Article], report: LoadReport, name: String, indexNow: Bool, snapshotTarget: SnapshotTarget? = nil,
        fingerprint: UInt64? = nil
    ) {
        let keys = SortKeys(articles)
        corpus = Corpus(articles: articles, name: name, report: report)
        identicalCopies = IdenticalCopies(corpus.articles)
        dateKey = Column(keys.dateKey)
        titleRank = Column(keys.titleRank)
        ordering = ResultOrdering(titleRank: titleRank, titleOrder: Column(keys.titleOrder), dateKey: dateKey)
        indexSlot = IndexSlot()
        self.snapshotTarget = snapshotTarget
        snapshotState = Mutex(snapshotTarget?.initialStatus ?? .off)
        snapshotFingerprint = fingerprint
        remainingCheck = nil
        dateOrder = nil
        if indexNow { buildIndex() }
    }

    /// An engine read from a snapshot: everything in place, the index ready, or ready once the rest
    /// of the snapshot is checked (`snapshot.remainingCheck`).
    init(snapshot: SnapshotContents, report: LoadReport, name: String, path: String) {
        corpus = Corpus(snapshot: snapshot.articles, name: name, report: report)
        identicalCopies = IdenticalCopies(representative: snapshot.representative)
        dateKey = snapshot.dateKey
        titleRank = snapshot.titleRank
        ordering = ResultOrdering(
            titleRank: titleRank, titleOrder: Column(snapshot.titleOrder), dateKey: dateKey, ageByTitle: snapshot.ageByTitle)
        remainingCheck = snapshot.remainingCheck
        indexSlot = remainingCheck == nil ? IndexSlot(ready: snapshot.index) : IndexSlot(checking: true)
        snapshotTarget = nil
        snapshotState = Mutex(.loaded(path))
        snapshotFingerprint = snapshot.fingerprint
        dateOrder = snapshot.dateOrder
    }

    /// The corpus's articles, in id order.
    var articles: ArticleTable { corpus.articles }

    /// Whether the index came from a snapshot, will be saved to one, or neither.
    public var snapshotStatus: SnapshotStatus { snapshotState.withLock { $0 } }

    /// Builds the index (if no other call did) and then writes the snapshot, if one is due. Meant for
    /// a background thread in the reader (`prepare`); the CLI's `CorpusOpener.open(indexing: .now)`
    /// calls it too.
    func buildIndexAndSaveSnapshot() {
        guard buildIndex(), let target = snapshotTarget, target.saves, let index = readyIndex else { return }
        let status: SnapshotStatus
        if let problem = target.cache.prepare() {
            status = .unsaved(problem)
        } else {
            do {
                try SnapshotWriter.write(self, index: index, fingerprint: target.fingerprint, to: target.path)
                status = .saved(target.path, because: target.problem)
            } catch {
                status = .unsaved(error.description)
            }
        }
        snapshotState.withLock { $0 = status }
    }

    /// The index, waiting for it (or building it on this thread) when it is not ready yet.
    var index: SearchIndex {
        if let index = indexSlot.ready { return index }
        buildIndex()
        return indexSlot.waitForIndex()
    }

    /// The index when it is built; nil while it is being built (searches then scan the articles).
    var readyIndex: SearchIndex? { indexSlot.ready }

    /// How far the index build is, 0...1; 1 once it is ready.
    var indexingProgress: Double { indexSlot.progress }

    /// True from the start of an engine painted from a snapshot until the rest of the snapshot is
    /// checked (`SnapshotReader.Check.listFirst`); the status line says "checking" until the index
    /// part has passed (the text is checked after it, while searches run).
    public var isCheckingSnapshot: Bool { indexSlot.isChecking }

    /// Waits only until the index may be searched or the snapshot's remaining check has ended (as
    /// `waitForSnapshotCheck`, running the check on this thread if no other thread has started it).
    func waitForCheckedIndex() {
        guard remainingCheck != nil, readyIndex == nil else { return }
        buildIndex()
        indexSlot.waitForIndexOrCheckEnd()
    }

    /// Waits until the snapshot's remaining check has ended (running it on this thread if no other
    /// thread has started it); false when it found damage (in the index: the index is then built
    /// from the articles; either way the folder should be read again). True at once for any other engine.
    public func waitForSnapshotCheck() -> Bool {
        guard remainingCheck != nil else { return true }
        buildIndex()
        indexSlot.waitForCheck()
        if case .damaged = snapshotStatus { return false }
        return true
    }

    /// Builds the index on the calling thread on all cores, once: later calls, and calls on other
    /// threads while it runs, return at once (`index` waits for it). Returns true if this call built it.
    /// For an engine painted from a snapshot it checks the rest of the snapshot instead, and builds
    /// only when that finds damage.
    @discardableResult
    public func buildIndex() -> Bool {
        guard indexSlot.claimBuild() else { return false }
        let started = DispatchTime.now()
        if let remainingCheck {
            var indexPassed = false
            let problem = remainingCheck.run(progress: { [indexSlot] in indexSlot.setProgress($0) }) {
                indexSlot.publish(remainingCheck.index, seconds: started.secondsSince)
                indexPassed = true
            }
            if let problem {
                snapshotState.withLock { status in
                    if case .loaded(let path) = status { status = .damaged(path, because: problem) }
                }
            }
            indexSlot.endCheck()
            // A sound index stays (damaged text is for the folder check to replace); otherwise build.
            if indexPassed { return true }
            indexSlot.setProgress(0)
        }
        let articles = self.articles
        let index = IndexBuilder.build(articles, progress: { [indexSlot] in indexSlot.setProgress($0) })
        let seconds = started.secondsSince
        // The build's temporaries are freed now, most of them on worker threads' heaps.
        FreedMemory.giveBack()
        indexSlot.publish(index, seconds: seconds)
        return true
    }

    /// Loads and indexes the corpus at `path` (a folder, searched recursively, or one file); no snapshot.
    public static func load(path: String, options: LoadOptions = LoadOptions()) throws(CorpusError) -> EmbeddedEngine {
        try CorpusOpener(options: options, cache: nil).open(path: path)
    }

    /// Loads and indexes in-memory documents (the built-in corpus, tests).
    public static func load(documents: [CorpusLoader.Document], name: String, options: LoadOptions = LoadOptions())
        -> EmbeddedEngine
    {
        let (articles, report) = CorpusLoader(options: options).load(documents: documents)
        return EmbeddedEngine(articles: articles, report: report, name: name)
    }
}

/// The sort keys of a list of articles: date ordinals and each article's place in title order.
struct SortKeys {
    let dateKey: [Int]
    let titleRank: [Int32]
    /// The documents in title order (the inverse of `titleRank`).
    let titleOrder: [Int32]

    init(_ articles: [Article]) {
        dateKey = articles.map { $0.date?.ordinal ?? Int.min }
        var rank = [Int32](repeating: 0, count: articles.count)
        // Made and sorted on all cores, compared once per pair: the reader waits for this before its
        // first paint (architecture.md §4), a few seconds for a million titles on one core.
        let parts = Parallel.ranges(articles.count, parts: (articles.count + 4095) / 4096)
        let titleKeys = Parallel.map(parts.count) { part in parts[part].map { TitleSortKey.key(articles[$0].title) } }
            .flatMap { $0 }
        let byTitle = Parallel.sortedIndices(articles.count) { a, b in
            let order = titleKeys[a].withUnsafeBufferPointer { x in
                titleKeys[b].withUnsafeBufferPointer { y in ByteOrder.compare(x, y) }
            }
            return order != 0 ? order < 0 : ByteOrder.precedes(articles[a].id, articles[b].id)
        }
        for (position, article) in byTitle.enumerated() { rank[article] = Int32(position) }
        titleRank = rank
        titleOrder = byTitle.map { Int32($0) }
    }
}

/// Where and under which fingerprint an engine's index is to be saved.
struct SnapshotTarget: Sendable {
    var cache: SnapshotCache
    var path: String
    var fingerprint: UInt64
    var problem: SnapshotProblem
}
