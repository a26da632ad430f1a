import Foundation  // JSONEncoder/JSONDecoder for the Codable round trip only
import Testing

@testable import FolioCore

private typealias Row = DateParserTests.Case

private let accepted: [Row] = [
    // ISO 8601
    Row("2021-10-25", "2021-10-25"),
    Row("2021-10-25T10:00:00Z", "2021-10-25"),
    Row("2021-10-25T10:00:00+02:00", "2021-10-25"),
    Row("2021-10-25T23:30:00-07:00", "2021-10-25"),  // as written: no shift to the 26th
    Row("2021-10-25T00:30:00+14:00", "2021-10-25"),
    Row("2021-10-25 10:00", "2021-10-25"),
    Row("2021-10-25T10:00:00.123Z", "2021-10-25"),
    Row("2021-10-25T10:00:00,5+0200", "2021-10-25"),
    Row("2021-10-25t10:00z", "2021-10-25"),
    Row("2021-10-25T10:00:00+02", "2021-10-25"),
    Row("20211025", "2021-10-25"),
    Row("20211025T100000Z", "2021-10-25"),
    Row("  2021-10-25\n", "2021-10-25"),
    Row("\u{A0}2021-10-25\u{A0}", "2021-10-25"),
    Row("2021-1-5", "2021-01-05"),
    // Year first, other separators
    Row("2021/10/25", "2021-10-25"),
    Row("2021.10.25", "2021-10-25"),
    Row("2021/10/25 10:00", "2021-10-25"),
    // RFC 2822 / mail
    Row("Mon, 25 Oct 2021 10:00:00 +0000", "2021-10-25"),
    Row("25 Oct 2021 10:00:00 GMT", "2021-10-25"),
    Row("Mon, 5 Oct 2021 10:00 -0700", "2021-10-05"),
    Row("Mon, 25 Oct 2021 10:00:00 -0700 (PDT)", "2021-10-25"),
    Row("Mon, 25 Oct 2021", "2021-10-25"),
    Row("MON, 25 OCT 2021 10:00:00 UT", "2021-10-25"),
    Row("25 Oct 21", "2021-10-25"),
    Row("25 Oct 49", "2049-10-25"),
    Row("25 Oct 50", "1950-10-25"),
    Row("25 Oct 99 10:00:00 EST", "1999-10-25"),
    Row("25 Oct 121", "2021-10-25"),  // RFC 2822 obsolete 3-digit year
    Row("Tue, 25 Oct 2021 10:00:00 +0000", "2021-10-25"),  // wrong weekday is ignored
    // Prose and site forms
    Row("October 25, 2021", "2021-10-25"),
    Row("october 25 2021", "2021-10-25"),
    Row("Oct. 25, 2021", "2021-10-25"),
    Row("Oct 25, 2021", "2021-10-25"),
    Row("Sept. 28, 2021", "2021-09-28"),
    Row("Sep 28, 2021", "2021-09-28"),
    Row("25 October 2021", "2021-10-25"),
    Row("25th October 2021", "2021-10-25"),
    Row("1st March 2020", "2020-03-01"),
    Row("2nd June 2020", "2020-06-02"),
    Row("23rd July 2020", "2020-07-23"),
    Row("25th of October 2021", "2021-10-25"),
    Row("October 25th, 2021", "2021-10-25"),
    Row("May 5, 2021", "2021-05-05"),
    Row("Monday, October 25, 2021", "2021-10-25"),
    Row("Thurs., Oct. 28, 2021", "2021-10-28"),
    Row("Wednesday 27 October 2021", "2021-10-27"),
    Row("October 25, 2021 at 10:00 AM", "2021-10-25"),
    Row("October 25, 2021, 10:00 pm", "2021-10-25"),
    Row("October\u{A0}25,\u{202F}2021", "2021-10-25"),
    Row("25-Oct-2021", "2021-10-25"),
    Row("25Oct2021", "2021-10-25"),
    Row("Mon Oct 25 10:00:00 2021", "2021-10-25"),  // ctime
    Row("Mon Oct 25 10:00:00 UTC 2021", "2021-10-25"),  // date(1)
    // Numeric day/month, only when unambiguous
    Row("10/25/2021", "2021-10-25"),
    Row("25/10/2021", "2021-10-25"),
    Row("25.10.2021", "2021-10-25"),
    Row("25-10-2021", "2021-10-25"),
    Row("5/5/2021", "2021-05-05"),  // both readings agree
    Row("12/31/2021 23:59", "2021-12-31"),
    // Leap years
    Row("2020-02-29", "2020-02-29"),
    Row("2000-02-29", "2000-02-29"),
    Row("29 Feb 2024", "2024-02-29"),
    // Range edges
    Row("1000-01-01", "1000-01-01"),
    Row("9999-12-31", "9999-12-31")
]

