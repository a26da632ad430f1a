/// Counts words for the list's length column: a cheap byte scan, not the tokenizer, since it runs
/// for every article at load. In scripts written without spaces (Han, kana, Thai, Lao, Khmer,
/// Myanmar) each character counts as a word, as word processors count them: a whole Japanese
/// sentence is not one word. Hangul is written with spaces and counts by them.
public enum WordCounter {
    static func count(_ text: String) -> Int {
        let length = lengths(text)
        return length.words + length.characters
    }

    /// Words of spaced scripts, and characters of scripts written without spaces, counted apart:
    /// the reading pane's header says which the article is mostly written in, and reads each at its
    /// own speed. Runs over one article only (the load uses `count`'s sum).
    public static func lengths(_ text: String) -> (words: Int, characters: Int) {
        var text = text
        return text.withUTF8 { bytes in
            var words = 0
            var characters = 0
            // 1 while inside a word; kept as a number so the common path has no branch on it.
            var inWord = 0
            var index = 0
            while index < bytes.count {
                // Eight ASCII bytes without an apostrophe at once: the usual case.
                if index + 8 <= bytes.count,
                    let starts = asciiWordStarts(
                        UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self), &inWord)
                {
                    words &+= starts
                    index += 8
                    continue
                }
                let byte = bytes[index]
                // Only 3- and 4-byte sequences can be such characters; E2 (punctuation such as ’ and —)
                // is never one, so English text never decodes here.
                if byte >= 0xE0 && byte != 0xE2 {
                    let (scalar, length) = Tokenizer.decodeScalar(bytes, at: index)
                    switch unspaced(scalar) {
                    case .character:
                        characters += 1
                        inWord = 0
                        index += length
                        continue
                    case .mark:
                        index += length
                        continue
                    case .other: break
                    }
                }
                // Letters, digits, and any non-ASCII byte (letters of other scripts) continue a word;
                // an apostrophe inside a word ("don't") does not split it.
                let isWordByte =
                    (byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)) ? 1 : 0
                words &+= isWordByte & (inWord ^ 1)
                inWord = isWordByte | (byte == 0x27 ? inWord : 0)
                index += 1
            }
            return (words, characters)
        }
    }

    /// The words that start in eight bytes of ASCII (SWAR: a bit per byte that is a letter or a
    /// digit, compared with the same bits one byte earlier), updating `inWord` to whether the last
    /// byte is in a word; nil when a byte is not ASCII or is an apostrophe (the byte loop decides those).
    @inline(__always)
    private static func asciiWordStarts(_ word: UInt64, _ inWord: inout Int) -> Int? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        guard word & high == 0 else { return nil }
        let apostrophes = word ^ (ones &* 0x27)
        // A zero byte, exactly per byte: only an apostrophe's byte of `apostrophes` is zero.
        guard ~(((apostrophes & ~high) &+ ~high) | apostrophes | ~high) == 0 else { return nil }
        // For bytes below 0x80: `x + (0x80 - lo)` has its top bit set when x >= lo, `x + (0x7F - hi)` when x > hi.
        func inRange(_ x: UInt64, _ low: UInt64, _ highest: UInt64) -> UInt64 {
            (x &+ ones &* (0x80 - low)) & ~(x &+ ones &* (0x7F - highest)) & high
        }
        let letters = inRange(word | (ones &* 0x20), 0x61, 0x7A)
        let digits = inRange(word, 0x30, 0x39)
        let wordBytes = letters | digits
        let before = (wordBytes << 8) | (inWord == 0 ? 0 : 0x80)
        inWord = Int(wordBytes >> 63)
        return (wordBytes & ~before).nonzeroBitCount
    }

    private enum Unspaced { case character, mark, other }

    /// Whether `scalar` is a character of a script written without spaces, or a vowel sign or tone
    /// mark that belongs to the one before it.
    private static func unspaced(_ scalar: Unicode.Scalar) -> Unspaced {
        switch scalar.value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x19E0...0x19FF, 0x3005, 0x3040...0x30FF,
            0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA9E0...0xA9FF, 0xAA60...0xAA7F, 0xF900...0xFAFF,
            0xFF66...0xFF9F, 0x20000...0x3FFFF:
            switch ScalarFolding.classify(scalar) {
            case .cjk: return .character
            case .mark: return .mark
            default: return .other
            }
        default: return .other
        }
    }
}
