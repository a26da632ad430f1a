import Foundation

/// Makes decoded article text safe and uniform, once, at load (Documentation/architecture.md §5).
///
/// After `normalize`, text holds no C0/C1 control character but "\n", no escape-sequence residue,
/// no bidi override/isolate control, no BOM; line ends are "\n", tabs are spaces, and it is NFC.
/// Article text can then never drive a terminal, whatever the file held.
public enum TextNormalizer {
    /// Tab stops are every `tabWidth` columns, counted in scalars from the start of the line.
    public static let tabWidth = 4

    public static func normalize(_ text: String) -> String {
        var text = text
        let scan = text.withUTF8 { ByteScan(bytes: $0) }
        if !scan.needsCleaning {
            return scan.hasNonASCII && !scan.isSurelyNFC ? text.precomposedStringWithCanonicalMapping : text
        }
        return clean(text)
    }

    /// The scalar-by-scalar pass, taken only when a byte scan found something to remove or rewrite.
    private static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var column = 0
        var pending: Unicode.Scalar? = nil
        var sawNonASCII = false

        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return iterator.next()
        }
        while let scalar = next() {
            let value = scalar.value
            switch value {
            case 0x0A:
                scalars.append("\n")
                column = 0
            case 0x0D:
                // CRLF and lone CR both end a line.
                if let following = iterator.next(), following != "\n" { pending = following }
                scalars.append("\n")
                column = 0
            case 0x09:
                let spaces = tabWidth - column % tabWidth
                for _ in 0..<spaces { scalars.append(" ") }
                column += spaces
            case 0x1B:
                skipEscapeSequences(after: iterator.next(), &iterator, pending: &pending)
            case 0x9B:
                // C1 CSI: the same as ESC [ for a terminal that honours 8-bit controls.
                skipControlSequenceBody(&iterator, pending: &pending)
            case 0x90, 0x9D, 0x98, 0x9E, 0x9F:
                // C1 DCS, OSC, SOS, PM, APC: a string runs to ST (or BEL); drop all of it.
                let next = skipControlString(&iterator, pending: &pending)
                skipEscapeSequences(after: next, &iterator, pending: &pending)
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
                // Bidi marks, embeddings, overrides and isolates: they let text reorder what the
                // terminal shows (Trojan Source); the terminal's own bidi handling, if any, still applies.
                continue
            case 0xFEFF, 0xFFF9...0xFFFB:
                // BOM / zero-width no-break space; interlinear annotation controls.
                continue
            default:
                if value >= 0x80 { sawNonASCII = true }
                scalars.append(scalar)
                column += 1
            }
        }
        let cleaned = String(scalars)
        // NFC only matters when there is something to compose; ASCII-only text is skipped (most corpora).
        return sawNonASCII && !isSurelyNFC(cleaned) ? cleaned.precomposedStringWithCanonicalMapping : cleaned
    }

    /// True when every scalar is in a range that NFC leaves alone (Latin-1 and Latin Extended
    /// letters, typographic punctuation, currency signs, CJK ideographs): Foundation's normaliser is
    /// then skipped, which is most of the load time for text that only has curly quotes or a "£".
    static func isSurelyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x300, 0x2010...0x206F, 0x20A0...0x20BF, 0x2122, 0x4E00...0x9FFF: continue
            default: return false
            }
        }
        return true
    }

    /// Drops the escape sequence whose introducer (the scalar after ESC) is `introducer`, and the
    /// ones after it when an ESC inside a sequence starts a new one: a terminal abandons the first
    /// sequence and reads the second (`ESC ESC [31m`, `ESC ] 0;title ESC [31m` are both a CSI).
    /// A loop, not recursion, so a file of a million nested ESCs cannot exhaust the stack.
    private static func skipEscapeSequences(
        after introducer: Unicode.Scalar?, _ iterator: inout String.UnicodeScalarView.Iterator,
        pending: inout Unicode.Scalar?
    ) {
        var next = introducer
        while let current = next {
            next = skipEscapeSequence(introducer: current, &iterator, pending: &pending)
        }
    }

    /// Drops one escape sequence after ESC: CSI (ESC [), OSC/DCS/SOS/PM/APC strings, or a 2-byte escape.
    /// Returns the introducer of a new sequence when an ESC inside this one started it.
    private static func skipEscapeSequence(
        introducer: Unicode.Scalar, _ iterator: inout String.UnicodeScalarView.Iterator,
        pending: inout Unicode.Scalar?
    ) -> Unicode.Scalar? {
        switch introducer {
        case "[":
            skipControlSequenceBody(&iterator, pending: &pending)
        case "]", "P", "X", "^", "_":
            return skipControlString(&iterator, pending: &pending)
        case "\u{1B}":
            // ESC ESC: the first escape is abandoned, the second one starts over.
            return iterator.next()
        case " "..."/":
            // nF escape: intermediates then one final byte (0x30–0x7E); anything else is not part of it.
            while let scalar = iterator.next() {
                if (0x20...0x2F).contains(scalar.value) { continue }
                if !(0x30...0x7E).contains(scalar.value) { pending = scalar }
                break
            }
        default:
            // Two-character escape (ESC 7, ESC c, ESC M…): the character is part of it. A line end
            // is text, though, and an ESC at the end of a line must not swallow it; a C1 control
            // acts wherever it appears, so it is read again as one.
            if introducer == "\n" || introducer == "\r" || (0x80...0x9F).contains(introducer.value) {
                pending = introducer
            }
        }
        return nil
    }

    /// CSI parameters and intermediates (0x20–0x3F) up to a final byte (0x40–0x7E).
    private static func skipControlSequenceBody(
        _ iterator: inout String.UnicodeScalarView.Iterator, pending: inout Unicode.Scalar?
    ) {
        while let scalar = iterator.next() {
            switch scalar.value {
            case 0x20...0x3F: continue
            case 0x40...0x7E: return
            default:
                // Not a CSI byte: the sequence is malformed; keep the character as text.
                pending = scalar
                return
            }
        }
    }

    /// A control string ends at ST (ESC \ or 0x9C) or BEL. An unterminated one would otherwise eat
    /// the rest of the article, so a line end also ends it (terminals differ; text matters more).
    /// Returns the introducer of a new escape sequence when the string ends at an ESC that is not ST.
    private static func skipControlString(
        _ iterator: inout String.UnicodeScalarView.Iterator, pending: inout Unicode.Scalar?
    ) -> Unicode.Scalar? {
        while let scalar = iterator.next() {
            switch scalar.value {
            case 0x07, 0x9C: return nil
            case 0x1B:
                // ESC followed by a backslash is ST; any other ESC ends the string and starts a new sequence.
                guard let following = iterator.next(), following != "\\" else { return nil }
                return following
            case 0x0A, 0x0D:
                pending = scalar
                return nil
            default: continue
            }
        }
        return nil
    }
}