private let rejected: [Row] = [
    Row("", nil),
    Row("   ", nil),
    Row("2021", nil),
    Row("October 2021", nil),
    Row("2021-10", nil),
    Row("garbage", nil),
    Row("yesterday", nil),
    Row("Monday", nil),
    Row("2021-02-30", nil),
    Row("2021-02-29", nil),
    Row("1900-02-29", nil),
    Row("2021-13-01", nil),
    Row("2021-00-10", nil),
    Row("2021-10-00", nil),
    Row("2021-04-31", nil),
    Row("0999-12-31", nil),
    Row("2021-10-25x", nil),
    Row("2021-10-25 notes", nil),
    Row("2021-10-25T", nil),
    Row("2021-10-25T25:00", nil),
    Row("2021-10-25T10:61", nil),
    Row("2021-10/25", nil),
    Row("2021-100-25", nil),
    Row("2021-10-255", nil),
    Row("202110250", nil),
    Row("20211025 10:00", nil),
    Row("05/10/2021", nil),  // ambiguous
    Row("10/11/2021", nil),  // ambiguous
    Row("25/13/2021", nil),  // neither reading valid
    Row("10/25/21", nil),  // 2-digit year only in RFC 2822 forms
    Row("October 25, 21", nil),
    Row("32 Oct 2021", nil),
    Row("Oct 32, 2021", nil),
    Row("31 Nov 2021", nil),
    Row("Octember 25, 2021", nil),
    Row("Oc 25, 2021", nil),
    Row("25 Oct", nil),
    Row("Mon, 2021", nil),
    Row("Mon, 25 Oct 2021 10:00:00 +2500", nil),
    Row("Mon, 25 Oct 2021 10:00:00 (PDT", nil),
    Row("Mon Oct 25 10:00:00 2021 extra", nil),
    Row("2021-10-25\u{0}", nil),
    Row("２０２１-10-25", nil)  // fullwidth digits are not dates here
]

