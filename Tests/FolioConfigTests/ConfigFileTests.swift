import FolioConfig
import Foundation
import Testing

struct ConfigFileTests {
    @Test func defaultPathHonoursXDGConfigHome() {
        #expect(
            ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/home/ada"])
                == "/x/conf/folio/config.toml")
        #expect(ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/conf/"]) == "/x/conf/folio/config.toml")
    }

    @Test func defaultPathFallsBackToHome() {
        #expect(ConfigLoader.defaultPath(environment: ["HOME": "/home/ada"]) == "/home/ada/.config/folio/config.toml")
        // Empty or relative XDG_CONFIG_HOME is ignored (XDG base directory specification).
        #expect(
            ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/ada"])
                == "/home/ada/.config/folio/config.toml")
        #expect(
            ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": "conf", "HOME": "/home/ada"])
                == "/home/ada/.config/folio/config.toml")
        #expect(ConfigLoader.defaultPath(environment: [:]).hasSuffix("/.config/folio/config.toml"))
    }

    /// A fresh folder for one test, removed by the caller.
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func missingFileIsTheDefaultsWithoutDiagnostics() {
        let (configuration, diagnostics) = ConfigLoader.load(path: "/nonexistent/folio/config.toml")
        #expect(configuration == .defaults)
        #expect(diagnostics == [])
    }

    @Test func missingNamedFileIsReported() {
        let (configuration, diagnostics) = ConfigLoader.load(path: "/nonexistent/config.toml", mustExist: true)
        #expect(configuration == .defaults)
        #expect(diagnostics == [ConfigDiagnostic(file: "/nonexistent/config.toml", line: nil, message: "no such file")])
    }

    @Test func loadsAFileAndNamesItInDiagnostics() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("config.toml").path
        try "[layout]\nmeasure = 70\n\nbogus = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (configuration, diagnostics) = ConfigLoader.load(path: path)
        #expect(configuration.measure == 70)
        #expect(
            diagnostics.map(\.description) == [
                "\(path):4: unknown key 'bogus' in [layout]; expected one of 'side_by_side_width', 'list_width', 'measure'"
            ])
    }

    @Test func aDirectoryIsUnreadable() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (configuration, diagnostics) = ConfigLoader.load(path: folder.path)
        #expect(configuration == .defaults)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == nil)
        #expect(diagnostics.first?.message.hasPrefix("is a directory") == true)
    }

    @Test func notUTF8IsOneDiagnostic() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("config.toml").path
        try Data([0x5B, 0x6B, 0xFF, 0xFE, 0x5D]).write(to: URL(fileURLWithPath: path))
        let (configuration, diagnostics) = ConfigLoader.load(path: path)
        #expect(configuration == .defaults)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("is not UTF-8") == true)
    }
}
