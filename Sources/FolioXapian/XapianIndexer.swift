import CXapian
import Dispatch
import FolioCore
import Foundation

/// `folio index PATH --xapian DIR [--shards N]`: writes articles read by folio's own loader into N
/// Xapian databases under DIR (`shard-0`, `shard-1`, …; an article's shard is a hash of its id)
/// and a stub, `shards.stub`, that opens them together. Run again, it adds, replaces and deletes
/// only what changed: each document carries its id as a unique term and a fingerprint of its data.
public struct XapianIndexer: Sendable {
    public struct Summary: Sendable, Equatable {
        public var shards = 0
        public var added = 0
        public var replaced = 0
        public var deleted = 0
        public var unchanged = 0
    }

    public var folder: String

    public init(folder: String) { self.folder = folder }

    var stubPath: String { (folder as NSString).appendingPathComponent(XapianEngine.stubName) }

    /// The shard count of the stub already in `folder`, nil when there is none.
    public func existingShardCount() -> Int? {
        guard let text = try? String(contentsOfFile: stubPath, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").count { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Indexes `articles` into `shards` shards (the existing count when nil; 1 for a new folder).
    /// `progress(done, total)` is called as articles are written, from several threads.
    public func index(
        _ articles: [Article], shards requested: Int?, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) throws(XapianFailure) -> Summary {
        guard XapianFailure.isAvailable else { throw XapianFailure(XapianEngine.notBuilt) }
        let existing = existingShardCount()
        if let existing, let requested, requested != existing {
            throw XapianFailure(
                "\(folder) holds \(existing) shard\(existing == 1 ? "" : "s"); --shards \(requested) would move articles between them: use a new folder"
            )
        }
        let shards = requested ?? existing ?? 1
        guard (1...256).contains(shards) else { throw XapianFailure("--shards must be 1 to 256") }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw XapianFailure("cannot create \(folder): \(error.localizedDescription)")
        }
        var assigned = [[Int]](repeating: [], count: shards)
        for (number, article) in articles.enumerated() { assigned[Self.shard(of: article.id, among: shards)].append(number) }
        let byShard = assigned
        let done = ProgressCounter(total: articles.count, report: progress)
        let results = ResultSlots(count: shards)
        DispatchQueue.concurrentPerform(iterations: shards) { shard in
            results.set(
                shard,
                Result { () throws(XapianFailure) -> Summary in
                    try indexShard(shard, articles: byShard[shard].map { articles[$0] }, done: done)
                })
        }
        var summary = Summary(shards: shards)
        for result in results.all {
            switch result {
            case .success(let part):
                summary.added += part.added
                summary.replaced += part.replaced
                summary.deleted += part.deleted
                summary.unchanged += part.unchanged
            case .failure(let failure): throw failure
            }
        }
        let stub =
            "# folio index --xapian: \(shards) shard\(shards == 1 ? "" : "s")\n"
            + (0..<shards).map { "auto \(Self.shardName($0))\n" }.joined()
        do {
            try stub.write(toFile: stubPath, atomically: true, encoding: .utf8)
        } catch {
            throw XapianFailure("cannot write \(stubPath): \(error.localizedDescription)")
        }
        return summary
    }

    static func shardName(_ index: Int) -> String { "shard-\(index)" }

    /// Articles written between commits. libxapian keeps uncommitted changes in ordered maps that
    /// slow every insert as they grow: on 100,000 generated articles in two shards, committing every
    /// 500 took 233 s of CPU and 0.4 GiB against 380 s and 1.3 GiB for its default of 10,000
    /// (Documentation/performance.md §7). An interrupted build also keeps what it committed; the
    /// next run skips those articles by fingerprint.
    static let commitEvery = 500

    /// FNV-1a of the id, so an article stays in its shard however the folder changes.
    static func shard(of id: String, among shards: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(shards))
    }

    private func indexShard(_ shard: Int, articles: [Article], done: ProgressCounter) throws(XapianFailure) -> Summary {
        let writer = try XapianWriter(path: (folder as NSString).appendingPathComponent(Self.shardName(shard)))
        var stored = try writer.fingerprints()
        var summary = Summary()
        var tokenizer = Tokenizer()
        var stems = StemCache()
        var uncommitted = 0
        for article in articles {
            let data = XapianDocument.encode(article)
            let fingerprint = XapianDocument.fingerprint(data)
            let previous = stored.removeValue(forKey: article.id)
            if previous == fingerprint {
                summary.unchanged += 1
            } else {
                try writer.replace(
                    article, isNew: previous == nil, data: data, fingerprint: fingerprint, tokenizer: &tokenizer,
                    stems: &stems)
                if previous == nil { summary.added += 1 } else { summary.replaced += 1 }
                uncommitted += 1
                if uncommitted == Self.commitEvery {
                    try writer.commit()
                    uncommitted = 0
                }
            }
            done.add(1)
        }
        for id in stored.keys {
            try writer.delete(id: id)
            summary.deleted += 1
        }
        try writer.commit()
        return summary
    }
}

/// Counts articles written across the shards' threads and reports every 1,000.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    let report: @Sendable (Int, Int) -> Void

    init(total: Int, report: @escaping @Sendable (Int, Int) -> Void) {
        self.total = total
        self.report = report
    }

    func add(_ count: Int) {
        let now = lock.withLock {
            done += count
            return done
        }
        if now % 1_000 == 0 || now == total { report(now, total) }
    }
}

/// One result per shard, filled from the shards' threads.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<XapianIndexer.Summary, XapianFailure>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<XapianIndexer.Summary, XapianFailure>) { lock.withLock { slots[index] = result } }

    var all: [Result<XapianIndexer.Summary, XapianFailure>] { lock.withLock { slots.compactMap { $0 } } }
}
