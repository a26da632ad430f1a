/// A read position over the UTF-8 bytes of one date string, with the small scanners the forms share.
struct DateCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
    }

    var atEnd: Bool { position >= end }
    var peek: UInt8? { position < end ? bytes[position] : nil }
    var atDigit: Bool { peekIsDigit(at: 0) }
    var atLetter: Bool { position < end && DateCursor.isLetter(bytes[position]) }

    func peekIsDigit(at offset: Int) -> Bool {
        position + offset < end && bytes[position + offset] &- UInt8(ascii: "0") < 10
    }

    mutating func advance() { position += 1 }

    /// Consumes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    /// Reads a run of ASCII digits: its value and width, or nil when there is none or it is too long to matter.
    mutating func number() -> (value: Int, digits: Int)? {
        let start = position
        var value = 0
        while position < end, case let digit = bytes[position] &- UInt8(ascii: "0"), digit < 10 {
            value = value &* 10 &+ Int(digit)
            position += 1
        }
        let digits = position - start
        // No date field is wider than the 8 digits of "20211025"; longer runs could overflow.
        return (1...9).contains(digits) ? (value, digits) : nil
    }

    /// Reads a run of ASCII letters (possibly empty).
    mutating func word() -> UnsafeBufferPointer<UInt8>.SubSequence {
        let start = position
        while position < end, DateCursor.isLetter(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    /// Width of the whitespace character at `index`, 0 if none. Beyond ASCII, covers the no-break and
    /// thin spaces (U+00A0, U+2000–U+200A, U+202F) that web pages and CMS templates put inside dates.
    private func spaceWidth(at index: Int) -> Int {
        switch bytes[index] {
        case 0x20, 0x09...0x0D:
            return 1
        case 0xC2 where index + 1 < end && bytes[index + 1] == 0xA0:
            return 2
        case 0xE2
        where index + 2 < end && bytes[index + 1] == 0x80
            && (0x80...0x8A ~= bytes[index + 2] || bytes[index + 2] == 0xAF):
            return 3
        default:
            return 0
        }
    }

    /// Skips whitespace; returns whether there was any.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = position
        while position < end, case let width = spaceWidth(at: position), width > 0 { position += width }
        return position > start
    }

    /// Drops whitespace at both ends, so forms can insist on reaching the end.
    mutating func trimSpaces() {
        skipSpaces()
        while end > position {
            if DateCursor.isASCIISpace(bytes[end - 1]) {
                end -= 1
            } else if end - position >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 {
                end -= 2
            } else if end - position >= 3, spaceWidth(at: end - 3) == 3 {
                end -= 3
            } else {
                break
            }
        }
    }

    /// Skips what may stand between the fields of a written date ("Oct. 25, 2021", "25-Oct-2021",
    /// "Mon, 25 Oct"): whitespace, ",", ".", "-", "/". Returns whether anything was skipped.
    @discardableResult
    mutating func skipFieldSeparators() -> Bool {
        let start = position
        while position < end {
            switch bytes[position] {
            case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "/"):
                position += 1
            default:
                guard skipSpaces() else { return position > start }
            }
        }
        return position > start
    }

    /// Accepts what may follow a date: nothing, or a time (after "T", whitespace, "," or " at ")
    /// followed by zone designators. Only the shape is checked; the values are not used.
    mutating func timeTail() -> Bool {
        if atEnd { return true }
        if !take(UInt8(ascii: "T")) && !take(UInt8(ascii: "t")) {
            var separated = skipSpaces()
            if take(UInt8(ascii: ",")) {
                separated = true
                skipSpaces()
            }
            guard separated else { return false }
            var lookahead = self
            let word = lookahead.word()
            if word.count == 2, word.first! | 0x20 == UInt8(ascii: "a"), word.last! | 0x20 == UInt8(ascii: "t"),
                lookahead.skipSpaces()
            {
                self = lookahead
            }
        }
        guard time() else { return false }
        while true {
            skipSpaces()
            if atEnd { return true }
            guard zoneItem() else { return false }
        }
    }

    /// A clock time: `10:00`, `10:00:00`, `10:00:00.123`, or ISO basic `1000`, `100000`, `100000.5`.
    mutating func time() -> Bool {
        guard let hour = number() else { return false }
        var minute = 0
        var second = 0
        if (1...2).contains(hour.digits) {
            guard take(UInt8(ascii: ":")), let minutes = number(), minutes.digits == 2 else { return false }
            minute = minutes.value
            if take(UInt8(ascii: ":")) {
                guard let seconds = number(), seconds.digits == 2 else { return false }
                second = seconds.value
            }
            guard hour.value <= 24 else { return false }
        } else if hour.digits == 4 || hour.digits == 6 {
            let hhmmss = hour.digits == 4 ? hour.value * 100 : hour.value
            guard hhmmss / 10_000 <= 24 else { return false }
            minute = hhmmss / 100 % 100
            second = hhmmss % 100
        } else {
            return false
        }
        guard minute <= 59, second <= 60 else { return false }  // 60: leap second
        if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
            guard number() != nil else { return false }
        }
        return true
    }

    /// One zone designator or note after a time: `Z`, `GMT`, `PDT`, `am`, `+02:00`, `-0700`, `+02`, `(UTC)`.
    private mutating func zoneItem() -> Bool {
        guard let byte = peek else { return false }
        if DateCursor.isLetter(byte) {
            return word().count <= 6
        }
        if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
            advance()
            guard let hours = number() else { return false }
            switch hours.digits {
            case 2 where take(UInt8(ascii: ":")):
                guard let minutes = number(), minutes.digits == 2 else { return false }
                return hours.value <= 23 && minutes.value <= 59
            case 1, 2:
                return hours.value <= 23
            case 4:
                return hours.value / 100 <= 23 && hours.value % 100 <= 59
            default:
                return false
            }
        }
        if byte == UInt8(ascii: "(") {
            // An RFC 2822 comment such as "(PDT)": anything up to the closing parenthesis.
            while let next = peek, next != UInt8(ascii: ")") { advance() }
            return take(UInt8(ascii: ")"))
        }
        return false
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    static func isNumericSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")
    }
}
