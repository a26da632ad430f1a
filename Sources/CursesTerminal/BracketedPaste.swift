import CNCursesW

/// Bracketed paste (xterm's mode 2004): the terminal wraps pasted text in markers, so a paste
/// arrives as text, not as thousands of keys each acting (and searching) on its own.
///
/// Used only where the terminfo entry describes it (the extended capabilities BE/BD turn it on and
/// off, PS/PE are the markers; xterm-256color and tmux-256color have them): a terminal without it
/// would print the enabling sequence or take it for something else.
struct BracketedPaste {
    let enable: [UInt8]
    let disable: [UInt8]

    /// Key codes ncurses returns for the markers: above KEY_MAX and the codes it numbers extended
    /// terminfo keys with.
    static let startCode: Int32 = 0x7000
    static let endCode: Int32 = 0x7001

    /// Reads the current terminal's capabilities and teaches ncurses the markers; nil when the
    /// terminal does not describe bracketed paste.
    static func setUp() -> BracketedPaste? {
        guard let enable = string("BE"), let disable = string("BD"), let start = string("PS"), let end = string("PE"),
            !start.isEmpty, !end.isEmpty
        else { return nil }
        let defined = [(start, startCode), (end, endCode)].allSatisfy { marker, code in
            String(decoding: marker, as: UTF8.self).withCString { define_key($0, code) } != ERR
        }
        return defined ? BracketedPaste(enable: enable, disable: disable) : nil
    }

    /// A string capability of the current terminal, nil when absent or cancelled.
    private static func string(_ name: String) -> [UInt8]? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return Array(String(cString: value).utf8)
    }

    /// Pasted scalars as text to insert: line breaks and tabs become spaces (a CR LF pair one
    /// space), other control characters are dropped, so nothing pasted acts as a key.
    static func text(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            defer { previous = scalar }
            switch scalar.value {
            case 0x0A where previous == "\r": continue
            case 0x09, 0x0A, 0x0D: text.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0: continue
            default: text.append(scalar)
            }
        }
        return String(text)
    }
}
