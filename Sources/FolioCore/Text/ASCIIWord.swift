/// ASCII letters and digits found and lower-cased 8 bytes at a time (SWAR: one 64-bit integer holds
/// 8 bytes, and each test below runs on all of them at once), for the tokenizer's word loop.
enum ASCIIWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The leading run of ASCII letters and digits of `word` (little-endian: byte 0 first): its
    /// length (0–8) and `word` with those letters lower-cased (the bytes after the run are left as
    /// they were, to be overwritten or ignored).
    @inline(__always)
    static func prefix(_ word: UInt64) -> (lowered: UInt64, length: Int) {
        let lower = word | (0x20 &* ones)
        // Per byte, the high bit set when the byte is at least the constant (for bytes below 0x80,
        // adding 0x80 - c sets the high bit exactly when byte >= c, and nothing carries across).
        let seven = ~highBits
        @inline(__always) func atLeast(_ value: UInt64, _ constant: UInt64) -> UInt64 {
            ((value & seven) &+ (0x80 - constant) &* ones) & highBits
        }
        let letters = atLeast(lower, 0x61) & ~atLeast(lower, 0x7B)
        let digits = atLeast(word, 0x30) & ~atLeast(word, 0x3A)
        // A byte of 0x80 or more (part of a non-ASCII character) ends the run too.
        let wordBytes = (letters | digits) & ~word & highBits
        let length = (~wordBytes & highBits).trailingZeroBitCount / 8
        return (word | (letters >> 2), length)
    }

    /// One byte: the lower-case form of an ASCII letter, a digit itself, 0 for anything else.
    @inline(__always)
    static func folding(_ byte: UInt8) -> UInt8 {
        let lower = byte | 0x20
        if lower &- 0x61 < 26 { return lower }
        return byte &- 0x30 < 10 ? byte : 0
    }
}
