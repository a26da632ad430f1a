import CursesTerminal
import FolioConfig
import FolioCore
import FolioUI
import Foundation
import TerminalCore

/// The run loop: key → action → reduce → render → present (Documentation/architecture.md §3). The only impure part of
/// the reader; it owns the terminal and the background search queue.
final class ReaderSession {
    private var state: AppState
    private var searcher: BackgroundSearch
    private let theme: Theme
    private var handOffs: HandOffRunner
    /// How to read the corpus folder again (nil for the built-in articles).
    private let reloadSource: ReloadSource?
    /// After the first paint: check the folder the list was painted from (its snapshot).
    private let checkAtStart: Bool
    private var recheck: CorpusRecheck?
    /// What the running recheck is for: the reload key or the folder watch (nil: the check at start).
    private var recheckCause: ReloadCause?
    /// A reload asked for while a recheck ran: started when it ends.
    private var queuedReload: ReloadCause?
    private var watcher: FolderWatcher?
    private let keeper: StateKeeper

    private let configProblem: String?
    /// config.toml's `mouse` (on unless turned off).
    private let usesMouse: Bool
    /// While input is applied in a batch, the search its last key asked for (see `readInput`).
    private var deferredSearch: Effect?
    private var isBatching = false
    /// When the last key came or the last results landed: results with an estimated count are
    /// counted once both are a pause ago.
    private var lastActivity = DispatchTime.now()
    /// The generation whose estimated count is being made exact (`BackgroundSearch.settle`).
    private var settling: Int?

    init(
        engine: any SearchEngine, corpusRoot: String?, keeper: StateKeeper, configuration: FolioConfiguration,
        configProblem: String?, isRestricted: Bool = false, reload: ReloadSource? = nil, checkAtStart: Bool = false
    ) {
        self.keeper = keeper
        reloadSource = reload
        self.checkAtStart = checkAtStart
        self.configProblem = configProblem
        usesMouse = configuration.mouse
        handOffs = HandOffRunner(engine: engine, corpusRoot: corpusRoot, environment: ProcessInfo.processInfo.environment)
        state = AppState(engine: engine, width: 80, height: 24)
        state.keyMap = configuration.keyMap
        state.layoutSettings = Layout.Settings(
            sideBySideWidth: configuration.sideBySideWidth, listWidth: configuration.listWidth, measure: configuration.measure)
        state.sort = configuration.defaultSort
        state.isRestricted = isRestricted
        state.indexingProgress = engine.state.progress
        searcher = BackgroundSearch(engine: engine)
        let environment = ProcessInfo.processInfo.environment
        theme = (environment["NO_COLOR"] ?? "").isEmpty ? configuration.theme : .monochrome
    }

