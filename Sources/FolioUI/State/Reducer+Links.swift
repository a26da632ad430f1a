import FolioCore

// The reading pane's body options (rendered or as written, quotes folded) and its link list.

/// `M` and `T`: lay the article out again the other way, keeping the reading position.
func toggleBodyOption(_ state: inout AppState, _ command: Command) {
    guard let reader = state.reader else { return }
    var options = reader.options
    if command == .toggleRawText {
        guard reader.document.isRendered || options.showsRawText else {
            state.message = "only Markdown articles are rendered"
            return
        }
        options.showsRawText.toggle()
        state.message = options.showsRawText ? "showing the text as written" : "showing the text rendered"
    } else {
        guard reader.document.quoteBlockCount > 0 else {
            state.message = "no quoted lines to fold in this article"
            return
        }
        options.foldsQuotes.toggle()
        state.message = options.foldsQuotes ? "quoted lines folded" : "quoted lines shown"
    }
    state.reader?.options = options
    relayoutReader(&state, force: true)
}

/// `u`: the article's links, numbered, in place of its text.
func showLinks(_ state: inout AppState) {
    guard let reader = state.reader else { return }
    var seen = Set<String>()
    let urls = reader.document.links.map(\.url).filter { seen.insert($0).inserted }
    guard !urls.isEmpty else {
        state.message = "no links in this article"
        return
    }
    state.linkList = LinkListState(urls: urls)
    state.focus = .links
}

/// Keys while the link list shows.
func performInLinks(_ state: inout AppState, _ command: Command) -> [Effect] {
    guard var list = state.linkList else {
        state.focus = .reader
        return []
    }
    list.typedNumber = ""
    defer { if state.linkList != nil { state.linkList = list } }
    switch command {
    case .linkNext: list.select(list.selected + 1)
    case .linkPrevious: list.select(list.selected - 1)
    case .openLink:
        // Restricted mode is for strangers over SSH: no program runs on their behalf.
        guard !state.isRestricted else {
            state.message = "opening links is not available in restricted mode"
            return []
        }
        return [.handOff(.openLink(url: list.urls[list.selected]))]
    case .copyLink: return [.handOff(.copyLink(url: list.urls[list.selected]))]
    case .closeLinks:
        state.linkList = nil
        state.focus = .reader
    default: break
    }
    return []
}

/// A digit in the link list: select that link; digits typed one after another make one number
/// while there are that many links.
func typeLinkNumber(_ state: inout AppState, _ digit: Character) {
    guard var list = state.linkList else { return }
    var typed = list.typedNumber + String(digit)
    if Int(typed).map({ $0 < 1 || $0 > list.urls.count }) ?? true { typed = String(digit) }
    if let number = Int(typed), number >= 1, number <= list.urls.count {
        list.select(number - 1)
        list.typedNumber = typed
    } else {
        list.typedNumber = ""
        state.message = "no link \(digit)"
    }
    state.linkList = list
}

/// The list belongs to the open article: gone when the article is, or when focus moved away.
func closeStaleLinkList(_ state: inout AppState) {
    if state.focus == .links && (state.reader == nil || state.linkList == nil) {
        state.focus = state.reader == nil ? .list : .reader
    }
    if state.focus != .links { state.linkList = nil }
}
