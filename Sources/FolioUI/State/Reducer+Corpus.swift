import FolioCore

// Working through a corpus, as in mutt and newsboat: the next or previous unread article, Space
// past the end of one article going on to the next, and marking the whole list read.

/// `]` / `[`: the next (previous) unread article in list order after (before) the current one,
/// wrapping round once. In the reading pane it opens there; in the list it is selected.
func moveToUnread(_ state: inout AppState, forward: Bool) {
    let count = state.rows.count
    guard count > 0 else {
        state.message = "no articles"
        return
    }
    let start = currentRow(state)
    var wrapped = false
    for step in 1...count {
        var index = start + (forward ? step : -step)
        if index >= count || index < 0 {
            wrapped = true
            index = (index + count) % count
        }
        guard state.marks[state.rows[index]]?.isRead != true else { continue }
        if wrapped { state.message = forward ? "wrapped to the top" : "wrapped to the bottom" }
        moveTo(&state, row: index)
        return
    }
    state.message = "no unread articles here"
}

/// Space on the last page of an article: the next article in the list, from its top.
func pageDownOrNext(_ state: inout AppState) {
    guard let reader = state.reader else { return }
    let page = max(1, readerHeight(state) - 2)
    guard reader.offset >= maxReaderOffset(state, reader) else {
        scroll(&state, by: page)
        return
    }
    let next = currentRow(state) + 1
    guard next < state.rows.count else {
        state.message = "the last article"
        return
    }
    moveTo(&state, row: next)
}

/// The row of the article being read (or the selected one, when none is open).
private func currentRow(_ state: AppState) -> Int {
    if let reader = state.reader, state.selectedArticle != reader.article, let row = state.rows.position(of: reader.article) {
        return row
    }
    return state.selected
}

/// Selects `row`; in the reading pane, opens it there.
private func moveTo(_ state: inout AppState, row: Int) {
    state.selected = row
    if state.focus == .reader {
        if let article = state.selectedArticle { load(&state, article: article) }
    } else if state.layout.mode != .single {
        previewSelected(&state)
    }
}

/// `A`: asks first, in the status line, since it may mark thousands of articles at once.
func askToMarkAllRead(_ state: inout AppState) {
    let count = state.rows.count
    guard count > 0 else {
        state.message = "no articles to mark"
        return
    }
    state.prompt = PromptState(purpose: .confirmMarkAllRead(count: count), returnFocus: state.focus)
    state.focus = .prompt
}

/// Marks every article of the current list read (the list as filtered and searched), saved in one go.
func markAllRead(_ state: inout AppState) -> [Effect] {
    var changed: [Int] = []
    for index in 0..<state.rows.count {
        let article = state.rows[index]
        guard state.marks[article]?.isRead != true else { continue }
        setRead(&state, article, true)
        changed.append(article)
    }
    state.message = changed.isEmpty ? "all already read" : "marked \(changed.count) read"
    guard !changed.isEmpty else { return [] }
    var effects: [Effect] = [.save(.readMany(articles: changed))]
    // Under "unread only" the list empties: show what is left (nothing, or other articles).
    if state.filter == .unread { effects += rerun(&state) }
    return effects
}

/// Sets one read mark, keeping the unread count in step.
func setRead(_ state: inout AppState, _ article: Int, _ flag: Bool) {
    let was = state.marks[article]?.isRead ?? false
    guard was != flag else { return }
    state.marks[article, default: ArticleMarks()].isRead = flag
    // Marks are per id; the count is of listed articles, which identical copies are not.
    if !state.engine.isCopy(article) { state.readCount += flag ? 1 : -1 }
}

/// Counts the read marks of listed articles again (after marks were replaced whole).
func recountRead(_ state: inout AppState) {
    state.readCount = state.marks.reduce(0) { $0 + ($1.value.isRead && !state.engine.isCopy($1.key) ? 1 : 0) }
}
