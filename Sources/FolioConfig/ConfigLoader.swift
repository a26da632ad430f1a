import Foundation
import TOMLKit

/// Reads `config.toml`. Never throws and never stops folio: every problem becomes a diagnostic with
/// its line, and the setting it touches keeps its default.
public enum ConfigLoader {
    /// Parses TOML text. Unknown tables and keys, wrong types, out-of-range numbers, unknown colours,
    /// actions and key names, and conflicting key bindings are reported with their line numbers and
    /// skipped; a TOML syntax error is reported with its line and column, and everything keeps its
    /// default (nothing in a broken file can be trusted).
    /// - Parameter environment: for `HOME`, which expands `~` in `corpus`.
    public static func parse(
        _ text: String, fileName: String = "config.toml",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (FolioConfiguration, [ConfigDiagnostic]) {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let begin = error.source.begin
            let diagnostic = ConfigDiagnostic(
                file: fileName, line: begin.line > 0 ? begin.line : nil, column: begin.column > 0 ? begin.column : nil,
                message: "TOML syntax error: \(error.description); using the default configuration")
            return (.defaults, [diagnostic])
        } catch {
            return (.defaults, [ConfigDiagnostic(file: fileName, line: nil, message: "cannot parse: \(error)")])
        }
        var configuration = FolioConfiguration.defaults
        var reader = ConfigReader(fileName: fileName, text: text, environment: environment)
        reader.read(root, into: &configuration)
        return (configuration, reader.diagnostics)
    }

    /// Where folio looks for its config: `$XDG_CONFIG_HOME/folio/config.toml`, or
    /// `~/.config/folio/config.toml` when `XDG_CONFIG_HOME` is unset, empty or relative (the XDG
    /// base directory specification says to ignore relative paths).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
            return join(base, "folio/config.toml")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return join(home, ".config/folio/config.toml")
    }

    /// Reads and parses the file at `path`. A missing file is the defaults without a diagnostic
    /// (no config is the usual case) unless `mustExist` (a path the user named, `--config PATH`);
    /// a file that cannot be read, or is not UTF-8, gives one diagnostic and the defaults.
    public static func load(
        path: String, mustExist: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (FolioConfiguration, [ConfigDiagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return (.defaults, mustExist ? [ConfigDiagnostic(file: path, line: nil, message: "no such file")] : [])
        }
        func failure(_ message: String) -> (FolioConfiguration, [ConfigDiagnostic]) {
            (.defaults, [ConfigDiagnostic(file: path, line: nil, message: message + "; using the default configuration")])
        }
        if isDirectory.boolValue { return failure("is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else { return failure("cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { return failure("is not UTF-8 text") }
        return parse(text, fileName: path, environment: environment)
    }

    private static func join(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}
