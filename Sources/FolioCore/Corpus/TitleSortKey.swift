/// The bytes titles are sorted by (`SortKeys`, title order): lower-cased, without reply and forward
/// prefixes ("Re:", "Fwd:", "Fw:", repeated, any case, "Re[2]:" too) and without the punctuation,
/// quotes and spaces before the first letter or digit, so `"Quoted" title`, `Re: Budget` and
/// `…and then` sort among the words they start with. Lower-cased bytes compare fast and well enough
/// for titles; locale collation (Foundation) is many times slower. Part of the snapshot's meaning
/// (its title ranks): a change here needs a new `SnapshotFormat.version`.
public enum TitleSortKey {
    public static func key(_ title: String) -> [UInt8] {
        var rest = Substring(title.lowercased())
        while true {
            rest = rest.drop { !$0.isLetter && !$0.isNumber }
            guard let stripped = droppingReplyPrefix(rest) else { break }
            rest = stripped
        }
        // A title that is all punctuation keeps it, so such titles still sort among themselves.
        return Array((rest.isEmpty ? Substring(title.lowercased()) : rest).utf8)
    }

    /// `rest` after a leading "re:", "fwd:", "fw:" or "re[2]:", or nil when it has none.
    private static func droppingReplyPrefix(_ rest: Substring) -> Substring? {
        for prefix in ["re", "fwd", "fw"] where rest.hasPrefix(prefix) {
            var after = rest.dropFirst(prefix.count)
            if after.first == "[" {
                let digits = after.dropFirst().prefix { $0.isNumber }
                guard !digits.isEmpty, after.dropFirst(1 + digits.count).first == "]" else { continue }
                after = after.dropFirst(2 + digits.count)
            }
            after = after.drop { $0 == " " }
            if after.first == ":" || after.first == "：" { return after.dropFirst() }
        }
        return nil
    }
}
