// Porter2 ("Snowball English") stemmer, following the classic english.sbl of Snowball 2.x
// (https://snowballstem.org/algorithms/english/stemmer.html). Each step below keeps the
// Snowball `among` semantics: the LONGEST listed suffix is selected first and, if its region
// or context test then fails, the step does nothing (there is no fallback to a shorter one).
//
// The stemmer runs for every token while indexing, so it works on a stack scratch buffer
// and only allocates the returned array, and only when the stem differs from the input.

/// Porter2 (Snowball English) stemmer over lower-case ASCII bytes.
public enum EnglishStemmer {
    /// Stems `word` (lower-case ASCII letters; apostrophes already removed by the caller).
    /// Words containing any byte outside a-z, or shorter than 3 bytes, are returned unchanged.
    public static func stem(_ word: [UInt8]) -> [UInt8] {
        let count = word.count
        // Porter2 leaves words of one or two letters alone.
        guard count >= 3 else { return word }
        return word.withUnsafeBufferPointer { input -> [UInt8] in
            for byte in input where byte &- Ascii.a >= 26 { return word }
            if let special = specialWord(input) {
                return special.utf8CodeUnitCount == count && Word.equal(input, special)
                    ? word
                    : Array(UnsafeBufferPointer(start: special.utf8Start, count: special.utf8CodeUnitCount))
            }
            // Stems never grow past the input length (every rule that appends a letter has
            // removed a longer suffix first), so a scratch buffer of `count` bytes suffices.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { scratch in
                let base = scratch.baseAddress!
                base.initialize(from: input.baseAddress!, count: count)
                var w = Word(base, count)
                w.stem()
                if w.n == count && w.matches(input) { return word }
                return Array(UnsafeBufferPointer(start: base, count: w.n))
            }
        }
    }

    /// Convenience for tests and callers holding a String.
    public static func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }

    /// The exception1 list: whole words whose stem is fixed (an invariant maps to itself).
    /// Switching on length first keeps the common case to one integer comparison, and
    /// plain comparisons (no table) keep this path allocation-free.
    private static func specialWord(_ w: UnsafeBufferPointer<UInt8>) -> StaticString? {
        @inline(__always) func eq(_ s: StaticString) -> Bool { Word.equal(w, s) }
        switch w.count {
        case 3:
            if eq("sky") { return "sky" }
        case 4:
            if eq("skis") { return "ski" }
            if eq("idly") { return "idl" }
            if eq("ugly") { return "ugli" }
            if eq("only") { return "onli" }
            if eq("news") { return "news" }
            if eq("howe") { return "howe" }
            if eq("bias") { return "bias" }
        case 5:
            if eq("skies") { return "sky" }
            if eq("dying") { return "die" }
            if eq("lying") { return "lie" }
            if eq("tying") { return "tie" }
            if eq("early") { return "earli" }
            if eq("atlas") { return "atlas" }
            if eq("andes") { return "andes" }
        case 6:
            if eq("gently") { return "gentl" }
            if eq("singly") { return "singl" }
            if eq("cosmos") { return "cosmos" }
        default:
            break
        }
        return nil
    }
}

// The helpers are nested so their short names cannot clash with other FolioCore types.
extension EnglishStemmer {
    /// Byte constants, named so the rules below read like the published algorithm.
    enum Ascii {
        static let a = UInt8(ascii: "a"), d = UInt8(ascii: "d"), e = UInt8(ascii: "e")
        static let g = UInt8(ascii: "g"), i = UInt8(ascii: "i"), l = UInt8(ascii: "l")
        static let m = UInt8(ascii: "m"), n = UInt8(ascii: "n"), r = UInt8(ascii: "r")
        static let s = UInt8(ascii: "s"), t = UInt8(ascii: "t"), w = UInt8(ascii: "w")
        static let x = UInt8(ascii: "x"), y = UInt8(ascii: "y")
        /// Marks a consonantal y (initial, or after a vowel); it is not a vowel for any rule.
        static let bigY = UInt8(ascii: "Y")
    }

    /// The word being stemmed: the bytes `p[0..<n]` plus the R1/R2 region starts.
    struct Word {
        let p: UnsafeMutablePointer<UInt8>
        var n: Int
        var p1: Int
        var p2: Int

        init(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) {
            self.p = p
            self.n = n
            self.p1 = n
            self.p2 = n
        }

        // MARK: Character classes

