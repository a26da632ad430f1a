/// Porter2 steps 2–5 (the suffix tables), split from EnglishStemmer.swift to keep files small.
extension EnglishStemmer.Word {
    /// Step 2: derivational suffixes in R1 ("-ational" -> "-ate", "-fulness" -> "-ful", ...).
    mutating func step2() {
        guard n >= 2 else { return }
        switch p[n - 1] {
        case EnglishStemmer.Ascii.l:
            if ends("ational") {
                replaceInR1(7, "ate")
            } else if ends("tional") {
                replaceInR1(6, "tion")
            }
        case EnglishStemmer.Ascii.i:
            step2EndingInI()
        case EnglishStemmer.Ascii.r:
            if ends("izer") {
                replaceInR1(4, "ize")
            } else if ends("ator") {
                replaceInR1(4, "ate")
            }
        case EnglishStemmer.Ascii.n:
            if ends("ization") {
                replaceInR1(7, "ize")
            } else if ends("ation") {
                replaceInR1(5, "ate")
            }
        case EnglishStemmer.Ascii.m:
            if ends("alism") { replaceInR1(5, "al") }
        case EnglishStemmer.Ascii.s:
            if ends("fulness") {
                replaceInR1(7, "ful")
            } else if ends("ousness") {
                replaceInR1(7, "ous")
            } else if ends("iveness") {
                replaceInR1(7, "ive")
            }
        default:
            break
        }
    }

    /// The step 2 suffixes ending in i, tried longest first so only the longest match counts.
    mutating func step2EndingInI() {
        if ends("biliti") {
            replaceInR1(6, "ble")
        } else if ends("lessli") {
            replaceInR1(6, "less")
        } else if ends("aliti") {
            replaceInR1(5, "al")
        } else if ends("iviti") {
            replaceInR1(5, "ive")
        } else if ends("entli") {
            replaceInR1(5, "ent")
        } else if ends("ousli") {
            replaceInR1(5, "ous")
        } else if ends("fulli") {
            replaceInR1(5, "ful")
        } else if ends("enci") {
            replaceInR1(4, "ence")
        } else if ends("anci") {
            replaceInR1(4, "ance")
        } else if ends("abli") {
            replaceInR1(4, "able")
        } else if ends("alli") {
            replaceInR1(4, "al")
        } else if ends("bli") {
            replaceInR1(3, "ble")
        } else if ends("ogi") {
            // -logi -> -log ("archaeology" -> "archaeolog"); only the "ogi" must lie in R1.
            if n - 3 >= p1 && n >= 4 && p[n - 4] == EnglishStemmer.Ascii.l { n -= 1 }
        } else if ends("li") {
            // -li goes only after c d e g h k m n r t ("fully" stays "fulli" until step 3).
            if n - 2 >= p1 && n >= 3 && EnglishStemmer.Word.isValidLi(p[n - 3]) { n -= 2 }
        }
    }

    /// valid_LI: c d e g h k m n r t.
    @inline(__always) static func isValidLi(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "c"), EnglishStemmer.Ascii.d, EnglishStemmer.Ascii.e, EnglishStemmer.Ascii.g, UInt8(ascii: "h"),
            UInt8(ascii: "k"),
            EnglishStemmer.Ascii.m, EnglishStemmer.Ascii.n, EnglishStemmer.Ascii.r, EnglishStemmer.Ascii.t:
            return true
        default:
            return false
        }
    }

    /// Step 3: more derivational suffixes in R1; -ative additionally needs R2.
    mutating func step3() {
        guard n >= 3 else { return }
        switch p[n - 1] {
        case EnglishStemmer.Ascii.l:
            if ends("ational") {
                replaceInR1(7, "ate")
            } else if ends("tional") {
                replaceInR1(6, "tion")
            } else if ends("ical") {
                replaceInR1(4, "ic")
            } else if ends("ful") {
                replaceInR1(3, "")
            }
        case EnglishStemmer.Ascii.e:
            if ends("alize") {
                replaceInR1(5, "al")
            } else if ends("icate") {
                replaceInR1(5, "ic")
            } else if ends("ative") {
                if n - 5 >= p2 { n -= 5 }
            }
        case EnglishStemmer.Ascii.i:
            if ends("iciti") { replaceInR1(5, "ic") }
        case EnglishStemmer.Ascii.s:
            if ends("ness") { replaceInR1(4, "") }
        default:
            break
        }
    }

    /// Deletes the chosen suffix when it starts inside R2.
    @inline(__always) mutating func deleteInR2(_ suffixLength: Int) {
        if n - suffixLength >= p2 { n -= suffixLength }
    }

    /// Step 4: residual suffixes deleted when in R2 ("-ance", "-ment", "-ive", ...).
    mutating func step4() {
        guard n >= 2 else { return }
        switch p[n - 1] {
        case EnglishStemmer.Ascii.l:
            if ends("al") { deleteInR2(2) }
        case EnglishStemmer.Ascii.e:
            if ends("ance") || ends("ence") || ends("able") || ends("ible") {
                deleteInR2(4)
            } else if ends("ate") || ends("ive") || ends("ize") {
                deleteInR2(3)
            }
        case EnglishStemmer.Ascii.r:
            if ends("er") { deleteInR2(2) }
        case UInt8(ascii: "c"):
            if ends("ic") { deleteInR2(2) }
        case EnglishStemmer.Ascii.t:
            if ends("ement") {
                deleteInR2(5)
            } else if ends("ment") {
                deleteInR2(4)
            } else if ends("ent") || ends("ant") {
                deleteInR2(3)
            }
        case EnglishStemmer.Ascii.m:
            if ends("ism") { deleteInR2(3) }
        case EnglishStemmer.Ascii.i:
            if ends("iti") { deleteInR2(3) }
        case EnglishStemmer.Ascii.s:
            if ends("ous") { deleteInR2(3) }
        case EnglishStemmer.Ascii.n:
            // -ion only after s or t ("adoption" -> "adopt", but "champion" keeps it).
            if ends("ion") && n >= 4 && (p[n - 4] == EnglishStemmer.Ascii.s || p[n - 4] == EnglishStemmer.Ascii.t) {
                deleteInR2(3)
            }
        default:
            break
        }
    }

    /// Step 5: a final e in R2, or in R1 but not after a short syllable, goes; so does the
    /// second l of a final -ll in R2.
    mutating func step5() {
        guard n >= 2 else { return }
        let start = n - 1
        switch p[start] {
        case EnglishStemmer.Ascii.e:
            if start >= p2 || (start >= p1 && !endsInShortSyllable(start)) { n = start }
        case EnglishStemmer.Ascii.l:
            if start >= p2 && p[start - 1] == EnglishStemmer.Ascii.l { n = start }
        default:
            break
        }
    }
}
