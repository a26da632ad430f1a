import CNCursesW
import TerminalCore

/// Mouse reports from the terminal (Documentation/architecture.md §11): xterm's button-event
/// tracking (mode 1000: presses, releases and the wheel, never motion, which would flood a slow
/// link) in the SGR encoding (mode 1006: any column, where the old encoding stops at 223).
///
/// folio turns the modes on itself rather than through ncurses' `mousemask`, which would pick the
/// old encoding wherever terminfo's `kmous` names it (tmux-256color, screen), and reads the reports
/// itself: ncurses only recognises their start, `ESC [ <`. Used where terminfo has `kmous` (the
/// terminal knows the mouse at all). While the modes are on the terminal keeps its own selection
/// on Shift+drag.
struct MouseReporting {
    static let enable = Array("\u{1B}[?1000h\u{1B}[?1006h".utf8)
    static let disable = Array("\u{1B}[?1006l\u{1B}[?1000l".utf8)

    /// The key code ncurses returns for `ESC [ <` (beside bracketed paste's, above KEY_MAX).
    static let startCode: Int32 = 0x7002
    /// The longest report folio reads: "65;10000;10000M".
    static let reportLimit = 16

    /// Teaches ncurses the start of a report (replacing terminfo's `kmous`, which names it as
    /// KEY_MOUSE for ncurses' own decoding); nil when the terminal has no mouse.
    static func setUp() -> MouseReporting? {
        guard let kmous = tigetstr("kmous"), Int(bitPattern: kmous) != -1, kmous.pointee != 0 else { return nil }
        return define_key("\u{1B}[<", startCode) != ERR ? MouseReporting() : nil
    }
}
