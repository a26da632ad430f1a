/// Counts words for the list's length column: a cheap byte scan, not the tokenizer, since it runs
/// for every article at load.
enum WordCounter {
    static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var words = 0
            var inWord = false
            for byte in bytes {
                // Letters, digits, and any non-ASCII byte (letters of other scripts) continue a word;
                // an apostrophe inside a word ("don't") does not split it.
                let isWordByte = byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                if isWordByte {
                    if !inWord {
                        words += 1
                        inWord = true
                    }
                } else if !(byte == 0x27 && inWord) {
                    inWord = false
                }
            }
            return words
        }
    }
}
