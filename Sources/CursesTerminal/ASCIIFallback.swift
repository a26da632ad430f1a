/// ASCII stand-ins for text, for terminals without a UTF-8 locale (Documentation/architecture.md §11: never print
/// garbage): typographic quotes and dashes become their ASCII forms, accented Latin letters their
/// base letter, anything else "?".
public enum ASCIIFallback {
    /// `text` with every non-ASCII scalar replaced (“ ” → ", … → ..., é → e, 漢 → ?).
    ///
    /// Replacements may be longer than the original ("…" is three columns), so a front end that
    /// knows it draws in ASCII should apply this before laying text out; the backend itself can
    /// only put one character per column (`character(for:)`).
    public static func transliterate(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                result += replacement(for: scalar)
            }
        }
        return result
    }

    /// The ASCII text standing for one non-ASCII scalar; "" for a combining mark (its base
    /// letter stays), "?" when there is nothing better.
    public static func replacement(for scalar: Unicode.Scalar) -> String {
        if scalar.isASCII { return String(scalar) }
        if let special = specials[scalar.value] { return special }
        let value = scalar.value
        // Fullwidth ASCII forms: ＡＢＣ → ABC.
        if value >= 0xFF01 && value <= 0xFF5E, let ascii = Unicode.Scalar(value - 0xFEE0) { return String(ascii) }
        if scalar.properties.generalCategory == .nonspacingMark { return "" }
        if let letter = baseLatinLetter(of: scalar) { return letter }
        if scalar.properties.generalCategory == .spaceSeparator { return " " }
        return "?"
    }

    /// The single ASCII character drawn in one column for `scalar` (the first of its
    /// replacement: "…" is drawn ".").
    static func character(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        replacement(for: scalar).unicodeScalars.first ?? "?"
    }

    /// "LATIN SMALL LETTER E WITH ACUTE" → "e", "LATIN CAPITAL LETTER O WITH STROKE" → "O".
    ///
    /// The Unicode name spells the base letter out for every accented Latin letter, which saves a
    /// decomposition table (and Foundation) here.
    private static func baseLatinLetter(of scalar: Unicode.Scalar) -> String? {
        guard let name = scalar.properties.name else { return nil }
        let small = "LATIN SMALL LETTER "
        let capital = "LATIN CAPITAL LETTER "
        let isSmall = name.hasPrefix(small)
        guard isSmall || name.hasPrefix(capital) else { return nil }
        let rest = name.dropFirst(isSmall ? small.count : capital.count)
        let letter = rest.prefix { $0 != " " }
        guard letter.count == 1, let character = letter.first, character.isASCII, character.isLetter else { return nil }
        return isSmall ? character.lowercased() : String(character)
    }

    /// Replacements the name rule cannot find.
    private static let specials: [UInt32: String] = [
        0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x2039: "<", 0x203A: ">",
        0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x201F: "\"", 0x2033: "\"", 0x00AB: "\"", 0x00BB: "\"",
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-", 0x00AD: "-",
        0x2026: "...", 0x2022: "*", 0x00B7: ".", 0x00D7: "x", 0x00F7: "/", 0x2044: "/",
        0x00A9: "(c)", 0x00AE: "(R)", 0x2122: "TM", 0x00B0: "o", 0x20AC: "EUR", 0x00A3: "GBP",
        0x00DF: "ss", 0x1E9E: "SS", 0x00E6: "ae", 0x00C6: "AE", 0x0153: "oe", 0x0152: "OE",
        0x00FE: "th", 0x00DE: "Th", 0x00F0: "d", 0x00D0: "D", 0x0131: "i",
        0x2190: "<-", 0x2192: "->", 0x21D2: "=>", 0x2264: "<=", 0x2265: ">=", 0x2260: "!=",
        0xFFFD: "?", 0x25CC: "o"
    ]
}
