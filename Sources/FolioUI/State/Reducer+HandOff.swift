import FolioCore

// Hand-offs to other programs (pager, editor, clipboard, the `|` prompt): the reducer only asks for them.

/// The article a hand-off acts on: the one being read, else the selected one.
private func currentArticle(_ state: AppState) -> Int? {
    if state.focus == .reader, let reader = state.reader { return reader.article }
    return state.selectedArticle
}

func handOff(_ state: inout AppState, _ command: Command) -> [Effect] {
    guard let article = currentArticle(state) else {
        state.message = "no article selected"
        return []
    }
    switch command {
    case .openInPager: return [.handOff(.pager(article: article, pattern: pagerPattern(state)))]
    case .openInEditor: return [.handOff(.editor(article: article))]
    case .copyArticle: return [.handOff(.copyText(article: article))]
    case .copyID: return [.handOff(.copyID(article: article))]
    case .pipeArticle:
        state.prompt = PromptState(purpose: .pipe(article: article), returnFocus: state.focus)
        state.focus = .prompt
        return []
    default: return []
    }
}

/// What the pager should search for, so it opens on the hits: the find's text while one is open in
/// the reading pane, else the query's words (not its exclusions or filters), as a regular
/// expression of alternatives with every special character escaped; nil without either.
func pagerPattern(_ state: AppState) -> String? {
    let words: [String]
    if let find = state.reader?.find, !find.text.trimmingCharacters(in: " ").isEmpty {
        words = [find.text.trimmingCharacters(in: " ").lowercased()]
    } else if state.hasQuery {
        words = QueryParser.parse(state.query, mode: .complete).clauses.flatMap(\.alternatives).map(\.text)
    } else {
        return nil
    }
    let escaped = words.filter { !$0.isEmpty }.map { word in
        String(word.flatMap { "\\^$.|?*+()[]{}/".contains($0) ? ["\\", $0] : [$0] })
    }
    return escaped.isEmpty ? nil : escaped.joined(separator: "|")
}
