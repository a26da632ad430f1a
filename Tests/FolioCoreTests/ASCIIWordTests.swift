import Testing

@testable import FolioCore

/// The 8-bytes-at-a-time word scan agrees with the byte-at-a-time rule on every byte value.
@Suite struct ASCIIWordTests {
    @Test func foldingOfEveryByte() {
        for byte in 0...255 {
            let expected: UInt8 =
                switch UInt8(byte) {
                case 0x41...0x5A: UInt8(byte) + 0x20
                case 0x61...0x7A, 0x30...0x39: UInt8(byte)
                default: 0
                }
            #expect(ASCIIWord.folding(UInt8(byte)) == expected, "byte \(byte)")
        }
    }

    @Test func prefixAgreesWithTheByteRule() {
        var random = SplitMix64(seed: 5)
        // Bytes near the class edges (@ [ ` { / : and 0x7F, 0x80) are drawn as often as letters.
        let interesting: [UInt8] = [
            0x2F, 0x30, 0x39, 0x3A, 0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0xC3, 0xFF, 0x20, 0x27
        ]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in
                Bool.random(using: &random)
                    ? interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
            let (lowered, length) = ASCIIWord.prefix(word)
            let expectedLength = bytes.firstIndex { ASCIIWord.folding($0) == 0 } ?? 8
            #expect(length == expectedLength, "\(bytes)")
            for index in 0..<length {
                #expect(UInt8(truncatingIfNeeded: lowered >> UInt64(index * 8)) == ASCIIWord.folding(bytes[index]))
            }
        }
    }

    @Test func wordsAcrossTheEightByteSteps() {
        for length in 1...20 {
            let word = String((0..<length).map { Character(UnicodeScalar(UInt8(0x41 + $0 % 26))) })
            #expect(Tokenizer.strings("\(word).x") == [word.lowercased(), "x"])
            #expect(Tokenizer.strings("\(word)é \(word)9") == [word.lowercased() + "e", word.lowercased() + "9"])
        }
    }
}