@Suite struct DateParserTests {
    /// One row of the parsing table: the text and the expected date as "YYYY-MM-DD", or nil for a rejection.
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: String?
        init(_ input: String, _ expected: String?) {
            self.input = input
            self.expected = expected
        }
        var testDescription: String { "\"\(input)\" → \(expected ?? "nil")" }
    }

    @Test(arguments: accepted + rejected)
    func parses(_ row: Case) {
        #expect(DateParser.parse(row.input)?.description == row.expected)
    }

    @Test func parsesSubstrings() {
        let line = "date: 25 Oct 2021 10:00:00 GMT"
        let value = line[line.index(line.startIndex, offsetBy: 6)...]
        #expect(DateParser.parse(value) == CalendarDate(year: 2021, month: 10, day: 25))
    }

    @Test func initValidates() {
        #expect(CalendarDate(year: 2020, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2021, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2021, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 2021, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2021, month: 1, day: 0) == nil)
        #expect(CalendarDate(year: 999, month: 1, day: 1) == nil)
        #expect(CalendarDate(year: 10_000, month: 1, day: 1) == nil)
    }

    @Test func descriptionIsPadded() {
        #expect(CalendarDate(year: 1000, month: 1, day: 5)?.description == "1000-01-05")
        #expect(CalendarDate(year: 2021, month: 10, day: 25)?.description == "2021-10-25")
    }

    @Test func ordinalAnchors() throws {
        #expect(try #require(CalendarDate(year: 1970, month: 1, day: 1)).ordinal == 0)
        #expect(try #require(CalendarDate(year: 2000, month: 3, day: 1)).ordinal == 11_017)
        #expect(try #require(CalendarDate(year: 1969, month: 12, day: 31)).ordinal == -1)
    }

    /// Walks every valid day from 1000-01-01 to 9999-12-31: each ordinal is the previous plus one, and
    /// the order agrees with `<`. With the 1970-01-01 anchor this proves `ordinal` for every valid date.
    @Test func ordinalIsConsecutiveForEveryDate() throws {
        var previous = try #require(CalendarDate(year: 1000, month: 1, day: 1))
        var failures = 0
        var days = 1
        while let next = Self.dayAfter(previous) {
            if next.ordinal != previous.ordinal + 1 || !(previous < next) { failures += 1 }
            previous = next
            days += 1
        }
        #expect(failures == 0)
        #expect(previous.description == "9999-12-31")
        #expect(days == 365 * 9000 + 2182)  // leap years in 1000...9999: 2250 − 90 + 22
    }

    @Test func ordinalAcrossBoundaries() throws {
        let pairs: [(String, String)] = [
            ("2021-01-31", "2021-02-01"), ("2021-02-28", "2021-03-01"), ("2020-02-29", "2020-03-01"),
            ("2020-12-31", "2021-01-01"), ("1999-12-31", "2000-01-01"), ("1900-02-28", "1900-03-01")
        ]
        for (earlier, later) in pairs {
            let a = try #require(DateParser.parse(earlier))
            let b = try #require(DateParser.parse(later))
            #expect(b.ordinal == a.ordinal + 1, "\(earlier) → \(later)")
            #expect(a < b)
        }
    }

    @Test func codableRoundTrip() throws {
        let dates = try [
            #require(CalendarDate(year: 2021, month: 10, day: 25)),
            #require(CalendarDate(year: 1000, month: 1, day: 1)),
            #require(CalendarDate(year: 2000, month: 2, day: 29))
        ]
        let data = try JSONEncoder().encode(dates)
        #expect(String(decoding: data, as: UTF8.self) == #"["2021-10-25","1000-01-01","2000-02-29"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == dates)
    }

    @Test(arguments: [#"["2021-02-30"]"#, #"["2021-10-25T10:00:00Z"]"#, #"["25 Oct 2021"]"#, #"[20211025]"#])
    func decodingRejectsOtherForms(_ json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(json.utf8))
        }
    }

    /// Every day of 1949–1951 and 1999–2001 (both sides of the two-digit-year pivots) written in each supported form parses back to itself.
    @Test func everyFormRoundTrips() throws {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"
        ]
        var failures: [String] = []
        for startYear in [1949, 1999] {
            var date = try #require(CalendarDate(year: startYear, month: 1, day: 1))
            while date.year < startYear + 3 {
                let (y, m, d) = (date.year, date.month, date.day)
                let month = months[m - 1]
                let short = String(month.prefix(3))
                let suffix =
                    (11...13).contains(d % 100) ? "th" : d % 10 == 1 ? "st" : d % 10 == 2 ? "nd" : d % 10 == 3 ? "rd" : "th"
                let mm = m < 10 ? "0\(m)" : "\(m)"
                let dd = d < 10 ? "0\(d)" : "\(d)"
                var forms = [
                    "\(y)-\(mm)-\(dd)", "\(y)\(mm)\(dd)", "\(y)-\(mm)-\(dd)T12:34:56.789-09:30", "\(y)/\(m)/\(d)",
                    "\(y).\(mm).\(dd)", "Sun, \(d) \(short) \(y) 23:59:60 +1400", "\(d) \(month) \(y)",
                    "\(d)\(suffix) of \(month) \(y)", "\(month) \(d)\(suffix), \(y)", "\(short). \(d), \(y)"
                ]
                // RFC 2822 two-digit years cover 1950...2049 only.
                if (1950...2049).contains(y) { forms.append("\(d) \(short.uppercased()) \(String(y).suffix(2)) 00:00 UT") }
                if d > 12 || d == m { forms += ["\(m)/\(d)/\(y)", "\(d)/\(m)/\(y)"] }
                for form in forms where DateParser.parse(form) != date { failures.append(form) }
                date = try #require(Self.dayAfter(date))
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    private static func dayAfter(_ date: CalendarDate) -> CalendarDate? {
        CalendarDate(year: date.year, month: date.month, day: date.day + 1)
            ?? CalendarDate(year: date.year, month: date.month + 1, day: 1)
            ?? CalendarDate(year: date.year + 1, month: 1, day: 1)
    }
}
