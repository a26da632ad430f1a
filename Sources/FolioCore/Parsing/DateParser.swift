/// Parses the date forms found in article files; returns nil (never throws) for anything else.
///
/// Accepted (surrounding whitespace ignored, month and weekday names in English, any letter case):
/// - ISO 8601: `2021-10-25`, `20211025`, with an optional time and zone: `2021-10-25T10:00:00.123Z`,
///   `2021-10-25T10:00:00+02:00`, `2021-10-25 10:00`, `20211025T100000Z`.
/// - Year first with other separators: `2021/10/25`, `2021.10.25`.
/// - RFC 2822 and mail: `Mon, 25 Oct 2021 10:00:00 +0000`, `25 Oct 2021 10:00:00 GMT`, `25 Oct 21`
///   (2-digit years: 00–49 → 20xx, 50–99 → 19xx; 3-digit years add 1900, as RFC 2822 §4.3 says).
/// - Prose: `October 25, 2021`, `Oct. 25, 2021`, `Sept. 28, 2021`, `25 October 2021`, `25th October 2021`,
///   `25th of October 2021`, `October 25th, 2021`, `25-Oct-2021`, and ctime's `Mon Oct 25 10:00:00 2021`.
/// - Numeric day and month: `25/10/2021`, `10/25/2021` (also with `-` or `.`), only when the reading is
///   unambiguous: one of the first two numbers is above 12, or both are equal. `05/10/2021` is nil,
///   because guessing wrong would silently misdate and missort an article.
///
/// The date is taken as written and the zone is never applied: the day the author wrote on the page is
/// the one a reader expects to see and filter by, and shifting `2021-10-25T23:30-07:00` to the 26th
/// would contradict the article itself. The time and zone are checked only for shape, so trailing
/// garbage still makes the whole text a non-date.
///
/// A weekday is skipped, not checked against the date: feeds often carry a wrong one, and the
/// day of the month is what the author meant.
///
/// Speed matters (once per article, up to a million articles): this scans UTF-8 bytes by hand,
/// without Foundation, regular expressions or allocation for native strings.
public enum DateParser {
    /// Parses `text` as one of the accepted date forms, or returns nil.
    public static func parse(_ text: some StringProtocol) -> CalendarDate? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ parse(utf8: $0) }) {
            return result
        }
        // Only bridged or otherwise non-contiguous strings get here; copying once is fine for them.
        return Array(text.utf8).withUnsafeBufferPointer { parse(utf8: $0) }
    }

    /// Parses UTF-8 bytes as one of the accepted date forms, or returns nil.
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        var cursor = DateCursor(bytes)
        cursor.trimSpaces()
        guard !cursor.atEnd else { return nil }
        if cursor.atLetter {
            let word = cursor.word()
            if let month = DateWords.month(word) { return monthFirst(month, &cursor) }
            guard DateWords.isWeekday(word), cursor.skipFieldSeparators() || cursor.atDigit else { return nil }
            if cursor.atLetter {
                guard let month = DateWords.month(cursor.word()) else { return nil }
                return monthFirst(month, &cursor)
            }
        }
        guard cursor.atDigit else { return nil }
        return numberFirst(&cursor)
    }

    // MARK: - Forms

    /// `20211025`, `2021-10-25…`, `25 Oct 2021…`, `25/10/2021…`: dispatches on the first number's width.
    private static func numberFirst(_ cursor: inout DateCursor) -> CalendarDate? {
        guard let first = cursor.number() else { return nil }
        switch first.digits {
        case 8:
            // ISO 8601 basic format; its time, if any, must be introduced by "T".
            guard cursor.atEnd || cursor.peek == UInt8(ascii: "T") || cursor.peek == UInt8(ascii: "t") else { return nil }
            return finish(year: first.value / 10_000, month: first.value / 100 % 100, day: first.value % 100, &cursor)
        case 4:
            return yearFirst(year: first.value, &cursor)
        case 1, 2:
            if let separator = cursor.peek, DateCursor.isNumericSeparator(separator), cursor.peekIsDigit(at: 1) {
                return numeric(first.value, separator: separator, &cursor)
            }
            return dayFirst(day: first.value, &cursor)
        default:
            return nil
        }
    }

    /// `2021-10-25`, `2021/10/25`, `2021.10.25`, each with an optional time: the separator must repeat.
    private static func yearFirst(year: Int, _ cursor: inout DateCursor) -> CalendarDate? {
        guard let separator = cursor.peek, DateCursor.isNumericSeparator(separator) else { return nil }
        cursor.advance()
        guard let month = cursor.number(), (1...2).contains(month.digits), cursor.take(separator),
            let day = cursor.number(), (1...2).contains(day.digits)
        else { return nil }
        return finish(year: year, month: month.value, day: day.value, &cursor)
    }

    /// `25/10/2021` or `10/25/2021`: accepted only when the order is unambiguous (see the type's doc).
    private static func numeric(_ first: Int, separator: UInt8, _ cursor: inout DateCursor) -> CalendarDate? {
        cursor.advance()
        guard let secondNumber = cursor.number(), (1...2).contains(secondNumber.digits), cursor.take(separator),
            let year = cursor.number(), year.digits == 4
        else { return nil }
        let second = secondNumber.value
        let (month, day): (Int, Int)
        if first == second || second > 12 {
            (month, day) = (first, second)  // US order, or both readings agree
        } else if first > 12 {
            (month, day) = (second, first)  // day first
        } else {
            return nil  // both ≤ 12 and different: no way to tell
        }
        return finish(year: year.value, month: month, day: day, &cursor)
    }

    /// `25 Oct 2021`, `25th October 2021`, `25th of October 2021`, `25-Oct-21` (RFC 2822 years allowed).
    private static func dayFirst(day: Int, _ cursor: inout DateCursor) -> CalendarDate? {
        cursor.skipFieldSeparators()
        guard cursor.atLetter else { return nil }
        var word = cursor.word()
        if DateWords.isOrdinalSuffix(word) {
            cursor.skipFieldSeparators()
            word = cursor.word()
        }
        if DateWords.isOf(word) {
            cursor.skipFieldSeparators()
            word = cursor.word()
        }
        guard let month = DateWords.month(word) else { return nil }
        cursor.skipFieldSeparators()  // optional: "25Oct2021" is unambiguous
        guard let year = cursor.number() else { return nil }
        let fullYear: Int
        switch (year.digits, year.value) {
        case (4, _): fullYear = year.value
        case (3, _): fullYear = 1900 + year.value  // RFC 2822 obs-year: three digits count from 1900
        case (2, 0..<50): fullYear = 2000 + year.value
        case (2, _): fullYear = 1900 + year.value
        default: return nil
        }
        return finish(year: fullYear, month: month, day: day, &cursor)
    }

    /// `October 25, 2021`, `Oct. 25th 2021`, and ctime's `Oct 25 10:00:00 [UTC] 2021`.
    private static func monthFirst(_ month: Int, _ cursor: inout DateCursor) -> CalendarDate? {
        cursor.skipFieldSeparators()
        guard let day = cursor.number(), (1...2).contains(day.digits) else { return nil }
        if cursor.atLetter {
            guard DateWords.isOrdinalSuffix(cursor.word()) else { return nil }
        }
        guard cursor.skipFieldSeparators() else { return nil }
        var lookahead = cursor
        if let year = lookahead.number(), year.digits == 4 {
            cursor = lookahead
            return finish(year: year.value, month: month, day: day.value, &cursor)
        }
        // ctime / `date` output puts the time (and maybe a zone) before the year; nothing may follow the year.
        guard cursor.time() else { return nil }
        cursor.skipSpaces()
        if cursor.atLetter {
            _ = cursor.word()
            cursor.skipSpaces()
        }
        guard let year = cursor.number(), year.digits == 4, cursor.atEnd,
            let date = CalendarDate(year: year.value, month: month, day: day.value)
        else { return nil }
        return date
    }

    /// Checks that whatever follows the date is a time and zone, then validates the date itself.
    private static func finish(year: Int, month: Int, day: Int, _ cursor: inout DateCursor) -> CalendarDate? {
        guard cursor.timeTail() else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}

