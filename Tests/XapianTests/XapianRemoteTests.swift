import FolioCore
import FolioUI
import Foundation
import Testing

@testable import FolioXapian

/// Shards behind two `xapian-tcpsrv` servers on 127.0.0.1: the same answers as the local shards,
/// and faults (a server killed mid-session, frozen, or never there; a corrupt database) give one
/// line and partial results, never a crash or a hang. Skipped without xapian-tcpsrv.
@Suite(
    .serialized,
    .enabled(if: XapianFailure.isAvailable && TCPServer.program != nil, "needs the Xapian trait and xapian-tcpsrv"))
final class XapianRemoteTests {
    let fixture: XapianFixture
    let servers: [TCPServer]
    let stub: String

    init() throws {
        let fixture = try XapianFixture(count: 200, seed: 11)
        self.fixture = fixture
        servers = try (0..<2).map { try TCPServer(database: (fixture.folder as NSString).appendingPathComponent("shard-\($0)")) }
        stub = (fixture.folder as NSString).appendingPathComponent("remote.stub")
        try (servers.map(\.stubLine).joined(separator: "\n") + "\n").write(toFile: stub, atomically: true, encoding: .utf8)
    }

    deinit {
        for server in servers { server.stop() }
        fixture.remove()
    }

    @Test func remoteShardsAnswerAsTheLocalOnes() throws {
        let local = try XapianEngine(path: fixture.folder)
        let remote = try XapianEngine(path: stub, timeoutMilliseconds: 5_000)
        #expect(remote.report.articleCount == fixture.articles.count)
        #expect(remote.problem == nil)
        for query in XapianParityTests.queries {
            #expect(
                XapianFixture.ids(remote, query, mode: .complete) == XapianFixture.ids(local, query, mode: .complete), "\(query)")
        }
        // A prefix's expansion is weighed from each shard's own statistics when the shards are
        // remote: the same matches, ranked a little differently.
        for query in XapianParityTests.prefixes {
            #expect(
                Set(XapianFixture.ids(remote, query, mode: .incremental))
                    == Set(XapianFixture.ids(local, query, mode: .incremental)), "\(query)")
        }
        let first = try #require(remote.search("river").list.first)
        #expect(remote.article(at: first) == local.article(at: first))
    }

    @Test func aShardKilledMidSessionLeavesTheOtherAnsweringUntilItIsBack() throws {
        let remote = try XapianEngine(path: stub, timeoutMilliseconds: 5_000, retryInterval: 0)
        let everything = Set(XapianFixture.ids(remote, "river", mode: .complete))
        #expect(!everything.isEmpty)
        servers[1].stop()
        let partial = Set(XapianFixture.ids(remote, "river", mode: .complete))
        let onShard0 = everything.filter { XapianIndexer.shard(of: $0, among: 2) == 0 }
        #expect(partial == onShard0)
        #expect(remote.problem?.contains("127.0.0.1:\(servers[1].port)") == true)
        try servers[1].start()
        #expect(Set(XapianFixture.ids(remote, "river", mode: .complete)) == everything)
        #expect(remote.problem == nil)
    }

    @Test func theStatusLineNamesAShardThatIsDown() throws {
        let engine = try XapianEngine(path: stub, timeoutMilliseconds: 5_000, retryInterval: 0)
        servers[0].stop()
        _ = engine.search("river")
        let state = AppState(engine: engine, width: 100, height: 24)
        let status = Screen.render(state).text(ofRow: 23)
        #expect(status.contains("shard 127.0.0.1:\(servers[0].port) unavailable"), "\(status)")
    }

    @Test func aFrozenShardTimesOutInsteadOfHanging() throws {
        let remote = try XapianEngine(path: stub, timeoutMilliseconds: 300, retryInterval: 0)
        let everything = Set(XapianFixture.ids(remote, "bank", mode: .complete))
        servers[0].freeze(true)
        defer { servers[0].freeze(false) }
        let partial = Set(XapianFixture.ids(remote, "bank", mode: .complete))
        #expect(partial == everything.filter { XapianIndexer.shard(of: $0, among: 2) == 1 })
        #expect(remote.problem != nil)
    }

    @Test func aPortNobodyListensOnIsOneLine() throws {
        let port = try TCPServer.freePort()
        let lonely = (fixture.folder as NSString).appendingPathComponent("nobody.stub")
        try "remote tcp 127.0.0.1 \(port)\n".write(toFile: lonely, atomically: true, encoding: .utf8)
        let failure = #expect(throws: XapianFailure.self) { try XapianEngine(path: lonely, timeoutMilliseconds: 500) }
        #expect(failure?.description.contains("\n") == false)
        #expect(failure?.description.contains("127.0.0.1:\(port)") == true)
        // Beside a shard that answers: opened, with the missing one named.
        let half = (fixture.folder as NSString).appendingPathComponent("half.stub")
        try "\(servers[0].stubLine)\nremote 127.0.0.1:\(port)\n".write(toFile: half, atomically: true, encoding: .utf8)
        let engine = try XapianEngine(path: half, timeoutMilliseconds: 500)
        #expect(engine.notice?.contains("127.0.0.1:\(port)") == true)
        #expect(!engine.search("river").list.isEmpty)
    }

    @Test func aCorruptOrMissingDatabaseIsOneLine() throws {
        let corrupt = (fixture.folder as NSString).appendingPathComponent("corrupt")
        try FileManager.default.createDirectory(atPath: corrupt, withIntermediateDirectories: true)
        try Data("not a database at all".utf8).write(to: URL(fileURLWithPath: corrupt + "/iamglass"))
        try Data(repeating: 0xFF, count: 8192).write(to: URL(fileURLWithPath: corrupt + "/postlist.glass"))
        for path in [corrupt, fixture.folder + "/missing", fixture.folder + "/shard-0/iamglass"] {
            let failure = #expect(throws: XapianFailure.self) { try XapianEngine(path: path) }
            #expect(failure?.description.contains("\n") == false, "\(path)")
            #expect(failure?.description.hasPrefix("xapian: ") == true)
        }
    }
}
