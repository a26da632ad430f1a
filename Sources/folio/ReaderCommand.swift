import ArgumentParser
import CursesTerminal
import FolioConfig
import FolioCore
import FolioUI
import Foundation

/// `folio [PATH]`: the interactive reader. When stdin or stdout is not a terminal it prints the
/// list instead (as `folio list`), so `folio | head` and scripts do something useful.
struct ReaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the interactive reader (the default command).",
        discussion: """
            Keys: / search, j/k move, Enter open, n/N next/previous hit, Tab switch pane,
            s sort, z zoom, ? all keys, q back or quit.

            Examples:
              folio                  the built-in articles
              folio ~/news           a folder of articles
              NO_COLOR=1 folio ~/news
            """)

    @Argument(help: "A folder of articles (searched recursively) or one article file. Default: the built-in articles.")
    var path: String?

    @OptionGroup var corpus: CorpusOptions

    @OptionGroup var state: StateOptions

    @OptionGroup var config: ConfigOptions

    @Flag(
        help: ArgumentHelp(
            "Restricted mode for SSH visitors (also FOLIO_RESTRICTED=1): no pager, editor, command, browser or suspend; no config but one named here; marks last the session (see --state-per-visitor) and no search history is kept."
        ))
    var restricted = false

    @Flag(
        name: .customLong("state-per-visitor"),
        help: ArgumentHelp(
            "Restricted mode: keep each visitor's marks, bookmarks and positions in the --state file, by the fingerprint of the SSH key they logged in with (sshd's ExposeAuthInfo yes); a visitor without a key gets them for the session only."
        ))
    var statePerVisitor = false

    /// The flag, or FOLIO_RESTRICTED set to anything but "" or "0" (an sshd ForceCommand may set either).
    var isRestricted: Bool {
        let variable = ProcessInfo.processInfo.environment["FOLIO_RESTRICTED"] ?? ""
        return restricted || !(variable.isEmpty || variable == "0")
    }

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            var list = try ListCommand.parse(path.map { [$0] } ?? [])
            list.corpus = corpus
            if isRestricted { list.corpus.followLinks = false }
            try list.run()
            return
        }
        let echo = TypeaheadEcho.silence()
        defer { echo.restore() }
        let restricted = isRestricted
        let statePlan = try StatePlan.decide(restricted: restricted, statePath: state.statePath, perVisitor: statePerVisitor)
        // Restricted: only a config named on the command line (the ForceCommand's), never the
        // account's own; and no corpus from it: PATH or the built-in articles.
        let (configuration, diagnostics) =
            restricted && config.configPath == nil
            ? (FolioConfiguration.defaults, []) : config.load()
        let corpusPath = path ?? (restricted ? nil : configuration.defaultCorpus)
        // The list is painted from the articles; the index builds meanwhile (searches scan until then).
        let progress = LoadProgressLine()
        let engine: any SearchEngine
        let checkAtStart: Bool
        let reload: ReloadSource?
        do {
            // Restricted: links out of the corpus are never followed, whatever the flag or the config say.
            let followLinks = !restricted && (corpus.followLinks || configuration.followLinks)
            let fieldNames = try corpus.fieldNames(configured: configuration.fields)
            (engine, checkAtStart, reload) = try corpus.openForReader(
                path: corpusPath, followLinks: followLinks, fieldNames: fieldNames, progress: progress.update)
            progress.finish()
        } catch {
            progress.finish()  // the error's line starts on a clean line
            throw error
        }
        // A Xapian corpus has no article files to hand to an editor; its state is kept by its database path.
        let isXapian = XapianCorpus.databasePath(in: corpusPath) != nil
        let root = isXapian ? nil : corpusPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let keeper = StateKeeper(
            plan: statePlan, corpus: StateKeeper.key(forPath: XapianCorpus.stateRoot(of: corpusPath), builtinName: engine.name),
            articles: engine)
        let configProblem =
            diagnostics.first.map {
                diagnostics.count == 1 ? "config: \($0)" : "config: \(diagnostics.count) problems, first: \($0)"
            } ?? engine.notice
        try ReaderSession(
            engine: engine, corpusRoot: root, keeper: keeper, configuration: configuration, configProblem: configProblem,
            isRestricted: restricted, reload: reload, checkAtStart: checkAtStart
        ).run()
    }
}
