import CNCursesW
import Glibc

extension CursesTerminal {
    /// Checks the terminal's real size (TIOCGWINSZ) against curses' idea of it and resizes curses
    /// when they differ, to at most `TerminalSizeLimit`. Returns true when it did: the caller then
    /// redraws (curses also queues a KEY_RESIZE).
    ///
    /// Called on SIGWINCH, and by the run loop on every wake-up: seen under tmux, a width and a
    /// height change arriving back to back left curses with the new width but the old height, and
    /// no further signal; the screen then stayed half drawn.
    public func synchronizeSize() -> Bool {
        synchronizeSize(announcing: true)
    }

    /// As `synchronizeSize()`; without `announcing`, curses queues no KEY_RESIZE (at start, where
    /// nothing has been drawn at the old size).
    func synchronizeSize(announcing: Bool) -> Bool {
        guard !isShutDown, let reported = Self.reportedSize(of: terminalDescriptor),
            let size = TerminalSizeLimit.clamp(width: reported.width, height: reported.height)
        else { return false }
        makeCurrent()
        let current = self.size
        guard size.width != current.width || size.height != current.height else { return false }
        if announcing {
            resizeterm(Int32(size.height), Int32(size.width))
        } else {
            resize_term(Int32(size.height), Int32(size.width))
        }
        invalidate()
        return true
    }
}
