import ArgumentParser
import FolioConfig
import FolioCore
import Foundation
import TerminalCore

/// `--config PATH`: the configuration file (default `$XDG_CONFIG_HOME/folio/config.toml`).
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "The configuration file (default: $XDG_CONFIG_HOME/folio/config.toml, else ~/.config/folio/config.toml).",
            valueName: "path"))
    var configPath: String?

    /// The configuration, with every problem already printed to stderr (one line each, with its line
    /// number); the reader also shows the first one in its status line.
    func load() -> (configuration: FolioConfiguration, diagnostics: [ConfigDiagnostic]) {
        let (configuration, diagnostics) = ConfigLoader.load(
            path: configPath ?? ConfigLoader.defaultPath(), mustExist: configPath != nil)
        for diagnostic in diagnostics { printError(diagnostic.description) }
        return (configuration, diagnostics)
    }
}

/// `folio config --default`: the full default configuration, documented.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default configuration (or check a configuration file).",
        discussion: """
            Examples:
              folio config --default > ~/.config/folio/config.toml
              folio config --check ~/.config/folio/config.toml
            """)

    @Flag(name: .customLong("default"), help: "Print the full default config.toml, with comments.")
    var printDefault = false

    @Option(
        name: .customLong("check"), help: ArgumentHelp("Report the problems in a config file (exit 1 if any).", valueName: "path")
    )
    var checkPath: String?

    func validate() throws {
        if printDefault == (checkPath != nil) { throw ValidationError("give exactly one of --default or --check PATH") }
    }

    func run() throws {
        if printDefault {
            print(ConfigLoader.defaultText, terminator: ConfigLoader.defaultText.hasSuffix("\n") ? "" : "\n")
            return
        }
        let (_, diagnostics) = ConfigLoader.load(path: checkPath!, mustExist: true)
        for diagnostic in diagnostics { print(diagnostic.description) }
        if !diagnostics.isEmpty { throw FolioExit.nothingFound }
        print("\(VisibleControls.escape(checkPath!)): no problems")
    }
}