    func run() throws {
        SignalFlags.install()
        let useColor = (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        var options = CursesTerminal.Options(useColor: useColor)
        options.usesMouse = usesMouse
        let terminal = try CursesTerminal(options: options)
        defer { terminal.shutdown() }
        let activeTheme = terminal.hasColor ? theme : .monochrome
        let size = terminal.size
        _ = reduce(&state, .resize(width: size.width, height: size.height))
        run(reduce(&state, .restore(keeper.load())), terminal: terminal)
        if let problem = keeper.problem ?? configProblem ?? terminal.terminalNote { state.message = problem }
        terminal.present(Screen.render(state, theme: activeTheme))
        // Only now: the build (or a snapshot's check behind the list) takes every core, and the
        // first paint must not share them with it (sharing them slows the first paint).
        IndexBuildThread.start(state.engine)
        searcher.warmUp()
        if checkAtStart { recheck = reloadSource?.recheck(state.engine) }
        if let reloadSource, reloadSource.isFolder { watcher = FolderWatcher(root: reloadSource.path) }
        defer { watcher?.stop() }
        // A closed input (the SSH link or terminal gone while SIGHUP is ignored) ends the session
        // too; otherwise get_wch would return at once forever and spin.
        var frame = DeferredFrame()
        var isFrameWaiting = false
        while !state.shouldQuit && SignalFlags.pendingSignal == nil && !terminal.isInputClosed {
            // While a search runs, wait for its result (woken the moment it lands) and look at the
            // keyboard every millisecond; while a frame waits for a slow terminal to take the last
            // one, look again soon; otherwise wait for a key, waking now and then while the index
            // builds, for its progress.
            settleCountIfDue()
            let isCounting = searcher.isSettling
            if state.isSearching || isCounting { searcher.waitForFinished(milliseconds: 1) }
            let timeout: Int32 =
                state.isSearching || isCounting
                ? 0
                : state.results?.list.estimatedCount != nil && settling != state.searchGeneration
                    ? 20  // to notice the pause that starts the count
                    : isFrameWaiting
                        ? 10
                        : state.indexingProgress != nil || recheck != nil ? 100 : 250
            var changed = readInput(terminal, timeoutMilliseconds: timeout)
            // A count that failed posts nothing: draw the status line that names the shard.
            if isCounting && !searcher.isSettling { changed = true }
            // A resize whose KEY_RESIZE was folded into an earlier one (tmux resizes width and
            // height separately) must not leave the screen at the old size: compare on every wake-up.
            _ = terminal.synchronizeSize()
            let current = terminal.size
            if current.width != state.width || current.height != state.height {
                changed = handle(.event(.resize(width: current.width, height: current.height)), terminal: terminal) || changed
            }
            if state.indexingProgress != nil { changed = followIndexing(terminal: terminal) || changed }
            if watcher?.takeChange() == true { requestReload(.watch) }
            if recheck != nil { changed = followRecheck(terminal: terminal) || changed }
            if let finished = searcher.takeFinished() {
                lastActivity = DispatchTime.now()
                run(
                    reduce(&state, .searchFinished(generation: finished.generation, results: finished.results)),
                    terminal: terminal)
                changed = true
            }
            if frame.isDue(changed: changed, isSearching: state.isSearching) { isFrameWaiting = true }
            // Over a slow link the last frame may still be on its way: the keys go on being read
            // meanwhile, and only the state after them is drawn once the terminal has taken it.
            if isFrameWaiting && !terminal.isSendingFrame {
                terminal.present(Screen.render(state, theme: activeTheme))
                isFrameWaiting = false
            }
        }
        terminal.shutdown()
        // Stopped by a signal: the terminal is restored; exit as the shell expects (128 + signal).
        if let signal = SignalFlags.pendingSignal { throw FolioExit(status: 128 + signal, message: nil) }
    }

    /// Applies all the input already there (a paste typed without bracketed paste arrives as
    /// thousands of keys) before searching or drawing: the searches the keys ask for collapse into
    /// the last one, run once at the end. Stops after `batchLimit` so the screen keeps up with a
    /// stream that never pauses. True when anything changed.
    private func readInput(_ terminal: CursesTerminal, timeoutMilliseconds: Int32) -> Bool {
        var changed = false
        let deadline = DispatchTime.now().uptimeNanoseconds + Self.batchLimit
        deferredSearch = nil
        isBatching = true
        var input = terminal.nextInput(timeoutMilliseconds: timeoutMilliseconds)
        if input != nil { lastActivity = DispatchTime.now() }
        while let current = input {
            changed = handle(current, terminal: terminal) || changed
            guard !state.shouldQuit, DispatchTime.now().uptimeNanoseconds < deadline else { break }
            input = terminal.nextInput(timeoutMilliseconds: 0)
        }
        isBatching = false
        // A later key may have emptied the query (no search) after an earlier one asked for one.
        if let search = deferredSearch, case .search(_, _, let generation) = search, generation == state.searchGeneration {
            run([search], terminal: terminal)
        }
        deferredSearch = nil
        return changed
    }

    /// How long one batch of input may take before the loop draws (a frame at 20 Hz).
    private static let batchLimit: UInt64 = 50_000_000

    /// Results shown with an estimated count (a remote engine's first rows while typing,
    /// architecture.md §9) are counted once the user pauses or leaves the search bar: counting
    /// scores every match, and a key typed meanwhile would wait for it.
    private func settleCountIfDue() {
        guard !state.isSearching, let results = state.results, results.list.estimatedCount != nil,
            settling != state.searchGeneration
        else { return }
        let paused = DispatchTime.now().uptimeNanoseconds - lastActivity.uptimeNanoseconds >= Self.typingPause
        guard paused || state.focus != .search else { return }
        settling = state.searchGeneration
        searcher.settle(results, generation: state.searchGeneration)
    }

    /// A pause this long after the last key and the results it brought ends typing, as far as
    /// counting is concerned: keys a typist strings together come closer than this, and a key
    /// typed while the count runs waits for it.
    private static let typingPause: UInt64 = 300_000_000

    /// Whether a search may answer with its first rows and an estimated count: only while a query
    /// is typed into the plain list (reversed or filtered, the rows shown depend on the count).
    private var searchesFirstRows: Bool {
        state.focus == .search && !state.isReversed && state.filter == .all && state.sourceFilter == nil
    }

    /// Passes the background build's progress to the state, and its end; true when the screen changed.
    private func followIndexing(terminal: CursesTerminal) -> Bool {
        guard let progress = state.engine.state.progress else {
            run(reduce(&state, .indexReady), terminal: terminal)
            return true
        }
        guard Int(progress * 100) != Int((state.indexingProgress ?? 0) * 100) else { return false }
        run(reduce(&state, .indexProgress(progress)), terminal: terminal)
        return true
    }

    /// Passes the folder check's progress to the state and, when the folder had changed, moves the
    /// reader (searches, hand-offs, the state store's positions) onto the re-read corpus.
    private func followRecheck(terminal: CursesTerminal) -> Bool {
        guard let outcome = recheck?.take() else { return false }
        let cause = recheckCause
        switch outcome {
        case .working(let reload):
            guard reload?.description != state.reload?.description else { return false }
            run(reduce(&state, .reloadProgress(reload)), terminal: terminal)
            return true
        case .unchanged:
            if cause == .key {
                run(reduce(&state, .corpusUnchanged), terminal: terminal)
            } else if state.reload != nil {
                run(reduce(&state, .reloadProgress(nil)), terminal: terminal)
            }
        case .replaced(let engine, let change):
            keeper.articles = engine
            searcher = BackgroundSearch(engine: engine)
            handOffs.engine = engine
            let saved = keeper.load()
            run(
                reduce(&state, cause == nil ? .corpusReplaced(engine, saved) : .corpusReloaded(engine, saved, change)),
                terminal: terminal)
        case .failed(let message):
            run(reduce(&state, .reloadFailed(message: message)), terminal: terminal)
        }
        recheck = nil
        recheckCause = nil
        if let queued = queuedReload {
            queuedReload = nil
            requestReload(queued)
        }
        return true
    }

    /// Why the folder is read again.
    private enum ReloadCause { case key, watch }

    /// Checks the folder now, or once the check under way ends (it may have looked before the change).
    private func requestReload(_ cause: ReloadCause) {
        guard let reloadSource else {
            if cause == .key { state.message = "the built-in articles have nothing to reload" }
            return
        }
        guard recheck == nil else {
            queuedReload = queuedReload == .key ? .key : cause
            return
        }
        recheck = reloadSource.recheck(state.engine)
        recheckCause = cause
    }

    private func handle(_ input: TerminalInput, terminal: CursesTerminal) -> Bool {
        let next: Action?
        switch input {
        case .event(.resize(let width, let height)):
            terminal.invalidate()
            next = .resize(width: width, height: height)
        case .event(.key(let key)):
            next = action(for: key, in: state)
        case .event(.mouse(let event)):
            next = action(for: event, in: state)
        case .paste(let text):
            return paste(text, terminal: terminal)
        }
        guard let next else { return false }
        run(reduce(&state, next), terminal: terminal)
        return true
    }

    /// Pasted text goes into the search bar or the command prompt, as far as it has room; anywhere
    /// else it is dropped: pasted text never acts as keys.
    private func paste(_ text: String, terminal: CursesTerminal) -> Bool {
        guard !state.isShowingHelp else { return false }
        let used: Int
        switch state.focus {
        case .search: used = state.editor.characters.count
        // A pasted y must not answer a yes/no question.
        case .prompt where state.prompt?.isQuestion == true: return false
        case .prompt: used = state.prompt?.editor.characters.count ?? QueryEditor.maximumLength
        default: return false
        }
        let room = max(0, QueryEditor.maximumLength - used)
        for character in text.prefix(room) { run(reduce(&state, .insert(character)), terminal: terminal) }
        return room > 0
    }

    private func run(_ effects: [Effect], terminal: CursesTerminal) {
        for effect in effects {
            switch effect {
            case .suspend:
                terminal.suspend()
            case .reload:
                requestReload(.key)
            case .related(let article, let generation):
                let results = state.engine.related(to: article, limit: RelatedList.limit)
                run(reduce(&state, .relatedFinished(generation: generation, results: results)), terminal: terminal)
            case .save(let change):
                if let problem = keeper.save(change) { state.message = problem }
            case .handOff(let handOff):
                let message = handOffs.run(handOff, terminal: terminal, width: state.width)
                run(reduce(&state, .handOffFinished(message: message)), terminal: terminal)
            case .readFullHeaders(let article):
                run(
                    reduce(&state, .fullHeadersRead(article: article, lines: handOffs.headerLines(of: article))),
                    terminal: terminal)
            case .search where isBatching:
                deferredSearch = effect
            case .search(let text, let sort, let generation):
                if let results = searcher.search(text, sort: sort, generation: generation, firstRows: searchesFirstRows) {
                    // Answered on this thread (small corpus): apply at once, no waiting for a poll.
                    run(reduce(&state, .searchFinished(generation: generation, results: results)), terminal: terminal)
                }
            }
        }
    }
}
