/// The header block of a mail or Usenet file as the file has it: every header line, for the reading
/// pane's full headers (`H`). The parser keeps only the fields it uses (`MailHeader`), so the reader
/// reads the file's start again when asked.
public enum HeaderBlock {
    /// The most of a file's start read for its headers.
    public static let maximumBytes = 64 * 1024

    /// The header lines at the start of `bytes` (a folded continuation joined to its line), decoded
    /// and normalised like an article's text; nil when the file does not start with a mail or Usenet
    /// header block.
    public static func lines(ofFileStart bytes: [UInt8]) -> [String]? {
        let decoded = TextDecoder.decode(Array(bytes.prefix(maximumBytes))).text
        let text = TextNormalizer.normalize(decoded)
        guard let split = MailHeader.split(Substring(text)) else { return nil }
        let block = text[..<split.body.startIndex]
        var lines: [String] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == " ", !lines.isEmpty {
                lines[lines.count - 1] += " " + line.drop(while: { $0 == " " })
            } else {
                lines.append(String(line))
            }
        }
        return lines
    }
}
