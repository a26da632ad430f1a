/// The largest screen folio believes in, whatever size the terminal reports.
///
/// Over SSH the visitor's client chooses the window size, up to 65,535 either way. ncurses keeps
/// sizes in a `short` (32,768 rows crash it) and allocates every screen it keeps by size (three of
/// them, plus folio's own grids), so the size must be bounded before ncurses or the grid sees it.
/// 1000 columns by 500 rows is beyond any real screen (a 7680-pixel-wide 8K display in a 6-pixel
/// font is 1280 columns, and reading text stops at the measure long before), and costs about
/// 100 MB at most. A larger window shows folio in its top-left 1000x500 cells.
public enum TerminalSizeLimit {
    public static let columns = 1000
    public static let rows = 500

    /// The size to draw at for a terminal that reports `width` x `height`; nil when it reports no
    /// size (0 either way, as a pty nobody sized does), so the size in use is kept.
    public static func clamp(width: Int, height: Int) -> (width: Int, height: Int)? {
        guard width > 0, height > 0 else { return nil }
        return (min(width, columns), min(height, rows))
    }
}
