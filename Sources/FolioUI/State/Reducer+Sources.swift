import FolioCore

// The list's order and the source filter: `O` reverses the order, `F` shows one source only.

/// `O`: the list backwards (and back), staying on the same article.
func reverseOrder(_ state: inout AppState) -> [Effect] {
    state.isReversed.toggle()
    state.articleToKeep = state.selectedArticle
    state.message = state.isReversed ? "reversed: \(state.sort.rawValue), last first" : "sorted by \(state.sort.rawValue)"
    return rerun(&state)
}

/// `F`: with a source shown, shows all again; otherwise asks which source, offering the corpus's
/// sources with their counts. Reading every article's source takes one pass over the articles,
/// once per `F` (not per key typed in the prompt): those of the whole list, since an engine's
/// article numbers may leave gaps (a Xapian shard's deleted documents, architecture.md §9).
func startSourceFilter(_ state: inout AppState) -> [Effect] {
    if state.sourceFilter != nil {
        state.sourceFilter = nil
        state.message = "showing all sources"
        state.articleToKeep = state.selectedArticle
        return rerun(&state)
    }
    var counts: [String: Int] = [:]
    // Every listed article with its identical copies (the list leaves copies out), a group counted
    // once per source one of its copies is from (`passesFilter`). The list, not the number space:
    // a Xapian stub's numbers may leave gaps (architecture.md §9).
    // A remote engine's list: its first rows only (`ArticleList.remoteFilterRows`), as its filters.
    let list = state.engine.list(sort: .date)
    let counted = state.engine.searchesInProcess ? list[...] : list.prefix(ArticleList.remoteFilterRows)
    for listed in counted {
        var sources: Set<String> = []
        for article in [listed] + state.engine.copies(of: listed) {
            let source = state.engine.article(at: article).source
            if sources.insert(source).inserted { counts[source, default: 0] += 1 }
        }
    }
    guard !counts.isEmpty else {
        state.message = "no articles"
        return []
    }
    var prompt = PromptState(purpose: .source, returnFocus: state.focus)
    prompt.sources = counts.map { SourceCount(name: $0.key, count: $0.value) }
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    state.prompt = prompt
    state.focus = .prompt
    return []
}

/// The sources whose names start with what is typed (case folded), most articles first.
func sourceCandidates(_ prompt: PromptState) -> [SourceCount] {
    let typed = prompt.editor.text.trimmingCharacters(in: " ").lowercased()
    return typed.isEmpty ? prompt.sources : prompt.sources.filter { $0.name.lowercased().hasPrefix(typed) }
}

/// Tab: completes to the longest start the candidates share.
func completeSource(_ state: inout AppState, _ prompt: inout PromptState) {
    let names = sourceCandidates(prompt).map(\.name)
    guard var common = names.first else {
        state.message = "no source starts with that"
        return
    }
    for name in names.dropFirst() {
        while !name.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
    }
    if common.count >= prompt.editor.text.count { prompt.editor = QueryEditor(common) }
}

/// Enter: the source named (or the only one the typed start leaves), shown alone.
func pickSource(_ state: inout AppState, _ prompt: PromptState) -> [Effect] {
    let typed = prompt.editor.text.trimmingCharacters(in: " ")
    let candidates = sourceCandidates(prompt)
    let exact = candidates.first { $0.name.lowercased() == typed.lowercased() }
    guard let choice = exact ?? (candidates.count == 1 ? candidates[0] : nil) else {
        state.message =
            candidates.isEmpty ? "no source \"\(typed)\"" : "\(candidates.count) sources start with that: Tab completes"
        return []
    }
    var articles = Set<Int>()
    // The listed articles and their identical copies (the list leaves copies out), by the list
    // rather than the number space, which may leave gaps (architecture.md §9).
    // A remote engine's list: its first rows only (`ArticleList.remoteFilterRows`), as its filters.
    let list = state.engine.list(sort: .date)
    let counted = state.engine.searchesInProcess ? list[...] : list.prefix(ArticleList.remoteFilterRows)
    for listed in counted {
        for article in [listed] + state.engine.copies(of: listed) where state.engine.article(at: article).source == choice.name {
            articles.insert(article)
        }
    }
    state.sourceFilter = SourceFilter(name: choice.name, articles: articles)
    state.message = "showing \(choice.name) only (F again: all)"
    state.articleToKeep = state.selectedArticle
    return rerun(&state)
}
