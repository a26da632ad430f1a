/// `text/plain; format=flowed` (RFC 3676): a line that ends with a space continues on the next one,
/// so a paragraph is one line again and the reader wraps it to the window instead of at the
/// sender's 72 columns.
enum FlowedText {
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var current: String? = nil
        var currentDepth = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            let depth = line.prefix(while: { $0 == ">" }).count
            line = line.dropFirst(depth)
            if line.first == " " { line = line.dropFirst() }  // space-stuffing
            // The signature separator "-- " is never flowed.
            let flowed = line.hasSuffix(" ") && line != "-- "
            if deleteSpace && flowed { line = line.dropLast() }
            if let open = current, depth == currentDepth {
                current = open + line
            } else {
                if let open = current { output.append(quoted(open, depth: currentDepth)) }
                current = String(line)
                currentDepth = depth
            }
            if !flowed {
                output.append(quoted(current!, depth: currentDepth))
                current = nil
            }
        }
        if let open = current { output.append(quoted(open, depth: currentDepth)) }
        return output.joined(separator: "\n")
    }

    private static func quoted(_ line: String, depth: Int) -> String {
        depth == 0 ? line : String(repeating: ">", count: depth) + " " + line
    }
}