/// One pass over UTF-8 bytes deciding whether the slow scalar pass is needed at all: most article
/// text has no controls, tabs or CRs, and pure ASCII needs no NFC either. Printable ASCII is
/// stepped over eight bytes at a time; a non-ASCII character is checked against
/// `TextNormalizer.isSurelyNFC`'s ranges from its bytes, so clean text is read once, not twice.
private struct ByteScan {
    var needsCleaning = false
    var hasNonASCII = false
    /// Every non-ASCII character seen is in a range NFC leaves alone (`TextNormalizer.isSurelyNFC`).
    var isSurelyNFC = true

    init(bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return }
        var index = 0
        while index < count {
            if index + 8 <= count && Self.isPrintableASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F {
                index += 1
                continue
            }
            if byte == 0x0A {
                index += 1
                continue
            }
            if byte < 0x80 {
                needsCleaning = true
                return
            }  // C0 control, tab, CR, DEL
            hasNonASCII = true
            let b1: UInt8 = index + 1 < count ? bytes[index + 1] : 0
            let b2: UInt8 = index + 2 < count ? bytes[index + 2] : 0
            switch byte {
            case 0xC2 where b1 >= 0x80 && b1 <= 0x9F:
                needsCleaning = true
                return  // C1 controls
            case 0xD8 where b1 == 0x9C:
                needsCleaning = true
                return  // U+061C
            case 0xE2 where b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (0xAA...0xAE).contains(b2)):
                needsCleaning = true
                return
            case 0xE2 where b1 == 0x81 && (0xA6...0xA9).contains(b2):
                needsCleaning = true
                return
            case 0xEF where b1 == 0xBB && b2 == 0xBF:
                needsCleaning = true
                return  // BOM
            case 0xEF where b1 == 0xBF && (0xB9...0xBB).contains(b2):
                needsCleaning = true
                return
            default:
                if isSurelyNFC && !Self.isSurelyNFC(lead: byte, b1, b2) { isSurelyNFC = false }
                index += 1
            }
        }
    }

    /// No byte below 0x20 and none at or above 0x7F among the eight (the SWAR "has less" and
    /// "has more" tests: each is exact about whether any byte matches).
    @inline(__always)
    private static func isPrintableASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & high
        let above = ((word &+ ones &* (0x7F - 0x7E)) | word) & high
        return below | above == 0
    }

    /// Whether the character starting with `lead` (a byte at or above 0x80, then `b1` and `b2`) is in
    /// one of `TextNormalizer.isSurelyNFC`'s ranges: U+0080–U+02FF, U+2010–U+206F, U+20A0–U+20BF,
    /// U+2122, U+4E00–U+9FFF. A continuation byte is part of a character already judged.
    private static func isSurelyNFC(lead: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        switch lead {
        case 0x80...0xBF, 0xC2...0xCB, 0xE5...0xE9: return true
        case 0xE4: return b1 >= 0xB8
        case 0xE2:
            return (b1 == 0x80 && b2 >= 0x90) || (b1 == 0x81 && b2 <= 0xAF) || (b1 == 0x82 && b2 >= 0xA0)
                || (b1 == 0x84 && b2 == 0xA2)
        default: return false
        }
    }
}
