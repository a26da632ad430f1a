import GRDB

/// Reads the values of a state row exactly as the schema promises them, or reports the damage.
///
/// GRDB's `row[index]` traps on a NULL or a value it cannot convert, and its typed fetches let
/// SQLite convert silently ('yes' reads as false). A file edited by hand, damaged, or written by
/// another program may hold anything, so every value is checked here and a wrong one is a
/// ``DamagedValue`` (which the store turns into a one-line "state not read" error), never a trap.
enum StoredValue {
    /// A text value (an article id, a query).
    static func text(_ row: Row, _ index: Int, column: String) throws -> String {
        guard let text = try optionalText(row, index, column: column) else {
            throw DamagedValue(column: column, found: "NULL", expected: "text")
        }
        return text
    }

    /// A text value or NULL (the last selected article, the sort order).
    static func optionalText(_ row: Row, _ index: Int, column: String) throws -> String? {
        let value: DatabaseValue = row[index]
        switch value.storage {
        case .null: return nil
        case .string(let text): return text
        default: throw DamagedValue(column: column, found: kind(value), expected: "text")
        }
    }

    /// A flag: 0 or 1, as SQLite stores booleans.
    static func flag(_ row: Row, _ index: Int, column: String) throws -> Bool {
        let value: DatabaseValue = row[index]
        guard case .int64(let number) = value.storage, number == 0 || number == 1 else {
            throw DamagedValue(column: column, found: kind(value), expected: "0 or 1")
        }
        return number == 1
    }

    /// A byte offset into an article body (at least 0), or NULL for none.
    static func offset(_ row: Row, _ index: Int, column: String) throws -> Int? {
        let value: DatabaseValue = row[index]
        switch value.storage {
        case .null: return nil
        case .int64(let number) where number >= 0 && number <= Int64(Int.max): return Int(number)
        default: throw DamagedValue(column: column, found: kind(value), expected: "an offset")
        }
    }

    private static func kind(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let number): "the number \(number)"
        case .double: "a real number"
        case .string: "text"
        case .blob: "a blob"
        }
    }
}

/// A value in the state file that is not what the schema promises.
struct DamagedValue: Error, CustomStringConvertible {
    let column: String
    let found: String
    let expected: String

    var description: String { "damaged file: \(column) holds \(found), not \(expected)" }
}
