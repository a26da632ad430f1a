import Foundation
import Testing

@testable import FolioCore

/// Symlinks never lead a load out of the corpus folder unless asked to, and never into /proc, /sys
/// or /dev: no file outside becomes an article, no walk of the whole file system, no hang.
@Suite struct CorpusBoundaryTests {
    private func load(_ path: String, followLinks: Bool = false) throws -> (articles: [Article], report: LoadReport) {
        let loaded = withDeadline(seconds: 30) {
            Result { () throws(CorpusError) in try CorpusLoader(options: LoadOptions(followLinks: followLinks)).load(path: path) }
        }
        return try #require(loaded, "loading \(path) did not return within 30 s").get()
    }

    @Test func linksToFilesOutsideAreSkippedAndCounted() throws {
        let corpus = try TemporaryDirectory()
        let outside = try TemporaryDirectory()
        try corpus.write("inside.txt", "Inside\n\nText.")
        let secret = try outside.write("secret.txt", "Secret\n\nNot for the corpus.")
        try corpus.link("secret.txt", to: secret)
        try corpus.link("passwd", to: "/etc/passwd")
        try corpus.link("relative.txt", to: "../" + outside.url.lastPathComponent + "/secret.txt")
        let (articles, report) = try load(corpus.path)
        #expect(articles.map(\.id) == ["inside.txt"])
        #expect(report.skipped == [.linkOutsideCorpus: 3])
        #expect(report.skippedExamples[.linkOutsideCorpus] == ["passwd", "relative.txt", "secret.txt"])
        // Asked for, they are followed.
        let followed = try load(corpus.path, followLinks: true)
        #expect(followed.articles.map(\.id) == ["inside.txt", "passwd", "relative.txt", "secret.txt"])
    }

    @Test func aLinkToAFolderOutsideIsNotWalked() throws {
        let corpus = try TemporaryDirectory()
        let outside = try TemporaryDirectory()
        try corpus.write("inside.txt", "Inside\n\nText.")
        try outside.write("a.txt", "Outside A\n\nText.")
        try outside.write("deeper/b.txt", "Outside B\n\nText.")
        try corpus.link("elsewhere", to: outside.path)
        let (articles, report) = try load(corpus.path)
        #expect(articles.map(\.id) == ["inside.txt"])
        #expect(report.skipped == [.linkOutsideCorpus: 1])
        let followed = try load(corpus.path, followLinks: true)
        #expect(followed.articles.map(\.id) == ["elsewhere/a.txt", "elsewhere/deeper/b.txt", "inside.txt"])
    }

    @Test func aLinkToTheRootIsSkippedAtOnce() throws {
        let corpus = try TemporaryDirectory()
        try corpus.write("inside.txt", "Inside\n\nText.")
        try corpus.link("everything", to: "/")
        let (articles, report) = try load(corpus.path)
        #expect(articles.map(\.id) == ["inside.txt"])
        #expect(report.skipped == [.linkOutsideCorpus: 1])
    }

    @Test func linksInsideStillWorkAndLoopsEnd() throws {
        let corpus = try TemporaryDirectory()
        let outside = try TemporaryDirectory()
        try corpus.write("real/article.txt", "Article\n\nText.")
        try corpus.link("alias", to: "real")
        try corpus.link("shortcut.txt", to: "real/article.txt")
        try corpus.link("real/up", to: "..")
        // A way out and back in: through a folder outside that links back to the corpus.
        try outside.link("back", to: corpus.path)
        try corpus.link("out", to: outside.path)
        let (articles, report) = try load(corpus.path)
        #expect(articles.map(\.id) == ["alias/article.txt", "shortcut.txt"])
        #expect(report.skipped == [.symlinkLoop: 2, .linkOutsideCorpus: 1])
        // Following links, the loop through the outside folder ends too.
        let followed = try load(corpus.path, followLinks: true)
        #expect(followed.articles.map(\.id) == ["alias/article.txt", "shortcut.txt"])
        #expect(followed.report.skipped == [.symlinkLoop: 3])
    }

    @Test func kernelFileSystemsAreNeverEntered() throws {
        let corpus = try TemporaryDirectory()
        try corpus.write("inside.txt", "Inside\n\nText.")
        try corpus.link("proc", to: "/proc")
        try corpus.link("self", to: "/proc/self")
        try corpus.link("status.txt", to: "/proc/self/status")
        try corpus.link("sys", to: "/sys")
        try corpus.link("devices", to: "/dev")
        // Even when links are followed.
        for followLinks in [false, true] {
            let (articles, report) = try load(corpus.path, followLinks: followLinks)
            #expect(articles.map(\.id) == ["inside.txt"])
            #expect(report.skipped == [.kernelFileSystem: 5], "followLinks: \(followLinks)")
        }
    }

    @Test(arguments: ["/proc", "/proc/self/root", "/proc/1/cwd", "/sys", "/dev", "/proc/self/status"])
    func aKernelFileSystemAsTheCorpusIsRefusedAtOnce(path: String) throws {
        let outcome = withDeadline(seconds: 30) {
            Result { () throws(CorpusError) in try CorpusLoader(options: LoadOptions(followLinks: true)).load(path: path) }
        }
        let result = try #require(outcome, "loading \(path) did not return within 30 s")
        #expect(throws: CorpusError.self) { try result.get() }
        guard case .failure(.empty(_, let summary)) = result else { return }
        #expect(summary.skipped == 1)
        #expect(summary.reasons.contains(SkipReason.kernelFileSystem.explanation))
    }

    @Test func aFileSwappedForALinkAfterTheScanIsNotRead() throws {
        let corpus = try TemporaryDirectory()
        let outside = try TemporaryDirectory()
        try corpus.write("a.txt", "A\n\nText.")
        try corpus.write("b.txt", "B\n\nText.")
        let secret = try outside.write("secret.txt", "Secret\n\nNot for the corpus.")
        var report = LoadReport()
        let candidates = try CorpusScanner(options: LoadOptions()).scan(root: corpus.path, report: &report)
        // Between the scan and the read, b.txt becomes a link out of the corpus.
        try FileManager.default.removeItem(atPath: corpus.path + "/b.txt")
        try corpus.link("b.txt", to: secret)
        let (articles, loaded) = try CorpusLoader().load(candidates: candidates, scanReport: report, path: corpus.path)
        #expect(articles.map(\.title) == ["A"])
        #expect(loaded.skipped == [.unreadable: 1])
    }

    @Test func kernelFileSystemDevicesComeFromTheMountTable() {
        let table = """
            22 1 0:21 / /proc rw,nosuid - proc proc rw
            23 1 0:22 / /sys rw - sysfs sysfs rw
            24 1 259:2 / / rw - ext4 /dev/nvme0n1p2 rw
            25 24 0:45 / /mnt/host\\040proc rw - proc proc rw
            26 1 0:30 / /dev/shm rw - tmpfs tmpfs rw
            """
        let devices = MountTable.kernelFileSystemDevices(mountInfo: table)
        #expect(
            devices == [
                MountTable.deviceNumber(major: 0, minor: 21), MountTable.deviceNumber(major: 0, minor: 22),
                MountTable.deviceNumber(major: 0, minor: 45)
            ])
        var info = stat()
        #expect(stat("/proc", &info) == 0)
        #expect(MountTable.kernelFileSystemDevices().contains(UInt64(info.st_dev)), "st_dev of /proc as mountinfo lists it")
    }
}
