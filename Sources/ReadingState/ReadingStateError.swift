import Foundation
import GRDB

/// A failure of the state store, as one line for the status bar:
/// `state not saved: attempt to write a readonly database`.
///
/// The reader shows ``description`` and goes on without (or with stale) state: a failing store is
/// never a reason to stop reading.
public struct ReadingStateError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What the store was doing when it failed.
    public enum Operation: Sendable, Equatable {
        /// Creating the folder, opening the file or migrating its schema.
        case open
        /// Reading state.
        case read
        /// Saving state.
        case write
    }

    /// What the store was doing when it failed.
    public let operation: Operation
    /// The database file concerned.
    public let path: String
    /// Why, in SQLite's or the system's words, on one line ("database is locked").
    public let reason: String

    /// An error from its parts; `reason` is folded onto one line.
    public init(operation: Operation, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = Self.oneLine(reason)
    }

    /// One line: `state not saved: REASON`, `state not read: REASON`, or for opening
    /// `state unavailable: REASON (PATH)`.
    public var description: String {
        switch operation {
        case .open: "state unavailable: \(reason) (\(path))"
        case .read: "state not read: \(reason)"
        case .write: "state not saved: \(reason)"
        }
    }

    /// Wraps any error thrown while the store was doing `operation`.
    static func wrapping(_ error: any Error, operation: Operation, path: String) -> ReadingStateError {
        if let error = error as? ReadingStateError { return error }
        if let error = error as? DatabaseError {
            // SQLite's own message ("attempt to write a readonly database") says it best.
            return ReadingStateError(
                operation: operation, path: path, reason: error.message ?? "\(error.extendedResultCode)")
        }
        return ReadingStateError(operation: operation, path: path, reason: String(describing: error))
    }

    private static func oneLine(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isNewline || $0 == "\t" })
        let line = words.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return line.isEmpty ? "unknown error" : line
    }
}
