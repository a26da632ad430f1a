import Foundation

/// How the tokenizer treats one non-ASCII scalar, and what it folds to for matching.
enum ScalarClass: Sendable {
    /// Part of a word; matches as these bytes (lower-cased, diacritics removed; may be empty for marks).
    case wordPart([UInt8])
    /// A combining mark: continues a word but adds nothing to its folded form.
    case mark
    /// Han, kana, Hangul, and the letters of Thai, Lao, Khmer and Myanmar (written without spaces
    /// between words): indexed as overlapping pairs of characters.
    case cjk
    /// ’ ‘ ʼ ＇: apostrophes in `Teigen’s`, `don’t`.
    case apostrophe
    case separator
}

/// Classification and folding of non-ASCII scalars (ASCII never gets here: the tokenizer handles it
/// inline). Results are cached per tokenizer, since text repeats the same few scalars.
enum ScalarFolding {
    static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        switch value {
        case 0x2019, 0x2018, 0x02BC, 0xFF07: return .apostrophe
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0xFF66...0xFF9F, 0xAC00...0xD7AF, 0x20000...0x2FFFF, 0x30000...0x3FFFF:
            return .cjk
        case 0x3005:  // 々 iteration mark repeats the previous kanji
            return .cjk
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x19E0...0x19FF, 0xA9E0...0xA9FF,
            0xAA60...0xAA7F:
            // Thai, Lao, Myanmar, Khmer: letters pair up; vowel signs and tone marks stay marks (they
            // join the letter before them), and digits and punctuation are what they are elsewhere.
            switch scalar.properties.generalCategory {
            case .otherLetter, .modifierLetter: return .cjk
            case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
            case .decimalNumber, .otherNumber: return .wordPart(Array(String(scalar).utf8))
            default: return .separator
            }
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            // Fullwidth digits and Latin letters match their ASCII forms.
            return .wordPart([UInt8(value - 0xFEE0) | (value >= 0xFF21 ? 0x20 : 0)])
        default: break
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return .wordPart(fold(scalar))
        default: return .separator
        }
    }

    /// Lower case, then canonical decomposition with the marks dropped (é → e, Å → a), plus the
    /// letters that do not decompose but that English speakers type without their stroke or ligature.
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        if let special = specialFolds[scalar.value] { return Array(special.utf8) }
        let lowered = String(scalar).lowercased().decomposedStringWithCanonicalMapping
        var result: [UInt8] = []
        for part in lowered.unicodeScalars {
            switch part.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default:
                if let special = specialFolds[part.value] {
                    result += Array(special.utf8)
                } else {
                    result += Array(String(part).utf8)
                }
            }
        }
        return result
    }

    static let specialFolds: [UInt32: String] = [
        0x00DF: "ss", 0x1E9E: "ss", 0x00E6: "ae", 0x00C6: "ae", 0x0153: "oe", 0x0152: "oe",
        0x00F8: "o", 0x00D8: "o", 0x0142: "l", 0x0141: "l", 0x0111: "d", 0x0110: "d",
        0x00F0: "d", 0x00D0: "d", 0x00FE: "th", 0x00DE: "th", 0x0131: "i", 0x0130: "i",
        0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl"
    ]
}