/// The English words a date may contain, matched case-insensitively on ASCII bytes.
private enum DateWords {
    /// The month (1...12) named by `word`: a prefix of at least three letters of the full name, so
    /// "Oct", "Sept" and "October" all match. The first three letters of month names are all distinct.
    static func month(_ word: UnsafeBufferPointer<UInt8>.SubSequence) -> Int? {
        for month in 1...12 where isNamePrefix(word, of: monthName(month)) { return month }
        return nil
    }

    /// Whether `word` names a weekday the same way: "Mon", "Tues", "Thurs", "Wednesday".
    static func isWeekday(_ word: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        for weekday in 0..<7 where isNamePrefix(word, of: weekdayName(weekday)) { return true }
        return false
    }

    /// Whether `word` is an English ordinal suffix ("st", "nd", "rd", "th"), not checked against the number:
    /// "22th" is a typo of a real date, not a reason to lose it.
    static func isOrdinalSuffix(_ word: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        guard word.count == 2 else { return false }
        switch (word.first! | 0x20, word.last! | 0x20) {
        case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
            (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
            return true
        default:
            return false
        }
    }

    /// Whether `word` is "of", as in "25th of October 2021".
    static func isOf(_ word: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        word.count == 2 && word.first! | 0x20 == UInt8(ascii: "o") && word.last! | 0x20 == UInt8(ascii: "f")
    }

    private static func isNamePrefix(_ word: UnsafeBufferPointer<UInt8>.SubSequence, of name: StaticString) -> Bool {
        guard word.count >= 3, word.count <= name.utf8CodeUnitCount else { return false }
        var nameByte = name.utf8Start
        for byte in word {
            // Setting bit 5 lower-cases ASCII letters; `word` holds only letters, so nothing else collides.
            guard byte | 0x20 == nameByte.pointee else { return false }
            nameByte += 1
        }
        return true
    }

    private static func monthName(_ month: Int) -> StaticString {
        switch month {
        case 1: "january"
        case 2: "february"
        case 3: "march"
        case 4: "april"
        case 5: "may"
        case 6: "june"
        case 7: "july"
        case 8: "august"
        case 9: "september"
        case 10: "october"
        case 11: "november"
        default: "december"
        }
    }

    private static func weekdayName(_ weekday: Int) -> StaticString {
        switch weekday {
        case 0: "monday"
        case 1: "tuesday"
        case 2: "wednesday"
        case 3: "thursday"
        case 4: "friday"
        case 5: "saturday"
        default: "sunday"
        }
    }
}

/// A read position over the UTF-8 bytes of one date string, with the small scanners the forms share.
private struct DateCursor {
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