        /// a, e, i, o, u, y (lower-case y only: a marked `Y` is a consonant).
        @inline(__always) static func isVowel(_ c: UInt8) -> Bool {
            let index = c &- Ascii.a
            // Bits 0, 4, 8, 14, 20, 24 are a, e, i, o, u, y.
            return index < 26 && (UInt32(0x0110_4111) >> UInt32(index)) & 1 != 0
        }

        /// Snowball's `non-v_WXY`: a consonant other than w, x and Y.
        @inline(__always) static func isNonVowelWXY(_ c: UInt8) -> Bool {
            !isVowel(c) && c != Ascii.w && c != Ascii.x && c != Ascii.bigY
        }

        // MARK: Byte-string helpers

        @inline(__always) static func equal(_ w: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
            let k = s.utf8CodeUnitCount
            guard w.count == k else { return false }
            let q = s.utf8Start
            for i in 0..<k where w[i] != q[i] { return false }
            return true
        }

        /// True when the current bytes equal `input` (same length already checked).
        func matches(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
            for i in 0..<n where p[i] != input[i] { return false }
            return true
        }

        /// True when the word ends with `s`.
        @inline(__always) func ends(_ s: StaticString) -> Bool {
            let k = s.utf8CodeUnitCount
            guard k <= n else { return false }
            let q = s.utf8Start
            let start = n - k
            for i in 0..<k where p[start + i] != q[i] { return false }
            return true
        }

        /// True when the whole word equals `s`.
        @inline(__always) func isExactly(_ s: StaticString) -> Bool {
            s.utf8CodeUnitCount == n && ends(s)
        }

        /// Replaces the last `suffixLength` bytes with `replacement`.
        @inline(__always) mutating func replace(suffixLength: Int, with replacement: StaticString) {
            let start = n - suffixLength
            let k = replacement.utf8CodeUnitCount
            let q = replacement.utf8Start
            for i in 0..<k { p[start + i] = q[i] }
            n = start + k
        }

        /// True when some byte of `p[0..<end]` is a vowel.
        @inline(__always) func hasVowel(before end: Int) -> Bool {
            var i = 0
            while i < end {
                if Word.isVowel(p[i]) { return true }
                i += 1
            }
            return false
        }

        /// Snowball's `shortv` looking backwards from `end`: a short syllable ends there, i.e.
        /// non-vowel + vowel + non-vowel (the last not w, x or Y), or the word starts with
        /// vowel + non-vowel and that is all of `p[0..<end]`.
        @inline(__always) func endsInShortSyllable(_ end: Int) -> Bool {
            if end >= 3 {
                return Word.isNonVowelWXY(p[end - 1]) && Word.isVowel(p[end - 2]) && !Word.isVowel(p[end - 3])
            }
            return end == 2 && Word.isVowel(p[0]) && !Word.isVowel(p[1])
        }

        // MARK: The algorithm

        mutating func stem() {
            let hasY = markConsonantY()
            markRegions()
            step1a()
            if !isPostStep1aInvariant() {
                step1b()
                step1c()
                step2()
                step3()
                step4()
                step5()
            }
            if hasY {
                for i in 0..<n where p[i] == Ascii.bigY { p[i] = Ascii.y }
            }
        }

        /// Prelude: an initial y, and a y after a vowel, act as consonants; mark them `Y`.
        /// Scanning left to right matters: in "ayy" only the first y follows a vowel.
        mutating func markConsonantY() -> Bool {
            var found = false
            if p[0] == Ascii.y {
                p[0] = Ascii.bigY
                found = true
            }
            for i in 1..<n where p[i] == Ascii.y && Word.isVowel(p[i - 1]) {
                p[i] = Ascii.bigY
                found = true
            }
            return found
        }

        /// R1 starts after the first non-vowel that follows a vowel (or after one of the
        /// prefixes gener/commun/arsen, which would otherwise get too short an R1 — e.g.
        /// "general" vs "generous"); R2 is the same rule applied again inside R1.
        mutating func markRegions() {
            var i: Int
            if startsWith("gener") || startsWith("arsen") {
                i = 5
            } else if startsWith("commun") {
                i = 6
            } else {
                guard let after = pastVowelThenConsonant(from: 0) else { return }
                i = after
            }
            p1 = i
            if let after = pastVowelThenConsonant(from: i) { p2 = after }
        }

        func startsWith(_ s: StaticString) -> Bool {
            let k = s.utf8CodeUnitCount
            guard k <= n else { return false }
            let q = s.utf8Start
            for i in 0..<k where p[i] != q[i] { return false }
            return true
        }

