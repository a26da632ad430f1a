import ArgumentParser

/// Where the reading state lives (read marks, bookmarks, positions, history).
struct StateOptions: ParsableArguments {
    @Option(
        name: .customLong("state"),
        help: ArgumentHelp(
            "The reading-state database (default: $XDG_STATE_HOME/folio/state.sqlite, else ~/.local/state/folio/state.sqlite).",
            valueName: "path"))
    var statePath: String?
}
