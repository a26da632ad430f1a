// The `?` screen: scrolling it and closing it.

func helpCommand(_ state: inout AppState, _ command: Command) {
    switch command {
    case .toggleHelp: state.isShowingHelp = false
    case .quit: state.shouldQuit = true
    case .scrollDown: state.helpOffset += 1
    case .scrollUp: state.helpOffset -= 1
    case .scrollPageDown: state.helpOffset += max(1, state.height - 3)
    case .scrollPageUp: state.helpOffset -= max(1, state.height - 3)
    default: break
    }
    clampHelp(&state)
}

/// The help fills the screen between the search bar and the status line: scroll no further than
/// its last line at the bottom (also after a resize).
func clampHelp(_ state: inout AppState) {
    let lines = state.keyMap.helpLines().count
    state.helpOffset = max(0, min(state.helpOffset, lines - max(1, state.height - 2)))
}
