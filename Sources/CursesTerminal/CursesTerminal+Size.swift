import CNCursesW
import Glibc

extension CursesTerminal {
    /// Checks the terminal's real size (TIOCGWINSZ on the output) against curses' idea of it and
    /// resizes curses when they differ. Returns true when it did: the caller then redraws.
    ///
    /// Seen under tmux: a width and a height change arriving back to back left curses with the new
    /// width but the old height, and no further KEY_RESIZE; the screen then stayed half drawn.
    public func synchronizeSize() -> Bool {
        var size = winsize()
        guard ioctl(fileno(outputFile), UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else {
            return false
        }
        let current = self.size
        guard Int(size.ws_col) != current.width || Int(size.ws_row) != current.height else { return false }
        resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        invalidate()
        return true
    }
}
