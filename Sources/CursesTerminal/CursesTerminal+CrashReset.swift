import CNCursesW

#if canImport(Glibc)
    import Glibc
#endif

extension CursesTerminal {
    /// The terminfo capabilities endwin sends to give the screen back: attributes off, the cursor
    /// shown, keypad transmit mode off, the normal screen (leaving the alternate one).
    static let screenResetCapabilities = ["sgr0", "cnorm", "rmkx", "rmcup"]

    /// Hands `CrashGuard` the bytes that undo curses' screen modes on this terminal, so that a crash
    /// while curses has the screen still leaves the shell's screen usable.
    func armCrashReset() {
        makeCurrent()
        var bytes: [UInt8] = []
        for name in Self.screenResetCapabilities {
            guard let value = tigetstr(name), value != UnsafeMutablePointer(bitPattern: -1) else { continue }
            bytes += Self.withoutPadding(Array(String(cString: value).utf8))
        }
        if mouse != nil { bytes += MouseReporting.disable }
        // Past the pump's pipe: nobody empties it once the process is crashing.
        CrashGuard.armScreenReset(bytes, descriptor: pump?.terminalDescriptor ?? fileno(outputFile))
    }

    /// A capability with its `$<5>` delays removed: tputs turns them into waits, which a crash
    /// handler has no use for.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<"),
                let end = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ">"))
            {
                index = end + 1
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }
}
