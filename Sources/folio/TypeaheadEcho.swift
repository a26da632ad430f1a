import Foundation

/// Keys typed while the reader starts — before curses takes the terminal, which from a snapshot is
/// a few milliseconds — would be echoed by the terminal onto the shell's screen and still be there
/// after quitting. Echo is off from the very start; the keys themselves stay queued for the reader.
/// `restore` puts back the terminal's own settings (curses, on leaving, restores the ones it found,
/// which by then have echo off).
struct TypeaheadEcho {
    private let saved: termios?

    /// Turns echo off on standard input when it is a terminal.
    static func silence() -> TypeaheadEcho {
        var settings = termios()
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &settings) == 0 else { return TypeaheadEcho(saved: nil) }
        var quiet = settings
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        return TypeaheadEcho(saved: settings)
    }

    func restore() {
        guard var saved else { return }
        tcsetattr(STDIN_FILENO, TCSADRAIN, &saved)
    }
}
