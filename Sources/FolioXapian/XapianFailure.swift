import CXapian

/// A Xapian call that failed: its message in one line (a down shard, a corrupt or newer database,
/// a timeout), never a crash (the C++ shim catches every exception, architecture.md §9).
public struct XapianFailure: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }

    /// Takes over a shim error (nil means success) and throws it.
    static func check(_ error: fx_error?) throws(XapianFailure) {
        guard let error else { return }
        let message = String(cString: error)
        fx_free_string(error)
        throw XapianFailure(message.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    /// True when this build of folio has libxapian (the `Xapian` package trait).
    public static var isAvailable: Bool { fx_available() != 0 }
}

/// A string the shim allocated, as a Swift String (freed here); nil stays nil.
func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    defer { fx_free_string(pointer) }
    return String(cString: pointer)
}
