import TerminalCore

/// Where each pane goes for a screen size (Documentation/architecture.md §3: side by side when wide, stacked when
/// medium, one pane at a time when narrow; `z` zooms the reader).
public struct Layout: Equatable, Sendable {
    public enum Mode: Sendable, Equatable { case sideBySide, stacked, single, tooSmall }

    public var mode: Mode
    public var searchBar: Rect
    public var list: Rect?
    public var reader: Rect?
    /// The line between list and reader (a column when side by side, a row when stacked).
    public var divider: Rect?
    public var status: Rect

    public static let sideBySideWidth = 120
    public static let singlePaneWidth = 70
    /// Below this the screen only says it is too small.
    public static let minimumWidth = 20
    public static let minimumHeight = 5

    /// The user's layout choices (config.toml [layout]).
    public struct Settings: Sendable, Equatable {
        public var sideBySideWidth: Int
        /// Columns of the list when side by side; nil: two fifths of the screen, 40 to 70.
        public var listWidth: Int?
        /// The reading measure: text lines no longer than this.
        public var measure: Int

        public init(sideBySideWidth: Int = Layout.sideBySideWidth, listWidth: Int? = nil, measure: Int = ReaderDocument.measure) {
            self.sideBySideWidth = sideBySideWidth
            self.listWidth = listWidth
            self.measure = measure
        }

        public static let standard = Settings()
    }

    public static func compute(
        width: Int, height: Int, focus: Focus, isZoomed: Bool, isReaderOpen: Bool, settings: Settings = .standard
    ) -> Layout {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            return Layout(mode: .tooSmall, searchBar: Rect(x: 0, y: 0, width: 0, height: 0), status: screen)
        }
        let (searchBar, belowSearch) = screen.splitTop(1)
        let body = Rect(x: 0, y: belowSearch.y, width: width, height: belowSearch.height - 1)
        let status = Rect(x: 0, y: height - 1, width: width, height: 1)
        var layout = Layout(mode: .single, searchBar: searchBar, status: status)
        let showReaderAlone = isReaderOpen && (focus == .reader || focus == .links || isZoomed)
        if isZoomed && isReaderOpen {
            layout.reader = body
        } else if width >= settings.sideBySideWidth {
            layout.mode = .sideBySide
            // A configured width still leaves the reading pane at least 20 columns.
            let listWidth = settings.listWidth.map { min($0, width - 21) } ?? max(40, min(width * 2 / 5, 70))
            let (list, rest) = body.splitLeft(listWidth)
            let (divider, reader) = rest.splitLeft(1)
            layout.list = list
            layout.divider = divider
            layout.reader = reader
        } else if width >= singlePaneWidth && body.height >= 12 {
            layout.mode = .stacked
            let listHeight = max(3, body.height * 2 / 5)
            let (list, rest) = body.splitTop(listHeight)
            let (divider, reader) = rest.splitTop(1)
            layout.list = list
            layout.divider = divider
            layout.reader = reader
        } else if showReaderAlone {
            layout.reader = body
        } else {
            layout.list = body
        }
        return layout
    }
}
