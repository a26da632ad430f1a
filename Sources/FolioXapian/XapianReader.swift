import CXapian
import FolioCore

/// A database or a stub of shards opened for reading: the Swift owner of the shim's `fx_reader`,
/// whose own mutex makes every call safe from any thread.
final class XapianReader: @unchecked Sendable {
    /// One shard as the stub names it, and why it is unavailable, if it is.
    struct Shard: Sendable, Equatable {
        var name: String
        var problem: String?
    }

    private let handle: OpaquePointer

    /// Opens `path` (a database folder or a stub file); remote shards answer within `timeoutMilliseconds`.
    init(path: String, timeoutMilliseconds: UInt32) throws(XapianFailure) {
        var handle: OpaquePointer?
        try XapianFailure.check(fx_reader_open(path, timeoutMilliseconds, &handle))
        guard let handle else { throw XapianFailure("\(path): could not be opened") }
        self.handle = handle
    }

    deinit { fx_reader_close(handle) }

    /// Opens every shard again: a shard back up is searched from the next query on.
    func reopen() throws(XapianFailure) { try XapianFailure.check(fx_reader_reopen(handle)) }

    var shards: [Shard] {
        var count = 0
        guard fx_reader_shards(handle, &count) == nil else { return [] }
        return (0..<count).map { index in
            var name: UnsafeMutablePointer<CChar>?
            var problem: UnsafeMutablePointer<CChar>?
            if let error = fx_reader_shard(handle, index, &name, &problem) {
                fx_free_string(error)
                return Shard(name: "shard \(index)", problem: "unknown")
            }
            return Shard(name: takeString(name) ?? "shard \(index)", problem: takeString(problem))
        }
    }

    /// Documents reachable, the size of the number space across shards, distinct terms (local shards).
    func counts() throws(XapianFailure) -> (documents: Int, numberSpace: Int, terms: Int) {
        var documents: UInt64 = 0
        var space: UInt64 = 0
        var terms: UInt64 = 0
        try XapianFailure.check(fx_reader_counts(handle, &documents, &space, &terms))
        return (Int(documents), Int(space), Int(terms))
    }

    /// The article numbered `number`; nil when there is none (deleted).
    func article(_ number: Int) throws(XapianFailure) -> Article? {
        guard number >= 0 else { return nil }
        var data: UnsafeMutablePointer<CChar>?
        var length = 0
        var found: Int32 = 0
        try XapianFailure.check(fx_reader_document(handle, UInt64(number), &data, &length, &found))
        guard found != 0, let data else { return nil }
        defer { fx_free_string(data) }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) {
            XapianDocument.decode(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// The number of the article whose id is `id`.
    func number(ofID id: String) throws(XapianFailure) -> Int? {
        let term = XapianPrefix.id + Array(id.utf8)
        var number: UInt64 = 0
        var found: Int32 = 0
        let error = term.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                fx_reader_number_of_term(handle, $0.baseAddress, $0.count, &number, &found)
            }
        }
        try XapianFailure.check(error)
        return found != 0 ? Int(number) : nil
    }

    /// The terms starting with `prefix`, most frequent first.
    func expand(_ prefix: [UInt8]) throws(XapianFailure) -> [[UInt8]] {
        var terms: UnsafeMutablePointer<CChar>?
        var length = 0
        let error = prefix.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                fx_reader_expand(handle, $0.baseAddress, $0.count, XapianQueryBuilder.prefixExpansion, &terms, &length)
            }
        }
        try XapianFailure.check(error)
        guard let terms else { return [] }
        defer { fx_free_string(terms) }
        return terms.withMemoryRebound(to: UInt8.self, capacity: length) {
            UnsafeBufferPointer(start: $0, count: length).split(separator: 0).map(Array.init)
        }
    }

    /// Up to `limit` of the article's most distinctive words, the best first (Xapian's relevance
    /// feedback over every reachable shard); empty when it has none.
    func relatedWords(of number: Int, limit: Int) throws(XapianFailure) -> [[UInt8]] {
        guard number >= 0 else { return [] }
        var terms: UnsafeMutablePointer<CChar>?
        var length = 0
        try XapianFailure.check(fx_reader_related_terms(handle, UInt64(number), UInt32(limit), &terms, &length))
        guard let terms else { return [] }
        defer { fx_free_string(terms) }
        return terms.withMemoryRebound(to: UInt8.self, capacity: length) {
            UnsafeBufferPointer(start: $0, count: length).split(separator: 0).map(Array.init)
        }
    }

    /// The matches of `query` in `sort` order, to be read window by window.
    func enquire(_ query: Query, sort: ListOrder) throws(XapianFailure) -> XapianMatches {
        let built = XapianQueryBuilder(expand: { [self] in (try? expand($0)) ?? [] }).build(query)
        defer { fx_query_free(built) }
        var enquire: OpaquePointer?
        let order: fx_sort =
            switch sort {
            case .relevance: query.clauses.isEmpty ? FX_SORT_DATE : FX_SORT_RELEVANCE
            case .date: FX_SORT_DATE
            case .title: FX_SORT_TITLE
            case .source: FX_SORT_SOURCE
            }
        try XapianFailure.check(fx_enquire_open(handle, built, Int32(order.rawValue), &enquire))
        guard let enquire else { throw XapianFailure("the query could not be run") }
        return XapianMatches(enquire, owner: self)
    }
}

/// One query's ranked matches on the server side: the shim's `fx_enquire`, read a window at a time.
final class XapianMatches: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Keeps the reader (and its lock) alive as long as these matches.
    private let owner: XapianReader

    init(_ handle: OpaquePointer, owner: XapianReader) {
        self.handle = handle
        self.owner = owner
    }

    deinit { fx_enquire_close(handle) }

    /// Rows `first..<first + count`, as numbers and scores. The first window read counts every
    /// match too, unless `estimating`: then `estimate()` says how many there may be.
    func window(from first: Int, count: Int, estimating: Bool = false) throws(XapianFailure) -> [SearchMatch] {
        var numbers = [UInt64](repeating: 0, count: count)
        var weights = [Double](repeating: 0, count: count)
        var returned: UInt32 = 0
        try XapianFailure.check(
            fx_enquire_window(
                handle, UInt64(first), UInt32(count), estimating ? 1 : 0, &numbers, &weights, &returned))
        return (0..<Int(returned)).map { SearchMatch(article: Int(numbers[$0]), score: Float(weights[$0]), isFuzzy: false) }
    }

    /// After a first window read `estimating`: the matches there are at least and likely, and
    /// whether those are the exact count (all were checked anyway, as for a rare word).
    func estimate() throws(XapianFailure) -> (lower: Int, likely: Int, isExact: Bool) {
        var lower: UInt64 = 0
        var likely: UInt64 = 0
        var exact: Int32 = 0
        try XapianFailure.check(fx_enquire_estimate(handle, &lower, &likely, &exact))
        return (Int(lower), Int(likely), exact != 0)
    }

    /// The exact number of matches (scores every match the first time; kept).
    func count() throws(XapianFailure) -> Int {
        var count: UInt64 = 0
        try XapianFailure.check(fx_enquire_count(handle, &count))
        return Int(count)
    }
}
