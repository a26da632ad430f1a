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
    case .openInPager: return [.handOff(.pager(article: article))]
    case .openInEditor: return [.handOff(.editor(article: article))]
    case .copyArticle: return [.handOff(.copyText(article: article))]
    case .copyID: return [.handOff(.copyID(article: article))]
    case .pipeArticle:
        state.prompt = PromptState(article: article, returnFocus: state.focus)
        state.focus = .prompt
        return []
    default: return []
    }
}