        /// Snowball's `gopast v gopast non-v` from `start`: the index just past the first
        /// non-vowel that follows a vowel, or nil if there is none.
        func pastVowelThenConsonant(from start: Int) -> Int? {
            var i = start
            while i < n && !Word.isVowel(p[i]) { i += 1 }
            while i < n && Word.isVowel(p[i]) { i += 1 }
            return i < n ? i + 1 : nil
        }

        /// Step 1a: plural and -ied/-ies endings.
        mutating func step1a() {
            let last = p[n - 1]
            if last == Ascii.s {
                if ends("sses") {
                    n -= 2
                } else if ends("ies") {
                    replaceIesOrIed()
                } else if ends("ss") || ends("us") {
                    return
                } else if hasVowel(before: n - 2) {
                    // Delete the s only if a vowel occurs before the letter preceding it
                    // ("gaps" -> "gap", but "gas" and "this" stay).
                    n -= 1
                }
            } else if last == Ascii.d && ends("ied") {
                replaceIesOrIed()
            }
        }

        /// -ied/-ies become -i after two or more letters ("cries" -> "cri"), else -ie ("ties" -> "tie").
        @inline(__always) mutating func replaceIesOrIed() {
            n -= n - 3 >= 2 ? 2 : 1
        }

        /// exception2: words left alone once step 1a has run (so "innings" also stays "inning").
        func isPostStep1aInvariant() -> Bool {
            switch n {
            case 6: return isExactly("inning") || isExactly("outing") || isExactly("exceed")
            case 7:
                return isExactly("canning") || isExactly("herring") || isExactly("earring")
                    || isExactly("proceed") || isExactly("succeed")
            default: return false
            }
        }

        /// Step 1b: -eed(ly) in R1 becomes -ee; -ed(ly)/-ing(ly) go if the rest has a vowel,
        /// then the stem is tidied so "hoping" -> "hope", "hopping" -> "hop", "luxuriated" -> "luxuriate".
        mutating func step1b() {
            let suffixLength: Int
            switch p[n - 1] {
            case Ascii.d:
                if ends("eed") {
                    if n - 3 >= p1 { n -= 1 }
                    return
                }
                guard ends("ed") else { return }
                suffixLength = 2
            case Ascii.y:
                if ends("eedly") {
                    if n - 5 >= p1 { n -= 3 }
                    return
                }
                if ends("edly") {
                    suffixLength = 4
                } else if ends("ingly") {
                    suffixLength = 5
                } else {
                    return
                }
            case Ascii.g:
                guard ends("ing") else { return }
                suffixLength = 3
            default:
                return
            }
            let stemEnd = n - suffixLength
            guard hasVowel(before: stemEnd) else { return }
            n = stemEnd
            if ends("at") || ends("bl") || ends("iz") {
                appendE()
            } else if n >= 2 && p[n - 1] == p[n - 2] && Word.isUndoubled(p[n - 1]) {
                n -= 1
            } else if n == p1 && endsInShortSyllable(n) {
                // A "short word" (R1 empty, ends in a short syllable) gets its e back.
                appendE()
            }
        }

        /// Doubled letters removed by step 1b: bb dd ff gg mm nn pp rr tt.
        @inline(__always) static func isUndoubled(_ c: UInt8) -> Bool {
            switch c {
            case UInt8(ascii: "b"), Ascii.d, UInt8(ascii: "f"), Ascii.g, Ascii.m, Ascii.n,
                UInt8(ascii: "p"), Ascii.r, Ascii.t:
                return true
            default:
                return false
            }
        }

        /// Only ever follows a deletion of two or more bytes, so it stays inside the buffer.
        @inline(__always) mutating func appendE() {
            p[n] = Ascii.e
            n += 1
        }

        /// Step 1c: a final y or Y after a consonant that is not the first letter becomes i
        /// ("cry" -> "cri", but "by" and "say" stay).
        mutating func step1c() {
            guard n >= 3 else { return }
            let last = p[n - 1]
            if (last == Ascii.y || last == Ascii.bigY) && !Word.isVowel(p[n - 2]) {
                p[n - 1] = Ascii.i
            }
        }

        /// Applies `replacement` to the chosen suffix when it starts inside R1.
        @inline(__always) mutating func replaceInR1(_ suffixLength: Int, _ replacement: StaticString) {
            if n - suffixLength >= p1 { replace(suffixLength: suffixLength, with: replacement) }
        }

    }
}
