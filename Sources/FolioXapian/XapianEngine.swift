import FolioCore
import Foundation
import Synchronization

/// A corpus served by Xapian (issue #19): one database folder, or a stub of shards, local or behind
/// `xapian-tcpsrv` on other hosts, as a `SearchEngine` (architecture.md §9). Queries are folio's
/// own parsed `Query`, translated (`XapianQueryBuilder`) over terms made by folio's tokenizer and
/// stemmer (`XapianTerms`); lists come a window at a time (`XapianRows`); hits are found by folio's
/// highlighter in the returned text (`TextHits`). No typo tier.
///
/// A shard that is down or too slow is named in `problem` while searches answer from the others;
/// it is tried again at most every `retryInterval`, so it is used again once it is back.
public final class XapianEngine: Sendable {
    /// How a corpus path names a Xapian database: `xapian:PATH`.
    public static let scheme = "xapian:"
    /// A folder `folio index --xapian` wrote holds its shards and this stub.
    public static let stubName = "shards.stub"
    /// How long a remote shard may take to answer (FOLIO_XAPIAN_TIMEOUT, milliseconds).
    public static let defaultTimeoutMilliseconds: UInt32 = 2_000
    /// How often a shard that was down is tried again (seconds).
    let retryInterval: Double
    static let cachedArticles = 4_096
    /// Rows whose articles are fetched with the search, so the first screen draws without asking.
    static let prefetchedRows = 40

    let reader: XapianReader
    /// The database folder or stub opened.
    public let path: String
    public let name: String
    public let articleCount: Int
    let documentCount: Int
    let termCount: Int
    private let articles = Mutex<[Int: Article]>([:])
    /// The list with no query, per order (`list(sort:)`); forgotten when the shards are reopened.
    let listings = Mutex<[ListOrder: ArticleList]>([:])
    private let trouble = Mutex<Trouble>(Trouble())

    struct Trouble {
        var problem: String?
        var lastRetry: Double = 0
        var shardsDown = false
    }

    /// Opens `path` (after `xapian:`): a database folder, a folder holding `shards.stub`, or a stub file.
    public init(
        path: String, timeoutMilliseconds: UInt32 = XapianEngine.timeoutFromEnvironment, retryInterval: Double = 2
    ) throws(XapianFailure) {
        self.retryInterval = retryInterval
        guard XapianFailure.isAvailable else { throw XapianFailure("xapian: " + Self.notBuilt) }
        var target = path
        var isFolder: ObjCBool = false
        let stub = (path as NSString).appendingPathComponent(Self.stubName)
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
            FileManager.default.fileExists(atPath: stub)
        {
            target = stub
        }
        do {
            reader = try XapianReader(path: target, timeoutMilliseconds: timeoutMilliseconds)
            (documentCount, articleCount, termCount) = try reader.counts()
        } catch {
            throw XapianFailure("xapian: \(path): \(error.description)")
        }
        self.path = target
        let folder = target.hasSuffix(Self.stubName) ? (target as NSString).deletingLastPathComponent : target
        name = URL(fileURLWithPath: folder).lastPathComponent
        noteShards()
    }

    /// What a build without the `Xapian` trait says.
    public static let notBuilt =
        "this folio was built without Xapian: install libxapian-dev and build with `swift build --traits Xapian` (or `make install`)"

    public static var timeoutFromEnvironment: UInt32 {
        ProcessInfo.processInfo.environment["FOLIO_XAPIAN_TIMEOUT"].flatMap { UInt32($0) }.map { max(1, $0) }
            ?? defaultTimeoutMilliseconds
    }

    /// The shards the stub names and why any is unavailable.
    public var shards: [(name: String, problem: String?)] { reader.shards.map { ($0.name, $0.problem) } }

    /// The article numbered `number`, from the cache or the shard holding it.
    func fetch(_ number: Int) -> Article {
        if let kept = articles.withLock({ $0[number] }) { return kept }
        let article: Article
        do {
            article = try reader.article(number) ?? XapianDocument.unavailable(number, because: "no such article")
        } catch {
            report(error)
            return XapianDocument.unavailable(number, because: error.description)
        }
        articles.withLock { kept in
            if kept.count >= Self.cachedArticles { kept.removeAll(keepingCapacity: true) }
            kept[number] = article
        }
        return article
    }

    /// A failure seen while reading rows or articles: said on the status line; the shards are
    /// checked again before the next search.
    func report(_ failure: XapianFailure) {
        trouble.withLock {
            $0.problem = "xapian: \(failure.description)"
            $0.shardsDown = true
            $0.lastRetry = 0
        }
    }

    /// Records which shards are unavailable, for `problem`. On the search thread (it waits for the reader).
    func noteShards() {
        let down = reader.shards.filter { $0.problem != nil }
        trouble.withLock { trouble in
            trouble.shardsDown = !down.isEmpty
            guard let first = down.first else {
                trouble.problem = nil
                return
            }
            let names = down.count == 1 ? "shard \(first.name)" : "\(down.count) shards (\(first.name), …)"
            trouble.problem = "\(names) unavailable: partial results"
        }
    }

    /// Reopens the shards when one was down and the last try is `retryInterval` old.
    func retryShardsIfDue() {
        let now = DispatchTime.now().seconds
        let due = trouble.withLock { trouble in
            guard trouble.shardsDown, now - trouble.lastRetry >= retryInterval else { return false }
            trouble.lastRetry = now
            return true
        }
        guard due else { return }
        try? reader.reopen()
        noteShards()
        articles.withLock { $0.removeAll() }
        listings.withLock { $0.removeAll() }
    }

    public var problem: String? { trouble.withLock { $0.problem } }

    func setProblem(_ text: String?) { trouble.withLock { $0.problem = text } }
}

extension DispatchTime {
    var seconds: Double { Double(uptimeNanoseconds) / 1e9 }
}
