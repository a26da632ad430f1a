import Foundation
import Testing

/// folio in restricted mode under what an SSH visitor's terminal can do (issue 21): window sizes
/// up to 65,535 either way, a 20 KB paste (plain and bracketed), a 2 KB/s link, a TERM unknown
/// here. The pty driving is a Python script (Tests/Kiosk), since tmux cannot make such windows
/// or links; it can also be run by hand.
@Suite(.serialized, .enabled(if: HostileScripts.isAvailable, "/usr/bin/python3 is not installed"))
struct KioskTerminalEndToEndTests {
    static let script = HostileTerminalOutputTests.repository.appending(path: "Tests/Kiosk/check_kiosk_terminal.py").path

    /// How long q may take. On CI (2 shared cores, other suites running alongside) twice as long
    /// as on a workstation; before the fixes these took 16 s, minutes, or never came.
    static var limits: [String] {
        let onCI = ProcessInfo.processInfo.environment["CI"] == "true"
        return onCI
            ? ["--quit-limit", "2", "--paste-limit", "4", "--slow-limit", "6"]
            : ["--quit-limit", "1", "--paste-limit", "2", "--slow-limit", "3"]
    }

    @Test(arguments: ["sizes", "start-size", "paste", "bracketed", "slow-link", "unknown-term"])
    func folioWithstands(scenario: String) throws {
        let folio = try #require(FolioBinary.url, "the folio binary was not built")
        let scratch = FileManager.default.temporaryDirectory.appending(path: "folio-kiosk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appending(path: "output.txt").path
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment["TMPDIR"] = scratch.path
        let status = TmuxSession.spawn(
            HostileScripts.python, [Self.script, folio.path, scenario] + Self.limits, environment: environment, output: output)
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(status == 0, "\(scenario): \(text)")
        #expect(text.hasPrefix("\(scenario):") && !text.contains("FAILED"), "\(text)")
    }
}
