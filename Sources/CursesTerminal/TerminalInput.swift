import TerminalCore

/// What `CursesTerminal.nextInput` reads: a key or a resize, or text the terminal marked as pasted.
public enum TerminalInput: Hashable, Sendable {
    case event(TerminalEvent)
    /// Pasted text (bracketed paste), with line breaks and tabs as spaces and no control
    /// characters. A long paste arrives in parts, each at most `CursesTerminal.pastePartLimit`
    /// characters.
    case paste(String)
}
