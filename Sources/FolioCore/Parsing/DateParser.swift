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
