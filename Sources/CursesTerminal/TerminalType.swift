/// Which terminfo entry to draw with when `TERM` names none installed here.
///
/// Over SSH the client sends its own `TERM` ("xterm-kitty", "alacritty", "foot"), which the
/// server may not know. Like less, folio then keeps working with a plainer description rather than
/// exiting: an `xterm-*` name is almost always an xterm-compatible emulator, so xterm-256color;
/// anything else gets vt220, which every emulator in use understands (no colours; its PgUp, PgDn,
/// Home and End keys), then vt100, the floor.
public enum TerminalType {
    /// The names to try, in order: `name` itself (when set), then the fallbacks.
    public static func candidates(for name: String?) -> [String] {
        let generic = ["vt220", "vt100"]
        guard let name, !name.isEmpty else { return generic }
        let xterm = name.hasPrefix("xterm") ? ["xterm-256color", "xterm"] : []
        return [name] + (xterm + generic).filter { $0 != name }
    }

    /// The status line's note when folio draws with `used` instead of the requested `name`.
    /// The visitor chose `name`: only its first 40 printable ASCII characters are shown.
    public static func fallbackNote(requested name: String?, used: String) -> String {
        let shown = String((name ?? "").unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F }.prefix(40))
        guard !shown.isEmpty else { return "TERM is not set: drawing as \(used)" }
        return "unknown terminal type '\(shown)': drawing as \(used)"
    }
}
