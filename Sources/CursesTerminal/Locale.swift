import CNCursesW

#if canImport(Glibc)
    import Glibc
#endif

/// The process locale, which decides whether ncurses reads and writes UTF-8 (Documentation/architecture.md §11).
enum TerminalLocale {
    /// Sets the locale from the environment (`setlocale(LC_ALL, "")`); if that leaves the C/POSIX
    /// locale's ASCII codeset (LANG unset, or naming a locale not installed, as in many
    /// containers and SSH sessions), tries "C.UTF-8". Returns whether the codeset is UTF-8.
    ///
    /// An explicitly chosen non-UTF-8 codeset (say ISO-8859-1) is kept: the terminal then
    /// expects that encoding, and UTF-8 bytes would show as garbage, so drawing ASCII is the
    /// honest choice there.
    static func configure() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8 { return true }
        guard codeset == "ANSI_X3.4-1968" else { return false }
        guard setlocale(LC_ALL, "C.UTF-8") != nil else { return false }
        return isUTF8
    }

    /// The current locale's character set, as glibc names it ("UTF-8", "ANSI_X3.4-1968").
    static var codeset: String {
        String(cString: nl_langinfo(nl_item(CODESET)))
    }

    static var isUTF8: Bool {
        let name = codeset.uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
