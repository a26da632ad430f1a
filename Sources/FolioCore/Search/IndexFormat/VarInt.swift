/// LEB128-style variable-length integers for postings: most gaps and term frequencies fit one byte,
/// which keeps the index a fraction of the text's size (issue target: RSS ≤ 1.4 × the corpus text).
enum VarInt {
    @inline(__always)
    static func length(_ value: UInt32) -> Int {
        value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x20_0000 ? 3 : value < 0x1000_0000 ? 4 : 5
    }

    /// Writes `value` at `position`, returns the position after it.
    @inline(__always)
    static func write(_ value: UInt32, to buffer: UnsafeMutablePointer<UInt8>, at position: Int) -> Int {
        var value = value
        var position = position
        while value >= 0x80 {
            buffer[position] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            position += 1
        }
        buffer[position] = UInt8(value)
        return position + 1
    }

    @inline(__always)
    static func read(_ buffer: UnsafePointer<UInt8>, at position: inout Int) -> UInt32 {
        var byte = buffer[position]
        position += 1
        if byte < 0x80 { return UInt32(byte) }
        var value = UInt32(byte & 0x7F)
        var shift: UInt32 = 7
        repeat {
            byte = buffer[position]
            position += 1
            value |= UInt32(byte & 0x7F) << shift
            shift += 7
        } while byte >= 0x80
        return value
    }
}
