/// The program and arguments that open a link: `$BROWSER` split into words (no shell reads it),
/// its first choice when it lists several (`a:b`, the xdg convention), the address in place of a
/// `%s` or else added as the last argument; `xdg-open` without `$BROWSER`.
enum BrowserCommand {
    static func command(for url: String, browser: String?) -> [String] {
        let first = browser?.split(separator: ":", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        var words = first.split(separator: " ").map(String.init)
        if words.isEmpty { words = ["xdg-open"] }
        if words.contains("%s") { return words.map { $0 == "%s" ? url : $0 } }
        return words + [url]
    }
}
