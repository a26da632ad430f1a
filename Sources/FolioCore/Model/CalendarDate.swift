/// A day in the proleptic Gregorian calendar, without time or zone: articles are sorted and filtered by day.
///
/// Only years 1000...9999 are representable through `init?`, so `description` is always the
/// fixed-width "YYYY-MM-DD" and sorts the same way as the dates themselves.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date, or nil unless the day exists (month lengths, leap years) and the year is 1000...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether `year` is a leap year in the proleptic Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1...12) of `year`; 0 for a month outside 1...12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// Days since 1970-01-01 (which is 0): consecutive days differ by exactly 1, so it sorts like the date.
    ///
    /// Uses Howard Hinnant's `days_from_civil`: counting years from March puts the leap day last,
    /// so the day of the year is a closed formula and the 400-year cycle (146097 days) does the rest.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        // Floor division, so the formula stays right even for years below 0 set through the vars.
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400  // 0...399
        let monthFromMarch = month > 2 ? month - 3 : month + 9  // March = 0 ... February = 11
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1  // 0...365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468  // 719468 = days 0000-03-01...1970-01-01
    }

    /// The ISO 8601 form, "2021-10-25".
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            // Only reachable after setting the vars out of range; keep it readable rather than fast.
            return "\(year)-\(month)-\(day)"
        }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, width: Int, at start: Int) {
                var rest = value
                for index in stride(from: start + width - 1, through: start, by: -1) {
                    buffer[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                    rest /= 10
                }
            }
            put(year, width: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, width: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, width: 2, at: 8)
            return 10
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes exactly "YYYY-MM-DD": stored data is written by `encode`, so anything looser is corruption.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(isoDay: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a valid date as YYYY-MM-DD, got \"\(text)\"")
        }
        self = date
    }

    /// Encodes as the ISO string "2021-10-25", readable in JSON and sortable as text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Parses exactly the 10-byte form produced by `description`.
    init?(isoDay text: String) {
        var text = text
        let parsed: CalendarDate? = text.withUTF8 { bytes in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return CalendarDate(year: year, month: month, day: day)
        }
        guard let date = parsed else { return nil }
        self = date
    }
}
