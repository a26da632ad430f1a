extension String {
    /// The substring at a UTF-8 byte range (hit ranges are byte offsets).
    func utf8Slice(_ range: Range<Int>) -> String {
        String(decoding: Array(utf8)[range], as: UTF8.self)
    }
}
