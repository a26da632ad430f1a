import Foundation
import Testing

/// `folio list` and `folio show` on an HTML page and on MIME messages (the fixtures of FolioCoreTests),
/// and on broken pages, which must not make libxml2 print anything.
@Suite struct HTMLAndMailCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "FolioCoreTests/Fixtures")

    /// A corpus folder holding copies of the named fixtures (and `extra` files), removed afterwards.
    private func withCorpus(
        _ names: [String], extra: [String: [UInt8]] = [:], _ body: (URL) throws -> Void
    ) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "folio-cli-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in names {
            try FileManager.default.copyItem(
                at: Self.fixtures.appending(path: name), to: folder.appending(path: String(name.split(separator: "/").last!)))
        }
        for (name, bytes) in extra { try Data(bytes).write(to: folder.appending(path: name)) }
        try body(folder)
    }

    @Test func listAndShowReadAnHTMLPageAndMIMEMessages() throws {
        let names = ["html/news-article.html", "mail/quoted-printable.eml", "mail/shift-jis.eml", "mail/missing-end-boundary.eml"]
        try withCorpus(names) { folder in
            let list = try FolioProcess.run(["list", folder.path, "--format", "tsv"])
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stderr.isEmpty)
            #expect(list.stdout.contains("news-article.html\t2024-03-18\tThe Coastal Courier\t"))
            #expect(list.stdout.contains("Harbour town opens its tide mill again"))
            #expect(list.stdout.contains("quoted-printable.eml\t2024-03-05\t"))
            #expect(list.stdout.contains("Notes from the café meeting"))
            #expect(list.stdout.contains("天気予報"))

            let page = try FolioProcess.run(["show", "news-article.html", folder.path, "--width", "200"])
            #expect(page.status == 0, "\(page.stderr)")
            #expect(page.stdout.contains("said [the mill trust](https://mill-trust.example/about), and"))
            #expect(page.stdout.contains("## How the wheel works"))
            #expect(!page.stdout.contains("Site footer"))

            let mail = try FolioProcess.run(["show", "missing-end-boundary.eml", folder.path])
            #expect(mail.status == 0, "\(mail.stderr)")
            #expect(mail.stdout.contains("The minutes of Tuesday's meeting are attached."))
            #expect(mail.stdout.contains("[attachment: minutes.pdf, 12 KB]"))
            #expect(!mail.stdout.contains("HTML VERSION"))
        }
    }

    @Test func brokenPagesPrintNothingOnStandardError() throws {
        let broken: [String: [UInt8]] = [
            "unclosed.html": Array(
                "<html><body><p>open <b><i>never closed <table><tr><td>cell &bogus; &#xFFFFFFFF; </x></y>".utf8),
            "junk.htm": (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) | 1 },
            "tags-only.html": Array(String(repeating: "<div><span></div></span>", count: 2000).utf8),
            "empty-body.html": Array("<!DOCTYPE html><html><head></head><body></body></html>".utf8)
        ]
        try withCorpus(["html/title-only.html"], extra: broken) { folder in
            let stats = try FolioProcess.run(["stats", folder.path])
            #expect(stats.status == 0, "\(stats.stderr)")
            #expect(stats.stderr.isEmpty, "libxml2 or folio printed: \(stats.stderr)")
            let list = try FolioProcess.run(["list", folder.path, "--format", "tsv"])
            #expect(list.stderr.isEmpty, "\(list.stderr)")
            #expect(list.stdout.contains("A page with only a title element"))
            #expect(!list.stdout.contains("\u{1B}"))
        }
    }
}
