import FolioCore

/// The value slots and term prefixes `folio index --xapian` writes and `XapianEngine` reads (the
/// C++ shim's sort keys name the same slots).
enum XapianSlot {
    /// "YYYYMMDD": sorts and ranges like the date.
    static let date: UInt32 = 0
    /// The lower-cased title, a NUL, then the id: title order with ids breaking ties.
    static let title: UInt32 = 1
    /// The lower-cased source.
    static let source: UInt32 = 2
    /// A hash of the document's stored data: a changed article gets a new one (`folio index` again).
    static let fingerprint: UInt32 = 3
    /// Date order in one ascending key (Xapian's remote backend sorts by one slot): the date's
    /// digits each subtracted from 9, so newer sorts first, "~" for none (after every date), then
    /// the title key.
    static let dateOrder: UInt32 = 4
    /// The source key, a NUL, then the date order key.
    static let sourceOrder: UInt32 = 5

    static func dateOrderValue(_ date: CalendarDate?, titleKey: [UInt8]) -> [UInt8] {
        let digits = dateValue(date)
        let inverted =
            digits.isEmpty ? Array("~".utf8) : digits.map { UInt8(ascii: "9") - ($0 - UInt8(ascii: "0")) + UInt8(ascii: "0") }
        return inverted + [0] + titleKey
    }

    static func dateValue(_ date: CalendarDate?) -> [UInt8] {
        guard let date else { return [] }
        // "YYYY-MM-DD" is fixed width (CalendarDate), so the digits alone sort like the date.
        return Array(date.description.utf8.filter { $0 != UInt8(ascii: "-") })
    }
}

/// Term prefixes (Xapian's convention: capitals before folio's lower-case folded tokens).
enum XapianPrefix {
    /// The unique id term: "Q" + article id.
    static let id: [UInt8] = Array("Q".utf8)
    /// A token's Porter2 stem (folio's stem groups): "Z" + stem.
    static let stem: [UInt8] = Array("Z".utf8)
    /// A title token ("S" + token) and its stem ("ZS" + stem), for `title:`.
    static let title: [UInt8] = Array("S".utf8)
    static let titleStem: [UInt8] = Array("ZS".utf8)
    /// An author's token ("XA" + token) and a source's ("XS" + token), for `author:` and `source:`.
    static let author: [UInt8] = Array("XA".utf8)
    static let source: [UInt8] = Array("XS".utf8)
}
